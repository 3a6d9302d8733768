import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { FieldProblem } from '../http/errors.ts';
import { normalizeDocument } from './document-canonical.ts';
import { type ArticleDocument, documentReferences } from './document.ts';
import { cleanExternalHtml } from './sanitize.ts';
import { existingIds } from './taxonomy.repository.ts';

/*
 * What every stored document (article bodies and static pages alike) goes through on save, so the
 * promises of docs/document-format.md hold wherever a document is written.
 */

/**
 * Embeds are sanitized on the way in, so what is stored is already clean; and the body is stored in
 * its canonical form, the one the web editor gives back, so a body written through the API and then
 * opened and saved unchanged in the editor is not a change.
 */
export function cleanDocument(doc: ArticleDocument): ArticleDocument {
  const canonical = normalizeDocument(doc);
  return {
    ...canonical,
    content: canonical.content.map((block) =>
      block.type === 'embed' ? { ...block, html: cleanExternalHtml(block.html) } : block,
    ),
  };
}

/**
 * Problems with the images and articles a document refers to (ids that do not exist), one per kind.
 * References the stored document already held are not checked again: what it pointed at may have
 * been deleted since, and a save must not fail over it.
 */
export async function documentReferenceProblems(
  db: Kysely<Database>,
  doc: ArticleDocument,
  field = 'body',
  stored?: ArticleDocument,
): Promise<FieldProblem[]> {
  const known = stored ? documentReferences(stored) : { imageIds: [], articleIds: [] };
  const fresh = (ids: string[], old: string[]) => ids.filter((id) => !old.includes(id));
  const all = documentReferences(doc);
  const refs = { imageIds: fresh(all.imageIds, known.imageIds), articleIds: fresh(all.articleIds, known.articleIds) };
  const [images, articles] = await Promise.all([
    existingIds(db, 'images', refs.imageIds),
    existingIds(db, 'articles', refs.articleIds),
  ]);
  const problems: FieldProblem[] = [];
  const missingImages = refs.imageIds.filter((id) => !images.has(id));
  const missingArticles = refs.articleIds.filter((id) => !articles.has(id));
  if (missingImages.length)
    problems.push({ field: `${field} (image blocks)`, message: `unknown id ${missingImages.join(', ')}` });
  if (missingArticles.length)
    problems.push({ field: `${field} (related blocks)`, message: `unknown id ${missingArticles.join(', ')}` });
  return problems;
}
