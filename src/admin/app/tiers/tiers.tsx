import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import { DataTable, RowAction } from '../ui/data-table.tsx';
import { Notice } from '../ui/field.tsx';
import { useLoad } from '../ui/load.ts';
import { describeRefusal } from '../ui/refusal.ts';
import { formatMoney } from './money.ts';
import { OffersSection } from './offers.tsx';
import { PriceForm } from './price-form.tsx';
import { TierForm } from './tier-form.tsx';
import type { Tier, TierChange, TierPrice } from './types.ts';
import './tiers.css';

// Notices that name the tier they are about.
type NamedNotice = 'tiers.saved' | 'tiers.priceSet' | 'tiers.created';

interface TierList {
  tiers: Tier[];
  stripeConfigured: boolean;
}

/** Tiers readers join and their prices per currency and interval; sending them to Stripe. */
export function TiersScreen() {
  const { t } = useApp();
  const list = useLoad(() => api<TierList>('GET', '/tiers'));
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState('');
  const [editing, setEditing] = useState<string | undefined>();

  const changed = (key: NamedNotice) => (change: TierChange) => {
    setNotice(t(key, { name: change.tier.name }));
    setProblem(change.stripeProblem ? t('tiers.stripeProblem') : '');
    list.reload();
  };
  const act = async (action: () => Promise<TierChange | { tiers: Tier[] }>, done: string) => {
    setProblem('');
    try {
      const answer = await action();
      setNotice(done);
      setProblem('stripeProblem' in answer && answer.stripeProblem ? t('tiers.stripeProblem') : '');
      list.reload();
    } catch (caught) {
      setProblem(describeRefusal(t, caught, 'tiers').message);
    }
  };
  const move = (tiers: Tier[], index: number, by: number) => {
    const ids = tiers.map((tier) => tier.id);
    const [moved] = ids.splice(index, 1);
    if (!moved) return;
    ids.splice(index + by, 0, moved);
    void act(() => api('POST', '/tiers/order', { ids }), t('tiers.moved', { name: tiers[index]?.name ?? '' }));
  };

  const tiers = list.data?.tiers ?? [];
  const outOfSync = tiers.some((tier) => !tier.stripeSynced || tier.prices.some((price) => !price.stripeSynced));
  return (
    <>
      <h1 tabIndex={-1}>{t('tiers.title')}</h1>
      <p>{t('tiers.intro')}</p>
      <Notice>{notice}</Notice>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {list.error && (
        <p class="error" role="alert">
          {list.error}
        </p>
      )}
      {list.data && !list.data.stripeConfigured && <p class="tiers-stripe">{t('tiers.stripeOff')}</p>}
      {list.data?.stripeConfigured && outOfSync && (
        <div class="tiers-stripe warning">
          <p>{t('tiers.outOfSync')}</p>
          <button type="button" onClick={() => act(() => api('POST', '/tiers/stripe-sync'), t('tiers.synced'))}>
            {t('tiers.sendToStripe')}
          </button>
        </div>
      )}
      {tiers.map((tier, index) =>
        editing === tier.id ? (
          <TierForm
            key={tier.id}
            tier={tier}
            onCancel={() => setEditing(undefined)}
            onDone={(change) => {
              setEditing(undefined);
              changed('tiers.saved')(change);
            }}
          />
        ) : (
          <section class="panel tier" key={tier.id} aria-labelledby={`tier-${tier.slug}-heading`}>
            <h2 id={`tier-${tier.slug}-heading`}>
              {tier.name}{' '}
              <span class="status">
                {tier.kind === 'free' ? t('tiers.free') : tier.archived ? t('tiers.archived') : t('tiers.paid')}
              </span>
            </h2>
            {tier.description && <p>{tier.description}</p>}
            {tier.benefits.length > 0 && (
              <ul class="benefits" aria-label={t('tiers.benefitsOf', { name: tier.name })}>
                {tier.benefits.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
            {tier.kind === 'paid' && (
              <p class="trial">
                {tier.trialDays ? t('tiers.trial', { days: String(tier.trialDays) }) : t('tiers.noTrial')}
              </p>
            )}
            <div class="actions">
              <button type="button" class="secondary small" onClick={() => setEditing(tier.id)}>
                {t('tiers.edit')}
                <span class="visually-hidden"> {tier.name}</span>
              </button>
              {tier.kind === 'paid' && (
                <button
                  type="button"
                  class="secondary small"
                  onClick={() =>
                    act(
                      () => api('POST', `/tiers/${tier.id}/${tier.archived ? 'restore' : 'archive'}`),
                      t(tier.archived ? 'tiers.restored' : 'tiers.archivedDone'),
                    )
                  }
                >
                  {tier.archived ? t('tiers.restore') : t('tiers.archive')}
                  <span class="visually-hidden"> {tier.name}</span>
                </button>
              )}
              {index > 0 && (
                <button type="button" class="secondary small" onClick={() => move(tiers, index, -1)}>
                  {t('tiers.moveUp', { name: tier.name })}
                </button>
              )}
              {index < tiers.length - 1 && (
                <button type="button" class="secondary small" onClick={() => move(tiers, index, 1)}>
                  {t('tiers.moveDown', { name: tier.name })}
                </button>
              )}
            </div>
            {tier.kind === 'paid' && (
              <>
                <Prices tier={tier} onArchive={(price) => archivePrice(tier, price)} />
                {!tier.archived && <PriceForm tier={tier} onDone={changed('tiers.priceSet')} />}
              </>
            )}
          </section>
        ),
      )}
      {list.data && <TierForm onDone={changed('tiers.created')} />}
      {list.data && <OffersSection tiers={tiers} />}
    </>
  );

  function archivePrice(tier: Tier, price: TierPrice) {
    void act(() => api('POST', `/tiers/${tier.id}/prices/${price.id}/archive`), t('tiers.priceArchived'));
  }
}

function Prices(props: { tier: Tier; onArchive: (price: TierPrice) => void }) {
  const { t, locale } = useApp();
  const [showArchived, setShowArchived] = useState(false);
  const rows = props.tier.prices.filter((price) => showArchived || !price.archived);
  const archivedCount = props.tier.prices.length - props.tier.prices.filter((price) => !price.archived).length;
  return (
    <>
      <DataTable
        caption={t('tiers.pricesOf', { name: props.tier.name })}
        rows={rows}
        rowKey={(price) => price.id}
        empty={t('tiers.noPrices')}
        columns={[
          { header: t('tiers.currency'), rowHeader: true, cell: (price) => price.currency.toUpperCase() },
          {
            header: t('tiers.interval'),
            cell: (price) => (price.interval === 'month' ? t('tiers.monthly') : t('tiers.yearly')),
          },
          { header: t('tiers.amount'), cell: (price) => formatMoney(price.amount, price.currency, locale) },
          {
            header: t('tiers.state'),
            cell: (price) =>
              price.archived ? t('tiers.archived') : price.stripeSynced ? t('tiers.offered') : t('tiers.notInStripe'),
          },
          {
            header: t('ui.actions'),
            cell: (price) =>
              price.archived ? null : (
                <RowAction
                  label={t('tiers.archivePrice')}
                  rowName={`${price.currency.toUpperCase()} ${price.interval === 'month' ? t('tiers.monthly') : t('tiers.yearly')}`}
                  onClick={() => props.onArchive(price)}
                />
              ),
          },
        ]}
      />
      {archivedCount > 0 && (
        <button
          type="button"
          class="secondary small"
          aria-pressed={showArchived}
          onClick={() => setShowArchived(!showArchived)}
        >
          {t('tiers.showArchived', { count: String(archivedCount) })}
        </button>
      )}
    </>
  );
}
