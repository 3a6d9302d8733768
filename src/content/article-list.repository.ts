import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { jsonArrayOf, jsonRows } from '../db/json-rows.ts';
import { containsText } from '../db/text-search.ts';
import { staffNameSql } from '../staff/names.ts';
import { type ChangedBy, changedBy } from './article-versions.ts';
import type { ArticleStatus } from './articles.table.ts';

type Db = Kysely<Database>;

/** What the newsroom's article list can be narrowed to; all given filters apply together. */
export interface ArticleListFilter {
  status?: ArticleStatus;
  /** The trash only (true), or everything but the trash (false, the default). */
  trash?: boolean;
  /** Bylined to this author (authors, not staff accounts). */
  authorId?: string;
  sectionId?: string;
  labelId?: string;
  /** Created by this member of staff. */
  createdBy?: string;
  /** Words the headline contains, in any case. */
  headline?: string;
}

/** An article as the newsroom's list shows it. */
export interface ArticleListItem {
  id: string;
  slug: string;
  status: ArticleStatus;
  headline: string;
  section: { id: string; name: string } | null;
  label: { id: string; name: string } | null;
  authors: Array<{ id: string; name: string }>;
  publishedAt: string | null;
  modifiedAt: string;
  modifiedBy: ChangedBy;
  version: number;
  createdBy: string | null;
  createdByName: string | null;
  submittedAt: string | null;
  trashedAt: string | null;
}

function matching(db: Db, filter: ArticleListFilter) {
  let query = db.selectFrom('articles').where('articles.trashed_at', filter.trash ? 'is not' : 'is', null);
  if (filter.status) query = query.where('articles.status', '=', filter.status);
  if (filter.sectionId) query = query.where('articles.section_id', '=', filter.sectionId);
  if (filter.labelId) query = query.where('articles.label_id', '=', filter.labelId);
  if (filter.createdBy) query = query.where('articles.created_by', '=', filter.createdBy);
  if (filter.authorId) {
    const authorId = filter.authorId;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('article_authors')
          .select('article_authors.article_id')
          .whereRef('article_authors.article_id', '=', 'articles.id')
          .where('article_authors.author_id', '=', authorId),
      ),
    );
  }
  if (filter.headline) query = query.where(containsText(['articles.headline'], filter.headline));
  return query;
}

/**
 * A page of the newsroom's list, most recently changed first, and how many match in all: one query
 * for the page (sections, labels, bylines and names inside it) and one count.
 */
export async function listArticlesForStaff(
  db: Db,
  filter: ArticleListFilter,
  page: { limit: number; offset: number },
): Promise<{ articles: ArticleListItem[]; total: number }> {
  const [rows, count] = await Promise.all([
    matching(db, filter)
      .leftJoin('sections', 'sections.id', 'articles.section_id')
      .leftJoin('labels', 'labels.id', 'articles.label_id')
      .select((eb) => [
        'articles.id',
        'articles.slug',
        'articles.status',
        'articles.headline',
        'articles.section_id',
        'sections.name as section_name',
        'articles.label_id',
        'labels.name as label_name',
        'articles.published_at',
        'articles.modified_at',
        'articles.modified_by',
        'articles.modified_by_task',
        'articles.version',
        'articles.created_by',
        'articles.submitted_at',
        'articles.trashed_at',
        staffNameSql('articles.modified_by').as('modified_by_name'),
        staffNameSql('articles.created_by').as('created_by_name'),
        jsonArrayOf(
          db,
          eb
            .selectFrom('article_authors')
            .innerJoin('authors', 'authors.id', 'article_authors.author_id')
            .select(['authors.id', 'authors.name'])
            .whereRef('article_authors.article_id', '=', 'articles.id')
            .orderBy('article_authors.position'),
        ).as('authors'),
      ])
      .orderBy('articles.modified_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    matching(db, filter)
      .select((eb) => eb.fn.countAll<number | string>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.total),
    articles: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      status: r.status,
      headline: r.headline,
      section: r.section_id && r.section_name !== null ? { id: r.section_id, name: r.section_name } : null,
      label: r.label_id && r.label_name !== null ? { id: r.label_id, name: r.label_name } : null,
      authors: jsonRows(r.authors),
      publishedAt: r.published_at,
      modifiedAt: r.modified_at,
      modifiedBy: changedBy(r, new Map(r.modified_by ? [[r.modified_by, r.modified_by_name ?? '']] : [])),
      version: Number(r.version),
      createdBy: r.created_by,
      createdByName: r.created_by_name,
      submittedAt: r.submitted_at,
      trashedAt: r.trashed_at,
    })),
  };
}
