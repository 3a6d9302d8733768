import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { insertArticlesInBulk } from '../content/articles.repository.ts';
import type { NewArticleRow } from '../content/articles.table.ts';
import { listedAt } from '../content/reader-scope.ts';
import { type ArticleDocument, DOCUMENT_VERSION, storedBody } from '../content/document.ts';
import { insertTaxonomyRow, listAuthors, listLabels, listSections, listTags } from '../content/taxonomy.repository.ts';
import { storeImage } from '../media/images.service.ts';
import type { MediaStorage } from '../media/storage.ts';
import { SYSTEM } from '../staff/actor.ts';
import { drawIllustration } from './seed/illustrations.ts';

const WORDS = (
  'council water budget harvest market festival election mayor governor river drought school teachers clinic ' +
  'road highway bridge migrants border factory wages peso inflation tourism museum mural dance league stadium coach ' +
  'forest rain hurricane coast fishermen port union strike court judge reform audit contract hospital vaccine'
).split(' ');
const BATCH = 400;

/** A deterministic pseudo-random sequence (mulberry32), so two runs of the generator make the same archive. */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(random: () => number, length: number): string {
  const words = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)] ?? 'news');
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function syntheticBody(random: () => number): ArticleDocument {
  const paragraph = () => ({
    type: 'paragraph' as const,
    content: [{ type: 'text' as const, text: Array.from({ length: 4 }, () => `${sentence(random, 14)}.`).join(' ') }],
  });
  return {
    type: 'doc',
    version: DOCUMENT_VERSION,
    content: [
      paragraph(),
      paragraph(),
      { type: 'heading', level: 2, content: [{ type: 'text', text: sentence(random, 4) }] },
      paragraph(),
      paragraph(),
      paragraph(),
    ],
  };
}

/** Adds `count` synthetic published articles (with sections, tags, authors and a few images) for benchmarks. */
export async function generateArchive(
  handle: DatabaseHandle,
  storage: MediaStorage,
  count: number,
  log: (line: string) => void,
): Promise<void> {
  const { db } = handle;
  const random = sequence(count);
  if ((await listSections(db)).length === 0) {
    for (const [i, name] of [
      'Politics',
      'Economy',
      'Environment',
      'Culture',
      'Security',
      'Sports',
      'Health',
      'Education',
    ].entries()) {
      await insertTaxonomyRow(db, 'sections', {
        id: newId(),
        slug: name.toLowerCase(),
        name,
        description: `${name} coverage`,
        position: i,
      });
    }
  }
  if ((await listTags(db)).length === 0) {
    for (let i = 0; i < 60; i++)
      await insertTaxonomyRow(db, 'tags', {
        id: newId(),
        slug: `topic-${i + 1}`,
        name: `Topic ${i + 1}`,
        description: '',
      });
  }
  if ((await listAuthors(db)).length === 0) {
    for (let i = 0; i < 25; i++)
      await insertTaxonomyRow(db, 'authors', {
        id: newId(),
        slug: `reporter-${i + 1}`,
        name: `Reporter ${i + 1}`,
        bio: '',
        staff_id: null,
        created_at: new Date().toISOString(),
      });
  }
  if ((await listLabels(db)).length === 0) {
    for (const [i, name] of ['Report', 'Analysis', 'Opinion', 'Explainer'].entries())
      await insertTaxonomyRow(db, 'labels', { id: newId(), slug: name.toLowerCase(), name, position: i });
  }
  const [sections, tags, authors, labels] = await Promise.all([
    listSections(db),
    listTags(db),
    listAuthors(db),
    listLabels(db),
  ]);
  const motifs = ['skyline', 'mountains', 'sea', 'fields', 'crowd', 'sun'] as const;
  const imageIds: string[] = [];
  for (const motif of motifs)
    imageIds.push(
      (
        await storeImage(
          { db, storage },
          SYSTEM.seed,
          await drawIllustration({ motif, palette: ['#f4d6a0', '#c1440e'] }),
          { alt: `Illustration: ${motif}`, caption: 'A generated illustration', credit: 'Gaceta' },
        )
      ).id,
    );
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const now = Date.now();
  const span = 5 * 365 * 24 * 3600_000;
  const runId = newId().slice(-8);
  for (let done = 0; done < count; done += BATCH) {
    const rows: NewArticleRow[] = [];
    const bodies: Array<{ article_id: string; body: string; body_text: string }> = [];
    const articleAuthors: Array<{ article_id: string; author_id: string; position: number; listed_at: string | null }> =
      [];
    const articleTags: Array<{ article_id: string; tag_id: string; position: number; listed_at: string | null }> = [];
    for (let i = done; i < Math.min(count, done + BATCH); i++) {
      const id = newId();
      const body = syntheticBody(random);
      const published = new Date(now - Math.floor(random() * span)).toISOString();
      const row = {
        id,
        slug: `story-${runId}-${i + 1}`,
        status: 'published' as const,
        headline: sentence(random, 9),
        dek: `${sentence(random, 16)}.`,
        label_id: pick(labels).id,
        section_id: pick(sections).id,
        dateline: 'MEXICO CITY',
        attribution: '',
        feature_image_id: pick(imageIds),
        feature_image_alt: '',
        feature_image_caption: '',
        feature_image_credit: '',
        access: 'public',
        published_at: published,
        updated_at: null,
        modified_at: published,
        created_at: published,
        created_by: null,
        comment_count: Math.floor(random() * 40),
      } satisfies NewArticleRow;
      rows.push(row);
      // The same copy syncListing keeps for articles saved through the services.
      const listed = listedAt(row);
      bodies.push({ article_id: id, ...storedBody(body) });
      articleAuthors.push({ article_id: id, author_id: pick(authors).id, position: 0, listed_at: listed });
      const firstTag = pick(tags).id;
      const secondTag = pick(tags).id;
      articleTags.push({ article_id: id, tag_id: firstTag, position: 0, listed_at: listed });
      if (secondTag !== firstTag)
        articleTags.push({ article_id: id, tag_id: secondTag, position: 1, listed_at: listed });
    }
    await db.transaction().execute((trx) => insertArticlesInBulk(trx, rows, bodies, articleAuthors, articleTags));
    if ((done / BATCH) % 25 === 0) log(`${Math.min(count, done + BATCH)} of ${count} articles`);
  }
  await sql`ANALYZE`.execute(db);
  log(`generated ${count} articles`);
}
