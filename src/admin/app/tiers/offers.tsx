import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import type { Translate } from '../messages.ts';
import { DataTable, RowAction } from '../ui/data-table.tsx';
import { Field, Notice, RefusalMessage, TextField } from '../ui/field.tsx';
import { useLoad } from '../ui/load.ts';
import { describeRefusal, useSubmit } from '../ui/refusal.ts';
import { formatMoney, toMinorUnits } from './money.ts';
import type { Offer, OfferChange, Tier } from './types.ts';

/** The tiers screen's offers: each link with what it gives and its redemptions, and a form for a new one. */
export function OffersSection(props: { tiers: Tier[] }) {
  const { t, locale } = useApp();
  const list = useLoad(() => api<{ offers: Offer[] }>('GET', '/offers'));
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState('');
  const names = new Map(props.tiers.map((tier) => [tier.id, tier.name]));
  const paid = props.tiers.filter((tier) => tier.kind === 'paid' && !tier.archived);

  const done = (message: string) => (change: OfferChange) => {
    setNotice(message);
    setProblem(change.stripeProblem ? t('offers.stripeProblem') : '');
    list.reload();
  };
  const archive = async (offer: Offer) => {
    setProblem('');
    try {
      done(t('offers.archived'))(await api<OfferChange>('POST', `/offers/${offer.id}/archive`));
    } catch (caught) {
      setProblem(describeRefusal(t, caught, 'offers').message);
    }
  };

  const sendToStripe = async () => {
    setProblem('');
    try {
      await api('POST', '/tiers/stripe-sync');
      setNotice(t('tiers.synced'));
      list.reload();
    } catch (caught) {
      setProblem(describeRefusal(t, caught, 'tiers').message);
    }
  };

  return (
    <section class="panel offers" aria-labelledby="offers-heading">
      <h2 id="offers-heading">{t('offers.title')}</h2>
      <p>{t('offers.intro')}</p>
      <Notice>{notice}</Notice>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {list.data?.offers.some((offer) => !offer.archived && !offer.stripeSynced) && (
        <div class="tiers-stripe warning">
          <p>{t('offers.outOfSync')}</p>
          <button type="button" onClick={() => void sendToStripe()}>
            {t('tiers.sendToStripe')}
          </button>
        </div>
      )}
      <DataTable
        caption={t('offers.title')}
        rows={list.data?.offers ?? []}
        rowKey={(offer) => offer.id}
        empty={t('offers.none')}
        columns={[
          { header: t('offers.name'), rowHeader: true, cell: (offer) => offer.name },
          { header: t('offers.link'), cell: (offer) => <code>/offer/{offer.code}</code> },
          { header: t('offers.tier'), cell: (offer) => names.get(offer.tierId) ?? '' },
          { header: t('offers.gives'), cell: (offer) => describeOffer(t, locale, offer) },
          {
            header: t('offers.redemptions'),
            cell: (offer) => `${offer.redemptions}${offer.redemptionLimit ? ` / ${offer.redemptionLimit}` : ''}`,
          },
          {
            header: t('offers.state'),
            cell: (offer) =>
              t(
                offer.archived
                  ? 'offers.state.archived'
                  : offer.stripeSynced
                    ? 'offers.state.active'
                    : 'offers.state.unsynced',
              ),
          },
          {
            header: t('ui.actions'),
            cell: (offer) =>
              offer.archived ? null : (
                <RowAction label={t('offers.archive')} rowName={offer.name} onClick={() => void archive(offer)} />
              ),
          },
        ]}
      />
      {paid.length > 0 && (
        <OfferForm
          tiers={paid}
          onDone={(change) => done(t('offers.created', { name: change.offer.name, code: change.offer.code }))(change)}
        />
      )}
    </section>
  );
}

function describeOffer(t: Translate, locale: string, offer: Offer): string {
  if (offer.kind === 'trial') return t('offers.trial', { days: String(offer.trialDays ?? 0) });
  const off =
    offer.kind === 'percent'
      ? t('offers.percent', { percent: String(offer.percentOff ?? 0) })
      : Object.entries(offer.amountsOff)
          .map(([currency, amount]) => formatMoney(amount, currency, locale))
          .join(', ');
  const duration =
    offer.duration === 'repeating'
      ? t('offers.for.repeating', { months: String(offer.durationMonths ?? 0) })
      : t(offer.duration === 'forever' ? 'offers.for.forever' : 'offers.for.once');
  return `${off} ${duration}`;
}

const EMPTY = {
  name: '',
  code: '',
  tierId: '',
  cadence: 'both',
  kind: 'percent',
  percentOff: '',
  amount: '',
  currency: '',
  duration: 'once',
  durationMonths: '',
  trialDays: '',
  limit: '',
};

/** A whole number typed in a field: undefined when empty, 0 (which the API refuses, naming it) when not a number. */
const wholeNumber = (text: string): number | undefined =>
  text.trim() === '' ? undefined : /^\d+$/.test(text.trim()) ? Number(text.trim()) : 0;

function OfferForm(props: { tiers: Tier[]; onDone: (change: OfferChange) => void }) {
  const { t } = useApp();
  const [draft, setDraft] = useState({ ...EMPTY, tierId: props.tiers[0]?.id ?? '' });
  const submit = useSubmit('offers');
  const tier = props.tiers.find((candidate) => candidate.id === draft.tierId);
  const currencies = [...new Set(tier?.prices.filter((p) => !p.archived).map((p) => p.currency) ?? [])];
  const currency = draft.currency || currencies[0] || 'usd';
  const set = (field: keyof typeof EMPTY) => (value: string) => setDraft({ ...draft, [field]: value });

  const create = async (event: Event) => {
    event.preventDefault();
    const minor = toMinorUnits(draft.amount, currency);
    const body = {
      name: draft.name,
      ...(draft.code.trim() ? { code: draft.code.trim() } : {}),
      tierId: draft.tierId,
      cadence: draft.cadence,
      kind: draft.kind,
      ...(draft.kind === 'percent' ? { percentOff: wholeNumber(draft.percentOff) ?? 0 } : {}),
      ...(draft.kind === 'amount' ? { amountsOff: { [currency]: Number.isNaN(minor) ? 0 : minor } } : {}),
      ...(draft.kind !== 'trial' ? { duration: draft.duration } : {}),
      ...(draft.kind !== 'trial' && draft.duration === 'repeating'
        ? { durationMonths: wholeNumber(draft.durationMonths) ?? 0 }
        : {}),
      ...(draft.kind === 'trial' ? { trialDays: wholeNumber(draft.trialDays) ?? 0 } : {}),
      ...(wholeNumber(draft.limit) !== undefined ? { redemptionLimit: wholeNumber(draft.limit) } : {}),
    };
    let change: OfferChange | undefined;
    const ok = await submit.run(async () => {
      change = await api<OfferChange>('POST', '/offers', body);
    });
    if (!ok || !change) return;
    setDraft({ ...EMPTY, tierId: draft.tierId });
    props.onDone(change);
  };

  const select = (id: keyof typeof EMPTY, label: string, options: Array<[string, string]>) => (
    <Field id={`offer-${id}`} label={label} error={submit.fieldError(id)}>
      {(control) => (
        <select {...control} value={draft[id]} onChange={(event) => set(id)(event.currentTarget.value)}>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <form class="offer-form" onSubmit={create} ref={submit.formRef} noValidate aria-labelledby="offer-form-heading">
      <h3 id="offer-form-heading">{t('offers.new')}</h3>
      <RefusalMessage refusal={submit.refusal} />
      <TextField
        id="offer-name"
        label={t('offers.name')}
        value={draft.name}
        onInput={set('name')}
        error={submit.fieldError('name')}
        maxLength={80}
      />
      <TextField
        id="offer-code"
        label={t('offers.code')}
        hint={t('offers.codeHint')}
        value={draft.code}
        onInput={set('code')}
        error={submit.fieldError('code')}
        optional
        spellcheck={false}
      />
      {select(
        'tierId',
        t('offers.tier'),
        props.tiers.map((option) => [option.id, option.name]),
      )}
      {select('cadence', t('offers.cadence'), [
        ['both', t('offers.cadence.both')],
        ['month', t('offers.cadence.month')],
        ['year', t('offers.cadence.year')],
      ])}
      {select('kind', t('offers.kind'), [
        ['percent', t('offers.kind.percent')],
        ['amount', t('offers.kind.amount')],
        ['trial', t('offers.kind.trial')],
      ])}
      {draft.kind === 'percent' && (
        <TextField
          id="offer-percentOff"
          label={t('offers.percentOff')}
          value={draft.percentOff}
          onInput={set('percentOff')}
          error={submit.fieldError('percentOff')}
        />
      )}
      {draft.kind === 'amount' && (
        <>
          {select(
            'currency',
            t('offers.currency'),
            currencies.map((code) => [code, code.toUpperCase()]),
          )}
          <TextField
            id="offer-amount"
            label={t('offers.amountOff')}
            value={draft.amount}
            onInput={set('amount')}
            error={submit.fieldError('amountsOff') ?? submit.fieldError(`amountsOff/${currency}`)}
          />
        </>
      )}
      {draft.kind !== 'trial' &&
        select('duration', t('offers.duration'), [
          ['once', t('offers.duration.once')],
          ['repeating', t('offers.duration.repeating')],
          ['forever', t('offers.duration.forever')],
        ])}
      {draft.kind !== 'trial' && draft.duration === 'repeating' && (
        <TextField
          id="offer-durationMonths"
          label={t('offers.durationMonths')}
          value={draft.durationMonths}
          onInput={set('durationMonths')}
          error={submit.fieldError('durationMonths')}
        />
      )}
      {draft.kind === 'trial' && (
        <TextField
          id="offer-trialDays"
          label={t('offers.trialDays')}
          value={draft.trialDays}
          onInput={set('trialDays')}
          error={submit.fieldError('trialDays')}
        />
      )}
      <TextField
        id="offer-limit"
        label={t('offers.limit')}
        hint={t('offers.limitHint')}
        value={draft.limit}
        onInput={set('limit')}
        error={submit.fieldError('redemptionLimit')}
        optional
      />
      <button type="submit" disabled={submit.busy}>
        {t('offers.create')}
      </button>
    </form>
  );
}
