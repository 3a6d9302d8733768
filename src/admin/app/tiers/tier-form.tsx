import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import { Field, RefusalMessage, TextField } from '../ui/field.tsx';
import { useSubmit } from '../ui/refusal.ts';
import type { Tier, TierChange } from './types.ts';

/** Creates a paid tier, or changes one (the free tier too): name, description, benefits, trial. */
export function TierForm(props: { tier?: Tier; onDone: (change: TierChange) => void; onCancel?: () => void }) {
  const { t } = useApp();
  const { tier } = props;
  const prefix = tier ? `tier-${tier.slug}` : 'new-tier';
  const [draft, setDraft] = useState({
    name: tier?.name ?? '',
    description: tier?.description ?? '',
    benefits: tier?.benefits.join('\n') ?? '',
    trialDays: String(tier?.trialDays ?? 0),
  });
  const submit = useSubmit('tiers');

  const save = async (event: Event) => {
    event.preventDefault();
    const trialDays = Number(draft.trialDays.trim() || '0');
    const body = {
      name: draft.name.trim(),
      description: draft.description.trim(),
      benefits: draft.benefits
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      ...(tier?.kind === 'free' ? {} : { trialDays: Number.isInteger(trialDays) ? trialDays : -1 }),
    };
    let change: TierChange | undefined;
    const ok = await submit.run(async () => {
      change = tier
        ? await api<TierChange>('PATCH', `/tiers/${tier.id}`, body)
        : await api<TierChange>('POST', '/tiers', body);
    });
    if (!ok || !change) return;
    if (!tier) setDraft({ name: '', description: '', benefits: '', trialDays: '0' });
    props.onDone(change);
  };

  const headingId = `${prefix}-heading`;
  return (
    <form class="panel tier-form" onSubmit={save} ref={submit.formRef} noValidate aria-labelledby={headingId}>
      <h2 id={headingId}>{tier ? t('tiers.editTitle', { name: tier.name }) : t('tiers.new')}</h2>
      <RefusalMessage refusal={submit.refusal} />
      <TextField
        id={`${prefix}-name`}
        label={t('tiers.name')}
        value={draft.name}
        onInput={(name) => setDraft({ ...draft, name })}
        error={submit.fieldError('name')}
        maxLength={80}
      />
      <TextField
        id={`${prefix}-description`}
        label={t('tiers.description')}
        optional
        value={draft.description}
        onInput={(description) => setDraft({ ...draft, description })}
        error={submit.fieldError('description')}
      />
      <TextField
        id={`${prefix}-benefits`}
        label={t('tiers.benefits')}
        hint={t('tiers.benefitsHint')}
        optional
        multiline
        value={draft.benefits}
        onInput={(benefits) => setDraft({ ...draft, benefits })}
        error={submit.fieldError('benefits')}
      />
      {tier?.kind !== 'free' && (
        <Field
          id={`${prefix}-trial`}
          label={t('tiers.trialDays')}
          hint={t('tiers.trialHint')}
          error={submit.fieldError('trialDays')}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="numeric"
              class="short"
              value={draft.trialDays}
              onInput={(event) => setDraft({ ...draft, trialDays: event.currentTarget.value })}
            />
          )}
        </Field>
      )}
      <div class="actions">
        <button type="submit" disabled={submit.busy}>
          {tier ? t('tiers.save') : t('tiers.create')}
        </button>
        {props.onCancel && (
          <button type="button" class="secondary" onClick={props.onCancel}>
            {t('tiers.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
