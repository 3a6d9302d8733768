import { AppError } from '../http/errors.ts';
import type { StaffRole } from '../staff/staff.table.ts';
import type { ArticleRow } from './articles.table.ts';

/** What a newsroom can do with content. Authorization for every content route goes through can(). */
export type ContentAction =
  | 'article.create'
  | 'article.read'
  | 'article.edit'
  | 'article.publish'
  | 'article.unpublish'
  | 'article.correct'
  | 'media.upload'
  | 'media.edit'
  | 'taxonomy.manage'
  | 'page.manage'
  | 'redirect.manage'
  | 'frontPage.manage';

export interface PolicyActor {
  id: string;
  role: StaffRole;
}
export interface PolicyArticle {
  createdBy: string | null;
  status: 'draft' | 'scheduled' | 'published' | 'unpublished';
}
/** Anything else a staff member may own (an uploaded image). */
export interface PolicyOwned {
  createdBy: string | null;
}

const RANK: Record<StaffRole, number> = { contributor: 0, author: 1, editor: 2, admin: 3 };
const atLeast = (actor: PolicyActor, role: StaffRole): boolean => RANK[actor.role] >= RANK[role];
const owns = (actor: PolicyActor, thing?: PolicyOwned): boolean => thing !== undefined && thing.createdBy === actor.id;

/**
 * Contributors write drafts only; authors publish their own; editors publish anything and manage
 * sections, tags, labels, authors, pages, redirects and the home page's pinned stories; admins also manage staff and settings.
 */
export function can(actor: PolicyActor, action: ContentAction, article?: PolicyArticle | PolicyOwned): boolean {
  switch (action) {
    case 'article.create':
    case 'article.read':
    case 'media.upload':
      return true;
    case 'article.edit':
      if (atLeast(actor, 'editor')) return true;
      if (actor.role === 'author') return owns(actor, article);
      return owns(actor, article) && article !== undefined && 'status' in article && article.status === 'draft';
    case 'article.publish':
    case 'article.unpublish':
    case 'article.correct':
      return atLeast(actor, 'editor') || (actor.role === 'author' && owns(actor, article));
    case 'media.edit':
      return atLeast(actor, 'editor') || owns(actor, article);
    case 'taxonomy.manage':
    case 'page.manage':
    case 'redirect.manage':
    case 'frontPage.manage':
      return atLeast(actor, 'editor');
  }
}

/** Throws FORBIDDEN unless the policy allows the action. */
export function authorize(actor: PolicyActor, action: ContentAction, thing?: ArticleRow | PolicyOwned): void {
  const subject = thing && 'status' in thing ? { createdBy: thing.created_by, status: thing.status } : thing;
  const allowed = can(actor, action, subject);
  if (!allowed) throw new AppError('FORBIDDEN', `A ${actor.role} may not do ${action} here.`);
}
