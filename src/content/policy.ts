import { AppError } from '../http/errors.ts';
import { describeActor, isSystem, type SystemActor, type SystemTask } from '../staff/actor.ts';
import type { StaffRole } from '../staff/staff.table.ts';
import type { ArticleRow, ArticleStatus } from './articles.table.ts';

/** What a newsroom can do with content. Every content service authorizes through can(). */
export type ContentAction =
  | 'article.create'
  | 'article.read'
  | 'article.edit'
  | 'article.access'
  | 'article.publish'
  | 'article.publishDue'
  | 'article.unpublish'
  | 'article.correct'
  | 'article.submit'
  | 'article.return'
  | 'article.trash'
  | 'article.share'
  | 'article.purgeTrash'
  | 'media.upload'
  | 'media.edit'
  | 'media.delete'
  | 'tag.create'
  | 'taxonomy.manage'
  | 'page.manage'
  | 'redirect.manage'
  | 'frontPage.manage';

/** A member of staff (by id and role) or the system. */
export type PolicyActor = { id: string; role: StaffRole } | SystemActor;
export interface PolicyArticle {
  createdBy: string | null;
  status: ArticleStatus;
}
/** Anything else a staff member may own (an uploaded image). */
export interface PolicyOwned {
  createdBy: string | null;
}

/** What each system task may do with content; it owns nothing, so only these rows apply. */
const SYSTEM_MAY: Record<SystemTask, ReadonlySet<ContentAction>> = {
  // Publishing what an editor scheduled, and emptying the trash of what has been there 30 days.
  scheduler: new Set(['article.read', 'article.publishDue', 'article.purgeTrash']),
  // Loading a newsroom (demo, generated archive, fixtures) writes content the way an editor would.
  seed: new Set([
    'article.create',
    'article.read',
    'article.edit',
    'article.access',
    'article.publish',
    'article.unpublish',
    'article.correct',
    'article.submit',
    'article.return',
    'article.trash',
    'article.share',
    'media.upload',
    'media.edit',
    'tag.create',
    'taxonomy.manage',
    'page.manage',
    'redirect.manage',
    'frontPage.manage',
  ]),
  operator: new Set(),
};

const RANK: Record<StaffRole, number> = { contributor: 0, author: 1, editor: 2, admin: 3 };
const atLeast = (role: StaffRole, least: StaffRole): boolean => RANK[role] >= RANK[least];
const owns = (id: string, thing?: PolicyOwned): boolean => thing !== undefined && thing.createdBy === id;
const isDraft = (thing?: PolicyArticle | PolicyOwned): boolean =>
  thing !== undefined && 'status' in thing && thing.status === 'draft';

/**
 * Contributors write drafts and submit them for edit, never publish; authors publish their own;
 * every role may make a new tag while tagging; editors publish anything (the "ready for edit"
 * queue), send stories back to draft, set access levels and manage sections, tags, labels, authors,
 * pages, redirects and the home page's pinned stories; admins also manage staff and settings. The
 * system does only what its task needs (SYSTEM_MAY).
 */
export function can(actor: PolicyActor, action: ContentAction, article?: PolicyArticle | PolicyOwned): boolean {
  if (isSystem(actor)) return SYSTEM_MAY[actor.task].has(action);
  const { id, role } = actor;
  switch (action) {
    case 'article.create':
    case 'article.read':
    case 'media.upload':
      return true;
    // Whoever tags a story may need a tag nobody made yet ("tags, created on the fly"): a new tag is
    // on no page until a story carries it, so making one changes nothing readers see. Renaming or
    // deleting a tag changes every story that has it, and stays the editors' (taxonomy.manage).
    case 'tag.create':
      return true;
    // A contributor's story is theirs to change only while it is a draft: once submitted, it is the
    // editors'. Putting it in the trash is a change like any other.
    case 'article.edit':
    case 'article.trash':
      if (atLeast(role, 'editor')) return true;
      if (role === 'author') return owns(id, article);
      return owns(id, article) && isDraft(article);
    // Whoever wrote a draft submits it; editors may submit any (a bulk action over the desk's drafts).
    // Sending it back to draft is the editors' answer, or its writer taking it back. A preview link
    // shows the story to someone outside the newsroom: its writer's or an editor's call.
    case 'article.submit':
    case 'article.return':
    case 'article.share':
      return atLeast(role, 'editor') || owns(id, article);
    case 'article.publish':
    case 'article.unpublish':
    case 'article.correct':
      return atLeast(role, 'editor') || (role === 'author' && owns(id, article));
    // Who may read a story is the newsroom's business decision, not the writer's: an author can
    // neither make a paid story free nor lock their own.
    case 'article.access':
      return atLeast(role, 'editor');
    case 'article.publishDue':
    case 'article.purgeTrash':
      return false;
    // Deleting is only ever of an image nothing uses (images.service.ts checks), so the uploader may too.
    case 'media.edit':
    case 'media.delete':
      return atLeast(role, 'editor') || owns(id, article);
    case 'taxonomy.manage':
    case 'page.manage':
    case 'redirect.manage':
    case 'frontPage.manage':
      return atLeast(role, 'editor');
  }
}

/** How a refusal names each action. */
const PHRASE: Record<ContentAction, string> = {
  'article.create': 'create articles',
  'article.read': 'read articles in the admin',
  'article.edit': 'edit this article',
  'article.access': "change an article's access level (public, members, paid, chosen tiers); ask an editor",
  'article.publish': 'publish or schedule this article',
  'article.publishDue': 'publish scheduled articles on the scheduler’s behalf',
  'article.unpublish': 'withdraw this article',
  'article.correct': 'add corrections to this article',
  'article.submit': 'submit this article for edit',
  'article.return': 'send this article back to draft',
  'article.trash': 'move this article to the trash or out of it',
  'article.share': 'make or revoke preview links of this article',
  'article.purgeTrash': 'delete articles from the trash for good',
  'media.upload': 'upload images',
  'media.edit': "change this image's details",
  'media.delete': 'delete this image',
  'tag.create': 'create tags',
  'taxonomy.manage': 'manage sections, tags, labels or authors',
  'page.manage': 'manage static pages',
  'redirect.manage': 'manage redirects',
  'frontPage.manage': 'pin stories to the home page',
};

/** Throws FORBIDDEN, naming who and what, unless the policy allows the action. */
export function authorize(actor: PolicyActor, action: ContentAction, thing?: ArticleRow | PolicyOwned): void {
  const subject = thing && 'status' in thing ? { createdBy: thing.created_by, status: thing.status } : thing;
  if (!can(actor, action, subject))
    throw new AppError('FORBIDDEN', `${describeActor(actor)} may not ${PHRASE[action]}.`);
}
