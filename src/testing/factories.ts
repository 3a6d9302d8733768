import sharp from 'sharp';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import type { CreateArticleInput } from '../content/articles.schemas.ts';
import type { ArticleRow } from '../content/articles.table.ts';
import { createDraft } from '../content/articles.service.ts';
import { type ArticleDocument, DOCUMENT_VERSION } from '../content/document.ts';
import { addCorrection, publishArticle } from '../content/publishing.service.ts';
import { insertTaxonomyRow } from '../content/taxonomy.repository.ts';
import { storeImage } from '../media/images.service.ts';
import type { ImageRow } from '../media/images.table.ts';
import { SYSTEM } from '../staff/actor.ts';
import { createTier } from '../billing/tiers.service.ts';
import { listTierRows } from '../billing/tiers.repository.ts';
import { createStaff, type StaffActor } from '../staff/staff.service.ts';
import type { StaffRole } from '../staff/staff.table.ts';
import type { TestApp } from './harness.ts';

let counter = 0;
const next = (): number => ++counter;

export const TEST_PASSWORD = 'correct horse battery staple';

export async function makeSection(
  db: Kysely<Database>,
  name = `Section ${next()}`,
): Promise<{ id: string; slug: string; name: string }> {
  const row = {
    id: newId(),
    slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    name,
    description: `All about ${name}`,
    position: counter,
  };
  await insertTaxonomyRow(db, 'sections', row);
  return row;
}

export async function makeTag(
  db: Kysely<Database>,
  name = `Tag ${next()}`,
): Promise<{ id: string; slug: string; name: string }> {
  const row = { id: newId(), slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), name, description: '' };
  await insertTaxonomyRow(db, 'tags', row);
  return row;
}

export async function makeLabel(
  db: Kysely<Database>,
  name = 'Report',
): Promise<{ id: string; slug: string; name: string }> {
  const row = { id: newId(), slug: `${name.toLowerCase()}-${next()}`, name, position: 0 };
  await insertTaxonomyRow(db, 'labels', row);
  return row;
}

export async function makeAuthor(
  db: Kysely<Database>,
  name = `Reporter ${next()}`,
): Promise<{ id: string; slug: string; name: string }> {
  const row = {
    id: newId(),
    slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    name,
    bio: `${name} covers the valley.`,
    staff_id: null,
    created_at: nowIso(),
  };
  await insertTaxonomyRow(db, 'authors', row);
  return row;
}

/** A small solid-colour PNG made on the spot. */
export async function pngBytes(width = 800, height = 450, colour = '#c1440e'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();
}

export async function makeImage(
  app: TestApp,
  details: { alt?: string; caption?: string; credit?: string } = {},
): Promise<ImageRow> {
  return storeImage({ db: app.database.handle.db, storage: app.storage }, SYSTEM.seed, await pngBytes(), {
    alt: 'A test picture',
    caption: 'A caption',
    credit: 'Photo: Test',
    ...details,
  });
}

export function paragraphs(...texts: string[]): ArticleDocument {
  return {
    type: 'doc',
    version: DOCUMENT_VERSION,
    content: texts.map((text) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] })),
  };
}

/** A published article (by default published a minute ago) through the same services the API uses. */
export async function makeArticle(
  app: TestApp,
  input: Partial<CreateArticleInput> & { publishedAt?: string; status?: 'draft' | 'published' } = {},
): Promise<ArticleRow> {
  const db = app.database.handle.db;
  const deps = {
    db,
    invalidation: app.invalidation,
    paidTierIds: async () => (await listTierRows(db)).filter((tier) => tier.kind === 'paid').map((tier) => tier.id),
  };
  const { publishedAt, status, ...fields } = input;
  const draft = await createDraft(deps, SYSTEM.seed, {
    headline: `Headline number ${next()}`,
    body: paragraphs('First paragraph.', 'Second paragraph.'),
    ...fields,
  });
  if (status === 'draft') return draft;
  return publishArticle(deps, SYSTEM.seed, draft.id, publishedAt ?? new Date(Date.now() - 60_000).toISOString());
}

/** A paid tier (no prices: enough for choosing it for stories); returns its id. */
export async function makeTier(app: TestApp, name: string): Promise<string> {
  const deps = { db: app.database.handle.db, invalidation: app.invalidation, stripe: undefined };
  return (await createTier(deps, SYSTEM.seed, { name })).tier.id;
}

export async function makeCorrection(
  app: TestApp,
  articleId: string,
  kind: 'correction' | 'clarification',
  body: string,
): Promise<void> {
  await addCorrection(
    { db: app.database.handle.db, invalidation: app.invalidation },
    SYSTEM.seed,
    articleId,
    kind,
    body,
  );
}

export async function makeStaff(app: TestApp, role: StaffRole): Promise<StaffActor> {
  return createStaff(app.database.handle.db, SYSTEM.operator, {
    email: `${role}-${next()}@newsroom.example`,
    name: `${role} ${counter}`,
    role,
    password: TEST_PASSWORD,
  });
}

/** Signs a staff member in through the API; returns headers for later requests (cookie and CSRF token). */
export async function signIn(app: TestApp, staff: StaffActor): Promise<Record<string, string>> {
  const response = await app.app.inject({
    method: 'POST',
    url: '/admin/api/session',
    payload: { email: staff.email, password: TEST_PASSWORD },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'gaceta_staff');
  const body = response.json<{ csrfToken: string }>();
  return { cookie: `gaceta_staff=${cookie?.value ?? ''}`, 'x-csrf-token': body.csrfToken };
}
