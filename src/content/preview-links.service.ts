import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import { AppError } from '../http/errors.ts';
import { type Actor, staffIdOf } from '../staff/actor.ts';
import { staffNameSql } from '../staff/names.ts';
import { hashSecret, newSecret } from '../staff/secrets.ts';
import { requireArticle } from './article-versions.ts';
import { authorize } from './policy.ts';

/*
 * Preview links: an address that shows an article exactly as readers will see it, whatever its
 * status, to anyone who has it, until it expires or is revoked. The token is shown once, when the
 * link is made; only its SHA-256 hash is kept, so a copy of the database opens no preview.
 */

type Db = Kysely<Database>;

export const PREVIEW_DAYS = { default: 7, max: 30 };
const DAY_MS = 86_400_000;
/** What newSecret() makes: 32 random bytes in base64url. Anything else is not a token, and costs no query. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface PreviewLinkView {
  id: string;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  /** Whether the link opens the preview now: neither expired nor revoked. */
  active: boolean;
}

/** Makes a preview link valid for `days` (default 7, at most 30); the token comes back this once. */
export async function createPreviewLink(
  db: Db,
  actor: Actor,
  articleId: string,
  days: number = PREVIEW_DAYS.default,
): Promise<{ link: PreviewLinkView; token: string }> {
  const article = await requireArticle(db, articleId);
  authorize(actor, 'article.share', article);
  if (article.trashed_at)
    throw new AppError('ARTICLE_IN_TRASH', 'This article is in the trash: restore it before sharing a preview.');
  if (!Number.isInteger(days) || days < 1 || days > PREVIEW_DAYS.max)
    throw new AppError('VALIDATION_FAILED', `A preview link lasts from 1 to ${PREVIEW_DAYS.max} days.`, [
      { field: 'days', message: `must be a whole number from 1 to ${PREVIEW_DAYS.max}` },
    ]);
  const token = newSecret();
  const now = new Date();
  const row = {
    id: newId(),
    article_id: articleId,
    token_hash: hashSecret(token),
    created_by: staffIdOf(actor),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + days * DAY_MS).toISOString(),
    revoked_at: null,
  };
  await db.insertInto('preview_links').values(row).execute();
  const [link] = await listPreviewLinks(db, actor, articleId, row.id);
  if (!link) throw new Error('the preview link just made is missing');
  return { link, token };
}

/** The article's preview links, newest first (expired and revoked ones too, marked as such). */
export async function listPreviewLinks(
  db: Db,
  actor: Actor,
  articleId: string,
  onlyId?: string,
): Promise<PreviewLinkView[]> {
  authorize(actor, 'article.read', await requireArticle(db, articleId));
  let query = db
    .selectFrom('preview_links')
    .select([
      'id',
      'created_by',
      'created_at',
      'expires_at',
      'revoked_at',
      staffNameSql('preview_links.created_by').as('creator'),
    ])
    .where('article_id', '=', articleId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
  if (onlyId) query = query.where('id', '=', onlyId);
  const now = nowIso();
  return (await query.execute()).map((row) => ({
    id: row.id,
    createdBy: row.created_by ? { id: row.created_by, name: row.creator ?? '' } : null,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    active: row.revoked_at === null && row.expires_at > now,
  }));
}

/** Revokes a preview link: from now on it answers 410. Revoking twice changes nothing. */
export async function revokePreviewLink(db: Db, actor: Actor, articleId: string, linkId: string): Promise<void> {
  authorize(actor, 'article.share', await requireArticle(db, articleId));
  const link = await db
    .selectFrom('preview_links')
    .select(['id', 'revoked_at'])
    .where('id', '=', linkId)
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  if (!link) throw new AppError('NOT_FOUND', `Article ${articleId} has no preview link ${linkId}.`);
  if (link.revoked_at === null)
    await db.updateTable('preview_links').set({ revoked_at: nowIso() }).where('id', '=', linkId).execute();
}

/**
 * What a preview address opens: the article (its id), `gone` for a link that expired, was revoked or
 * whose article is in the trash (410), or `missing` for a token no link has (404).
 */
export async function openPreview(
  db: Db,
  token: string,
): Promise<{ kind: 'found'; articleId: string } | { kind: 'gone' } | { kind: 'missing' }> {
  if (!TOKEN.test(token)) return { kind: 'missing' };
  const link = await db
    .selectFrom('preview_links')
    .innerJoin('articles', 'articles.id', 'preview_links.article_id')
    .select(['preview_links.article_id', 'preview_links.expires_at', 'preview_links.revoked_at', 'articles.trashed_at'])
    .where('preview_links.token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!link) return { kind: 'missing' };
  if (link.revoked_at !== null || link.expires_at <= nowIso() || link.trashed_at !== null) return { kind: 'gone' };
  return { kind: 'found', articleId: link.article_id };
}
