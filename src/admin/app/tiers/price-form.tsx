import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import { Field, RefusalMessage, TextField } from '../ui/field.tsx';
import { useSubmit } from '../ui/refusal.ts';
import { toMinorUnits } from './money.ts';
import type { Tier, TierChange } from './types.ts';

/** Sets a paid tier's price for a currency and interval; a new amount replaces the price (archived). */
export function PriceForm(props: { tier: Tier; onDone: (change: TierChange) => void }) {
  const { t } = useApp();
  const prefix = `price-${props.tier.slug}`;
  const [draft, setDraft] = useState({ currency: 'usd', interval: 'month', amount: '' });
  const submit = useSubmit('tiers');

  const add = async (event: Event) => {
    event.preventDefault();
    const currency = draft.currency.trim().toLowerCase();
    // A wrong amount is sent as 0, so the API's refusal names the field in the staff member's words.
    const minor = toMinorUnits(draft.amount, /^[a-z]{3}$/.test(currency) ? currency : 'usd');
    let change: TierChange | undefined;
    const ok = await submit.run(async () => {
      change = await api<TierChange>('POST', `/tiers/${props.tier.id}/prices`, {
        currency,
        interval: draft.interval,
        amount: Number.isNaN(minor) ? 0 : minor,
      });
    });
    if (!ok || !change) return;
    setDraft({ ...draft, amount: '' });
    props.onDone(change);
  };

  const headingId = `${prefix}-heading`;
  return (
    <form class="price-form" onSubmit={add} ref={submit.formRef} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>{t('tiers.setPrice', { name: props.tier.name })}</h3>
      <RefusalMessage refusal={submit.refusal} />
      <div class="price-fields">
        <TextField
          id={`${prefix}-currency`}
          label={t('tiers.currency')}
          hint={t('tiers.currencyHint')}
          value={draft.currency}
          onInput={(currency) => setDraft({ ...draft, currency })}
          error={submit.fieldError('currency')}
          maxLength={3}
          spellcheck={false}
        />
        <Field id={`${prefix}-interval`} label={t('tiers.interval')} error={submit.fieldError('interval')}>
          {(control) => (
            <select
              {...control}
              value={draft.interval}
              onChange={(event) => setDraft({ ...draft, interval: event.currentTarget.value })}
            >
              <option value="month">{t('tiers.monthly')}</option>
              <option value="year">{t('tiers.yearly')}</option>
            </select>
          )}
        </Field>
        <TextField
          id={`${prefix}-amount`}
          label={t('tiers.amount')}
          hint={t('tiers.amountHint')}
          value={draft.amount}
          onInput={(amount) => setDraft({ ...draft, amount })}
          error={submit.fieldError('amount')}
        />
      </div>
      <button type="submit" disabled={submit.busy}>
        {t('tiers.addPrice')}
      </button>
    </form>
  );
}
