import { nowIso } from '../db/ids.ts';
import { AppError } from '../http/errors.ts';
import type { Actor } from '../staff/actor.ts';
import { changeArticle } from './article-change.ts';
import { requireArticle } from './article-versions.ts';
import { updateArticleRow } from './articles.repository.ts';
import type { ContentDeps } from './articles.service.ts';
import type { ArticleRow, ArticleRowUpdate, ArticleStatus, RevisionAction } from './articles.table.ts';
import type { ContentAction } from './policy.ts';

/*
 * "Ready for edit": a writer submits a draft, it waits in the editors' queue (GET /articles?status=ready),
 * and an editor publishes or schedules it (publishing.service.ts) or sends it back to draft with a
 * note. Neither step shows anything to readers, so neither purges a page.
 */

/** The longest note an editor sends back with a story. */
export const RETURN_NOTE_LIMIT = 2000;

/** One step of the edit workflow: the status it leaves and enters, and what it is refused and recorded as. */
interface WorkflowStep {
  action: ContentAction;
  from: ArticleStatus;
  to: ArticleStatus;
  revision: RevisionAction;
  refusal: (status: ArticleStatus) => string;
}

const SUBMIT: WorkflowStep = {
  action: 'article.submit',
  from: 'draft',
  to: 'ready',
  revision: 'submit',
  refusal: (status) => `Only a draft can be submitted for edit; this article is ${status}.`,
};

const RETURN: WorkflowStep = {
  action: 'article.return',
  from: 'ready',
  to: 'draft',
  revision: 'return',
  refusal: (status) => `Only an article ready for edit can go back to draft; this one is ${status}.`,
};

/**
 * Takes `step` on one article, refused (409) unless it stands at the step's starting status; `columns`
 * are what the step writes besides the status, and `note` goes into its revision.
 */
async function takeStep(
  deps: ContentDeps,
  actor: Actor,
  id: string,
  step: WorkflowStep,
  change: { columns: ArticleRowUpdate; note?: string | null; baseVersion?: number | undefined },
): Promise<ArticleRow> {
  const { after } = await changeArticle(
    deps,
    actor,
    id,
    step.action,
    { baseVersion: change.baseVersion, purges: false },
    async (trx, before) => {
      if (before.status !== step.from) throw new AppError('CONFLICT', step.refusal(before.status));
      await updateArticleRow(trx, id, { status: step.to, ...change.columns });
      return { after: await requireArticle(trx, id), revision: step.revision, note: change.note };
    },
  );
  return after;
}

/** Submits a draft for edit: it joins the editors' queue, and a contributor can no longer change it. */
export function submitArticle(deps: ContentDeps, actor: Actor, id: string, baseVersion?: number): Promise<ArticleRow> {
  return takeStep(deps, actor, id, SUBMIT, {
    columns: { submitted_at: nowIso(), return_note: null },
    baseVersion,
  });
}

/** Sends a story that is ready for edit back to its writer as a draft, with what to change. */
export function returnToDraft(
  deps: ContentDeps,
  actor: Actor,
  id: string,
  note?: string,
  baseVersion?: number,
): Promise<ArticleRow> {
  const text = note?.trim() || null;
  return takeStep(deps, actor, id, RETURN, { columns: { return_note: text }, note: text, baseVersion });
}
