import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../http/errors.ts';
import { SYSTEM, SYSTEM_TASKS } from '../staff/actor.ts';
import type { StaffRole } from '../staff/staff.table.ts';
import { authorize, can, type ContentAction, type PolicyActor, type PolicyArticle } from './policy.ts';

const ROLES: StaffRole[] = ['contributor', 'author', 'editor', 'admin'];
const me = 'staff-me';
/** Every actor a column stands for: the four staff roles, then the system's tasks. */
const ACTORS: PolicyActor[] = [...ROLES.map((role) => ({ id: me, role })), ...SYSTEM_TASKS.map((task) => SYSTEM[task])];
const ownDraft: PolicyArticle = { createdBy: me, status: 'draft' };
const ownPublished: PolicyArticle = { createdBy: me, status: 'published' };
const ownScheduled: PolicyArticle = { createdBy: me, status: 'scheduled' };
const othersDraft: PolicyArticle = { createdBy: 'someone-else', status: 'draft' };
const othersPublished: PolicyArticle = { createdBy: 'someone-else', status: 'published' };
const othersScheduled: PolicyArticle = { createdBy: 'someone-else', status: 'scheduled' };
const systemsDraft: PolicyArticle = { createdBy: null, status: 'draft' };
const ownReady: PolicyArticle = { createdBy: me, status: 'ready' };
const othersReady: PolicyArticle = { createdBy: 'someone-else', status: 'ready' };

// Y = allowed, . = refused. Columns: contributor, author, editor, admin | scheduler, seed, operator.
const TABLE: Array<[ContentAction, PolicyArticle | undefined, string]> = [
  ['article.create', undefined, 'YYYY|.Y.'],
  ['article.read', othersDraft, 'YYYY|YY.'],
  ['article.edit', ownDraft, 'YYYY|.Y.'],
  ['article.edit', ownPublished, '.YYY|.Y.'],
  ['article.edit', othersDraft, '..YY|.Y.'],
  ['article.edit', othersPublished, '..YY|.Y.'],
  ['article.edit', systemsDraft, '..YY|.Y.'],
  ['article.access', ownDraft, '..YY|.Y.'],
  ['article.access', ownPublished, '..YY|.Y.'],
  ['article.access', othersPublished, '..YY|.Y.'],
  ['article.access', undefined, '..YY|.Y.'],
  ['article.publish', ownDraft, '.YYY|.Y.'],
  ['article.publish', othersDraft, '..YY|.Y.'],
  ['article.publishDue', ownScheduled, '....|Y..'],
  ['article.publishDue', othersScheduled, '....|Y..'],
  ['article.unpublish', ownPublished, '.YYY|.Y.'],
  ['article.unpublish', othersPublished, '..YY|.Y.'],
  ['article.correct', ownPublished, '.YYY|.Y.'],
  ['article.correct', othersPublished, '..YY|.Y.'],
  // Ready for edit: a contributor submits their draft and it is the editors' from then on; only a
  // story's author (of role author) or an editor publishes it, never a contributor.
  ['article.submit', ownDraft, 'YYYY|.Y.'],
  ['article.submit', othersDraft, '..YY|.Y.'],
  ['article.edit', ownReady, '.YYY|.Y.'],
  ['article.edit', othersReady, '..YY|.Y.'],
  ['article.publish', ownReady, '.YYY|.Y.'],
  ['article.publish', othersReady, '..YY|.Y.'],
  ['article.return', ownReady, 'YYYY|.Y.'],
  ['article.return', othersReady, '..YY|.Y.'],
  ['article.trash', ownDraft, 'YYYY|.Y.'],
  ['article.trash', ownReady, '.YYY|.Y.'],
  ['article.trash', ownPublished, '.YYY|.Y.'],
  ['article.trash', othersDraft, '..YY|.Y.'],
  ['article.trash', othersPublished, '..YY|.Y.'],
  ['article.share', ownDraft, 'YYYY|.Y.'],
  ['article.share', othersDraft, '..YY|.Y.'],
  ['article.purgeTrash', undefined, '....|Y..'],
  ['media.upload', undefined, 'YYYY|.Y.'],
  ['media.edit', { createdBy: me, status: 'draft' }, 'YYYY|.Y.'],
  ['media.edit', { createdBy: 'someone-else', status: 'draft' }, '..YY|.Y.'],
  ['media.delete', { createdBy: me, status: 'draft' }, 'YYYY|...'],
  ['media.delete', { createdBy: 'someone-else', status: 'draft' }, '..YY|...'],
  // A new tag is made while tagging a story, by whoever tags it; changing or deleting one is managing.
  ['tag.create', undefined, 'YYYY|.Y.'],
  ['taxonomy.manage', undefined, '..YY|.Y.'],
  ['page.manage', undefined, '..YY|.Y.'],
  ['redirect.manage', undefined, '..YY|.Y.'],
  ['frontPage.manage', undefined, '..YY|.Y.'],
];

const row = (check: (actor: PolicyActor) => boolean): string => {
  const marks = ACTORS.map((actor) => (check(actor) ? 'Y' : '.'));
  return `${marks.slice(0, ROLES.length).join('')}|${marks.slice(ROLES.length).join('')}`;
};

describe('content policy: every staff role and system task against every action', () => {
  for (const [action, article, expected] of TABLE) {
    const what = article ? `${article.createdBy === me ? 'own' : "another's"} ${article.status}` : '';
    it(`${action} ${what}: ${expected}`, () =>
      assert.equal(
        row((actor) => can(actor, action, article)),
        expected,
      ));
  }

  it('refuses with FORBIDDEN and says who may not do what', () => {
    assert.throws(
      () => authorize({ id: me, role: 'author' }, 'article.access'),
      (error: unknown) =>
        error instanceof AppError &&
        error.status === 403 &&
        /An author may not change an article's access level/.test(error.message),
    );
    assert.throws(
      () => authorize(SYSTEM.scheduler, 'article.edit'),
      (error: unknown) => error instanceof AppError && /The system \(scheduler\) may not edit/.test(error.message),
    );
  });
});
