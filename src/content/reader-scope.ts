import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { holdsAnyTier, type TierSet, tierSetKey, type Viewer } from './access.ts';
import type { AccessLevel, ArticleStatus } from './articles.table.ts';
import { type ArticleDocument, documentPlainText, EMPTY_DOCUMENT } from './document.ts';

/*
 * The one rule for what a reader may see (docs/architecture.md, "Reader visibility"). Every list,
 * join, count, feed, sitemap, related and inline card, the article read, the listed_at copies and
 * purge decisions ask it; the SQL filters and the JavaScript predicates below are made from the
 * same two lists, so the database and the code cannot disagree about an article.
 */

/** Who reads, as far as visibility goes: the four kinds of viewer, each with a fixed scope. */
export type ScopeName = 'anonymous' | 'member' | 'paid' | 'staff';

export interface ReaderScope {
  /** Also the name in prepared-query shapes, so each scope's SQL is compiled on its own. */
  readonly name: ScopeName;
  /** Statuses whose articles are listed, linked and opened (drafts and scheduled ones exist for no reader). */
  readonly listed: readonly ArticleStatus[];
  /** Access levels whose whole body (document and text) this viewer may read. */
  readonly readable: readonly AccessLevel[];
  /** The tiers whose chosen-tier stories this viewer may read (staff: every one). */
  readonly tiers: TierSet;
}

/** What reader-scope needs of an article to decide whether a viewer reads it whole. */
export interface AccessOf {
  access: AccessLevel;
  /** The tiers of a chosen-tiers story (access 'tiers'); ignored for other access levels. */
  accessTierIds: readonly string[];
}

const LISTED: readonly ArticleStatus[] = Object.freeze(['published']);
/** A withdrawn article is not listed, but its address answers 410 rather than 404. */
const WITHDRAWN: ArticleStatus = 'unpublished';
const ALL_ACCESS: readonly AccessLevel[] = Object.freeze(['public', 'members', 'paid', 'tiers']);
const NO_TIERS: TierSet = Object.freeze([]);

const scope = (name: ScopeName, readable: readonly AccessLevel[], tiers: TierSet = NO_TIERS): ReaderScope =>
  Object.freeze({ name, listed: LISTED, readable: Object.freeze([...readable]), tiers });

// Staff see the reader site as readers do (drafts are previewed in the newsroom, not on the site)
// but may read every body, so an editor can check a paid story where it is published.
const SCOPES: Readonly<Record<ScopeName, ReaderScope>> = Object.freeze({
  anonymous: scope('anonymous', ['public']),
  member: scope('member', ['public', 'members']),
  paid: scope('paid', ['public', 'members', 'paid']),
  staff: scope('staff', ALL_ACCESS, 'every'),
});

/** Every scope, for tests and for decisions that concern any reader at all. */
export const READER_SCOPES: readonly ReaderScope[] = Object.freeze(Object.values(SCOPES));

/** The scope of a viewer; one frozen object per kind, so a request allocates nothing. */
export function readerScope(viewer: Viewer): ReaderScope {
  if (viewer.kind !== 'member') return SCOPES[viewer.kind];
  if (!viewer.paid) return SCOPES.member;
  return paidScope(viewer.tierIds);
}

// Paid scopes differ only by their tier set (which never reaches SQL: their queries are the 'paid'
// shapes). Made once per set and kept: the sets come from signed claims, subsets of a few tiers.
const PAID_SCOPES = new Map<string, ReaderScope>();

function paidScope(tiers: TierSet): ReaderScope {
  const key = tierSetKey(tiers);
  if (key === '') return SCOPES.paid;
  let found = PAID_SCOPES.get(key);
  if (!found) {
    found = scope('paid', SCOPES.paid.readable, tiers === 'every' ? 'every' : Object.freeze([...tiers].sort()));
    PAID_SCOPES.set(key, found);
  }
  return found;
}

/** SQL literal list, e.g. `'public', 'members'`: the values are ours, written into the text so plans see them. */
const literals = (values: readonly string[]) =>
  sql.join(
    values.map((value) => sql.lit(value)),
    sql`, `,
  );

const inList = (column: string, values: readonly string[]): RawBuilder<SqlBool> =>
  values.length === 1
    ? sql<SqlBool>`${sql.ref(column)} = ${sql.lit(values[0])}`
    : sql<SqlBool>`${sql.ref(column)} in (${literals(values)})`;

/** SQL condition over `articles`: the article is one this scope may see listed, linked or opened. */
export function listedSql(scope: ReaderScope): RawBuilder<SqlBool> {
  return inList('articles.status', scope.listed);
}

/** SQL condition over `articles`: readers asking for the article get it or a 410 (listed, or withdrawn from view). */
export function answeredSql(scope: ReaderScope): RawBuilder<SqlBool> {
  return inList('articles.status', [...scope.listed, WITHDRAWN]);
}

/** Whether an article row is one this scope may see listed, linked or opened (the JavaScript twin of listedSql). */
export function isListed(scope: ReaderScope, article: { status: ArticleStatus }): boolean {
  return scope.listed.includes(article.status);
}

/** What a reader who asks for an article gets: the article, 410 for a withdrawn one, or 404. */
export function readerAnswer(scope: ReaderScope, article: { status: ArticleStatus }): 'found' | 'gone' | 'missing' {
  if (isListed(scope, article)) return 'found';
  return article.status === WITHDRAWN ? 'gone' : 'missing';
}

/** Whether this scope may read the whole body of an article: by its access level, or for a chosen-tiers story by holding one of its tiers. */
export function canRead(scope: ReaderScope, article: AccessOf): boolean {
  if (article.access === 'tiers')
    return scope.readable.includes('tiers') || holdsAnyTier(scope.tiers, article.accessTierIds);
  return scope.readable.includes(article.access);
}

/**
 * SQL for `article_bodies.body_text` as this scope may read it: the whole text of an article it may
 * open and read, else nothing, so no reader query ever carries a locked or hidden article's text.
 * A chosen-tiers story's text is carried for staff only: the SQL is one shape per scope name, not per
 * tier set, and the page needs the plain text only of public stories and of locked ones (whose text
 * is their preview's, made from the document), so a tier holder loses nothing by it.
 */
export function readableTextSql(scope: ReaderScope): RawBuilder<string> {
  const readable = ALL_ACCESS.every((access) => scope.readable.includes(access))
    ? listedSql(scope)
    : sql<SqlBool>`${listedSql(scope)} and ${inList('articles.access', scope.readable)}`;
  return sql<string>`case when ${readable} then article_bodies.body_text else '' end`;
}

/**
 * How many leading blocks of a document make a locked article's free preview: those before the
 * editor's "free preview ends here" marker (`preview_end`), or else those up to the `paragraphs`-th
 * paragraph (the site setting previewParagraphs). Without a marker the preview stops before the
 * last paragraph, so a story shorter than the setting is never given away whole.
 */
export function freeBlockCount(doc: ArticleDocument, paragraphs: number): number {
  const marker = doc.content.findIndex((block) => block.type === 'preview_end');
  if (marker !== -1) return marker;
  const total = doc.content.filter((block) => block.type === 'paragraph').length;
  const allowed = Math.min(paragraphs, total - 1);
  let seen = 0;
  for (let i = 0; i < doc.content.length && seen < allowed; i++)
    if (doc.content[i]?.type === 'paragraph' && ++seen === allowed) return i + 1;
  return 0;
}

/** The free preview of a locked article: its first freeBlockCount() blocks. */
export function freePreview(doc: ArticleDocument, paragraphs: number): ArticleDocument {
  const count = freeBlockCount(doc, paragraphs);
  return count === 0 ? EMPTY_DOCUMENT : { ...doc, content: doc.content.slice(0, count) };
}

/** What of an article's document a viewer may read: the whole, or the free preview of a locked story. */
export interface ReadableDocument {
  doc: ArticleDocument;
  locked: boolean;
  /**
   * How many leading blocks of `doc` every reader may read. Less than its length only when this
   * viewer reads a story others meet locked: the page marks the rest as the locked part.
   */
  freeBlocks: number;
}

/** The document as this scope may read it (feeds need no plain text, so they stop here). */
export function readableDocument(
  scope: ReaderScope,
  article: AccessOf,
  doc: ArticleDocument,
  previewParagraphs: number,
): ReadableDocument {
  if (article.access === 'public') return { doc, locked: false, freeBlocks: doc.content.length };
  if (canRead(scope, article)) return { doc, locked: false, freeBlocks: freeBlockCount(doc, previewParagraphs) };
  const preview = freePreview(doc, previewParagraphs);
  return { doc: preview, locked: true, freeBlocks: preview.content.length };
}

/** What a reader without access is invited to do: sign up, subscribe, or upgrade a free membership. */
export type Invitation = 'join' | 'subscribe' | 'upgrade';

/** The invitation a locked article makes this scope, or null when the scope may read it. */
export function invitationFor(scope: ReaderScope, article: AccessOf): Invitation | null {
  if (canRead(scope, article)) return null;
  if (scope.name === 'anonymous') return article.access === 'members' ? 'join' : 'subscribe';
  return 'upgrade';
}

/** What of an article a viewer may read: its document and plain text, whole or cut to the free preview. */
export interface ReadableBody extends ReadableDocument {
  text: string;
}

/**
 * The body as this scope may read it. `text` is the readable text the query selected through
 * readableTextSql (empty for a locked article); a locked article's text is the preview's own.
 */
export function readableBody(
  scope: ReaderScope,
  article: AccessOf,
  doc: ArticleDocument,
  text: string,
  previewParagraphs: number,
): ReadableBody {
  const readable = readableDocument(scope, article, doc, previewParagraphs);
  return { ...readable, text: readable.locked ? documentPlainText(readable.doc) : text };
}

/** Whether any reader at all may see the article: the test for purging lists and for listed_at copies. */
export function listedForSomeReader(article: { status: ArticleStatus }): boolean {
  return READER_SCOPES.some((s) => isListed(s, article));
}

/** Whether the article has had a reader address: it is listed, or withdrawn from one (a moved address keeps a 301). */
export function hadReaderAddress(article: { status: ArticleStatus }): boolean {
  return READER_SCOPES.some((s) => readerAnswer(s, article) !== 'missing');
}

/**
 * The listed_at copy in article_tags and article_authors: the publication time while some reader
 * may see the article, else null. Archive walks read it as a superset and each query still applies
 * its viewer's listedSql, so a narrower scope can never see more through it.
 */
export function listedAt(article: { status: ArticleStatus; published_at: string | null }): string | null {
  return listedForSomeReader(article) ? article.published_at : null;
}
