import { useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { useApp } from '../context.ts';
import { errorMessage, type MessageKey, type Translate } from '../messages.ts';
import type { BulkAction, BulkResult } from '../../../content/bulk.service.ts';
import { bulkChange } from './article-api.ts';

/** What one bulk request came to, kept for the report under the buttons. */
export interface BulkReport {
  action: BulkAction;
  done: number;
  refused: Array<{ headline: string; reason: string }>;
}

/** Why one article was refused, in the staff member's words: a conflict is said for the action tried. */
function reasonFor(t: Translate, action: BulkAction, result: Extract<BulkResult, { ok: false }>): string {
  if (result.error.code === 'CONFLICT') return t(`articles.conflict.${action}` as MessageKey);
  return errorMessage(t, result.error.code);
}

interface Props {
  actions: readonly BulkAction[];
  selected: ReadonlySet<string>;
  headlines: ReadonlyMap<string, string>;
  /** Called with the report once the API has answered for every article. */
  onDone: (report: BulkReport) => void;
}

/**
 * Buttons for what can be done to the selected articles (each goes through the API's own rules, so
 * some may be refused while others go through), and how many are selected.
 */
export function BulkActions({ actions, selected, headlines, onDone }: Props) {
  const { t } = useApp();
  const [busy, setBusy] = useState<BulkAction | undefined>();
  const [error, setError] = useState<string | undefined>();
  const run = async (action: BulkAction) => {
    setBusy(action);
    setError(undefined);
    try {
      const results = await bulkChange([...selected], action);
      onDone({
        action,
        done: results.filter((r) => r.ok).length,
        refused: results.flatMap((r) =>
          r.ok ? [] : [{ headline: headlines.get(r.id) || t('articles.untitled'), reason: reasonFor(t, action, r) }],
        ),
      });
    } catch (caught) {
      setError(errorMessage(t, caught instanceof ApiError ? caught.code : 'other'));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div class="bulk-actions" role="group" aria-label={t('articles.bulkActions')}>
      <p class="count" aria-live="polite">
        {t('articles.selected', { count: String(selected.size) })}
      </p>
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          class={action === 'trash' ? 'secondary danger' : 'secondary'}
          disabled={selected.size === 0 || busy !== undefined}
          onClick={() => run(action)}
        >
          {busy === action ? t('articles.working') : t(`articles.bulk.${action}` as MessageKey)}
        </button>
      ))}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** What the last bulk action did: how many went through, and each refusal with its reason. */
export function BulkReportView({ report }: { report: BulkReport | undefined }) {
  const { t } = useApp();
  return (
    <div class="bulk-report" role="status">
      {report && (
        <>
          <p>
            {t(`articles.done.${report.action}` as MessageKey, { count: String(report.done) })}
            {report.refused.length > 0 && ` ${t('articles.refused', { count: String(report.refused.length) })}`}
          </p>
          {report.refused.length > 0 && (
            <ul>
              {report.refused.map((refusal, i) => (
                <li key={i}>{t('articles.refusedOne', refusal)}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
