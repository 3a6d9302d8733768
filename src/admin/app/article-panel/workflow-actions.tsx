import { useState } from 'preact/hooks';
import { can } from '../../../content/policy.ts';
import type { StaffRole } from '../../../staff/staff.table.ts';
import { ApiError } from '../api.ts';
import type { EditableArticle } from '../article/article-api.ts';
import { useApp } from '../context.ts';
import { errorMessage } from '../messages.ts';
import { CorrectionsBox } from './corrections-box.tsx';
import { siteTimeToUtc, utcToSiteTime } from '../ui/site-time.ts';
import { articleTk, tkWhere } from './tk-summary.ts';
import { publish, sendBack, submitForEdit, unpublish } from './workflow-api.ts';

/** What the editor screen hands the actions: the article, a save, and a way to take the server's answer. */
export interface ActionsContext {
  article: EditableArticle | undefined;
  save: () => Promise<void>;
  unsaved: boolean;
  /** The article as the last save left it (after `save()`, before the screen renders again). */
  current: () => EditableArticle | undefined;
  /** An action changed the article on the server: the screen and its saver go on from this version. */
  adopt: (article: EditableArticle) => void;
}

type Refusal = { message: string; tk?: string };

/** Status, and what this member of staff may do with the article next: submit, send back, publish, schedule, unpublish. */
export function WorkflowActions(props: ActionsContext) {
  const { t, staff, timeZone, formatTime } = useApp();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const [panel, setPanel] = useState<'schedule' | 'return' | undefined>();
  const [note, setNote] = useState('');
  const soon = utcToSiteTime(new Date(Date.now() + 3600_000).toISOString(), timeZone);
  const [when, setWhen] = useState(soon);
  const { article } = props;
  if (!article) return <p class="status-line">{t('panel.status.new')}</p>;

  const actor = { id: staff.id, role: staff.role as StaffRole };
  const policyArticle = { createdBy: article.createdBy ?? null, status: article.status as 'draft' };
  const mayPublish = can(actor, 'article.publish', policyArticle);
  const isEditor = staff.role === 'editor' || staff.role === 'admin';
  const tk = articleTk(article);
  const tkCount = tk.reduce((sum, place) => sum + place.count, 0);

  const act = async (run: (latest: EditableArticle) => Promise<EditableArticle>) => {
    setBusy(true);
    setRefusal(undefined);
    try {
      // Whatever is typed goes out first, so what is published is what is on screen.
      await props.save();
      const latest = props.current() ?? article;
      props.adopt(await run(latest));
      setPanel(undefined);
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : new ApiError(0, 'OFFLINE', String(caught));
      const places = error.details?.places as Parameters<typeof tkWhere>[1] | undefined;
      setRefusal({
        message: errorMessage(t, error.code),
        ...(error.code === 'TK_REMAINING' && places ? { tk: tkWhere(t, places) } : {}),
      });
    } finally {
      setBusy(false);
    }
  };

  const status = article.status;
  const statusText =
    status === 'scheduled' && article.publishedAt
      ? t('panel.status.scheduledFor', { time: formatTime(article.publishedAt) })
      : t(`panel.status.${status as 'draft'}`);
  const canGoOut =
    mayPublish && (status === 'draft' || status === 'ready' || status === 'unpublished' || status === 'scheduled');
  const blocked = tkCount > 0;

  return (
    <div class="workflow-actions">
      <p class="status-line" aria-live="polite">
        <span class={`status-badge status-${status}`}>{statusText}</span>
      </p>
      {status === 'published' && article.url && (
        // The path alone: the site is served where the app is, whatever address PUBLIC_URL gives.
        <p class="view-on-site">
          <a href={new URL(article.url).pathname}>{t('panel.viewOnSite')}</a>
        </p>
      )}
      {article.returnNote && status === 'draft' && (
        <p class="return-note">{t('panel.returnNote', { note: article.returnNote })}</p>
      )}
      {status === 'draft' && !mayPublish && (
        <button type="button" disabled={busy} onClick={() => void act((latest) => submitForEdit(latest))}>
          {t('panel.submit')}
        </button>
      )}
      {status === 'ready' && isEditor && (
        <button
          type="button"
          class="secondary"
          aria-expanded={panel === 'return'}
          onClick={() => setPanel(panel === 'return' ? undefined : 'return')}
        >
          {t('panel.sendBack')}
        </button>
      )}
      {canGoOut && (
        <>
          <button
            type="button"
            disabled={busy || blocked}
            aria-describedby={blocked ? 'panel-tk-block' : undefined}
            onClick={() => void act((latest) => publish(latest))}
          >
            {t('panel.publishNow')}
          </button>
          <button
            type="button"
            class="secondary"
            disabled={busy || blocked}
            aria-describedby={blocked ? 'panel-tk-block' : undefined}
            aria-expanded={panel === 'schedule'}
            onClick={() => setPanel(panel === 'schedule' ? undefined : 'schedule')}
          >
            {t('panel.schedule')}
          </button>
        </>
      )}
      {(status === 'published' || status === 'scheduled') && mayPublish && (
        <button type="button" class="secondary" disabled={busy} onClick={() => void act((latest) => unpublish(latest))}>
          {t('panel.unpublish')}
        </button>
      )}
      {canGoOut && blocked && (
        <p id="panel-tk-block" class="tk-block">
          {t('panel.tkBlocks', { count: String(tkCount), where: tkWhere(t, tk) })}
        </p>
      )}
      {panel === 'schedule' && !blocked && (
        <form
          class="schedule-form"
          // The time may carry seconds (typed or filled in): the browser's step check would refuse
          // them silently, so the form checks what it needs itself.
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            let publishAt: string;
            try {
              publishAt = siteTimeToUtc(when, timeZone);
            } catch {
              setRefusal({ message: t('panel.scheduleInvalid') });
              return;
            }
            void act((latest) => publish(latest, publishAt));
          }}
        >
          <label for="panel-schedule-date">{t('panel.scheduleDate')}</label>
          <input
            id="panel-schedule-date"
            type="date"
            required
            value={when.date}
            onInput={(event) => setWhen({ ...when, date: event.currentTarget.value })}
          />
          <label for="panel-schedule-time">{t('panel.scheduleTime', { zone: timeZone })}</label>
          <input
            id="panel-schedule-time"
            type="time"
            required
            value={when.time}
            onInput={(event) => setWhen({ ...when, time: event.currentTarget.value })}
          />
          <button type="submit" disabled={busy}>
            {t('panel.scheduleConfirm')}
          </button>
        </form>
      )}
      {panel === 'return' && (
        <form
          class="return-form"
          onSubmit={(event) => {
            event.preventDefault();
            void act((latest) => sendBack(latest, note.trim()));
          }}
        >
          <label for="panel-return-note">{t('panel.returnNoteLabel')}</label>
          <textarea
            id="panel-return-note"
            rows={3}
            maxLength={2000}
            value={note}
            onInput={(event) => setNote(event.currentTarget.value)}
          />
          <button type="submit" disabled={busy}>
            {t('panel.sendBackConfirm')}
          </button>
        </form>
      )}
      {refusal && (
        <p class="field-error" role="alert">
          {refusal.message}
          {refusal.tk && ` ${t('panel.tkWhere', { where: refusal.tk })}`}
        </p>
      )}
      {status === 'published' && can(actor, 'article.correct', policyArticle) && (
        <CorrectionsBox article={article} onAdded={() => void 0} />
      )}
    </div>
  );
}
