import { useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import { useApp } from '../context.ts';
import { hasMessage } from '../messages.ts';
import { DataTable } from '../ui/data-table.tsx';
import { Notice } from '../ui/field.tsx';
import { describeRefusal } from '../ui/refusal.ts';
import type { ImportReport } from './types.ts';

// The server's limit (IMPORT_LIMIT_BYTES in src/admin/members.routes.ts), checked before sending.
const LIMIT_MB = 2;

/** Import members from a CSV file, and the report of what each row became. */
export function ImportPanel(props: { onImported: () => void }) {
  const { t } = useApp();
  const file = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [report, setReport] = useState<ImportReport | undefined>();

  const refusalOf = (caught: unknown): string =>
    caught instanceof ApiError && caught.code === 'UNREADABLE_CSV'
      ? t('members.import.unreadable', { line: String(caught.details?.line ?? 1) })
      : describeRefusal(t, caught, 'members').message;

  const send = async (event: Event) => {
    event.preventDefault();
    setProblem('');
    setReport(undefined);
    const chosen = file.current?.files?.[0];
    if (!chosen) return setProblem(t('members.import.choose'));
    if (chosen.size > LIMIT_MB * 1024 * 1024)
      return setProblem(t('members.import.tooLarge', { size: String(LIMIT_MB) }));
    setBusy(true);
    try {
      setReport(await api<ImportReport>('POST', '/members/import', await chosen.text(), { contentType: 'text/csv' }));
      props.onImported();
    } catch (caught) {
      setProblem(refusalOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="panel members-import" onSubmit={send} aria-labelledby="members-import-heading">
      <h2 id="members-import-heading">{t('members.import.title')}</h2>
      <p>{t('members.import.intro')}</p>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <div class="field">
        <label for="members-import-file">{t('members.import.file')}</label>
        <input id="members-import-file" ref={file} type="file" accept=".csv,text/csv" />
      </div>
      <button type="submit" disabled={busy}>
        {t('members.import.button')}
      </button>
      <Notice>
        {report &&
          `${t('members.import.report', {
            rows: String(report.rows),
            created: String(report.created),
            updated: String(report.updated),
            unchanged: String(report.unchanged),
            refused: String(report.refused.length),
          })}${report.created + report.updated === 0 && report.rows > 0 ? ` ${t('members.import.nothingNew')}` : ''}`}
      </Notice>
      {report && report.refused.length > 0 && (
        <DataTable
          caption={t('members.import.refusedCaption')}
          rows={report.refused}
          rowKey={(row) => String(row.line)}
          columns={[
            { header: t('members.import.line'), rowHeader: true, cell: (row) => String(row.line) },
            { header: t('members.email'), cell: (row) => row.email },
            {
              header: t('members.import.reason'),
              cell: (row) => {
                const key = `members.refused.${row.reason}`;
                return hasMessage(key) ? t(key) : row.reason;
              },
            },
          ]}
        />
      )}
    </form>
  );
}
