import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import Parser from 'rss-parser';
import type { Viewer } from './access.ts';
import { updateArticleRow } from './articles.repository.ts';
import { frontPageCards, listCards, type ArticleCard } from './cards.repository.ts';
import { listPublishedCorrections } from './corrections.service.ts';
import { publishArticle, unpublishArticle } from './publishing.service.ts';
import { trashArticle } from './trash.service.ts';
import { submitArticle } from './workflow.service.ts';
import {
  canRead,
  isListed,
  listedAt,
  listedSql,
  READER_SCOPES,
  type ReaderScope,
  readableTextSql,
  readerScope,
} from './reader-scope.ts';
import { articleForReader, feedEntriesForReader } from './reading.repository.ts';
import { readArticle } from './reading.service.ts';
import { listedAuthors, listedTags, publishedBetween } from './sitemap.repository.ts';
import { articlePath } from './urls.ts';
import { ALL_PAGES } from '../http/invalidation.ts';
import { DEFAULT_SETTINGS } from '../settings/settings.ts';
import { SYSTEM } from '../staff/actor.ts';
import { feedPage } from '../site/feeds.routes.ts';
import { siteContextLoader } from '../site/site-context.ts';
import { articlePage } from '../site/views/article.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import { makeArticle, makeAuthor, makeCorrection, makeSection, makeTag } from '../testing/factories.ts';

/*
 * What every kind of viewer may see of every kind of story, on every reader surface: the table the
 * paywall issue extends (a tier is a new column, a metered story a new row). Anonymous readers are
 * checked over HTTP and through the services; members, paid members and staff cannot be named over
 * HTTP until member sign-in arrives (viewerOf() answers anonymous to everyone), so for them every
 * surface is checked one level down, through the same services and renderers the routes call.
 */

type Story = 'public' | 'members' | 'paid' | 'draft' | 'ready' | 'scheduled' | 'withdrawn' | 'trashed';
type ViewerName = 'anonymous' | 'member' | 'paid member' | 'staff';
/** whole: listed, body readable; locked: listed, body not readable; missing: 404 and never listed; gone: 410 and never listed. */
type Sight = 'whole' | 'locked' | 'missing' | 'gone';

const VIEWERS: Record<ViewerName, Viewer> = {
  anonymous: { kind: 'anonymous' },
  member: { kind: 'member', paid: false, tierIds: [] },
  'paid member': { kind: 'member', paid: true, tierIds: [] },
  staff: { kind: 'staff' },
};

// prettier-ignore
const SIGHT: Record<Story, Record<ViewerName, Sight>> = {
  //           anonymous            member              paid member           staff
  public:    { anonymous: 'whole',   member: 'whole',   'paid member': 'whole',   staff: 'whole' },
  members:   { anonymous: 'locked',  member: 'whole',   'paid member': 'whole',   staff: 'whole' },
  paid:      { anonymous: 'locked',  member: 'locked',  'paid member': 'whole',   staff: 'whole' },
  draft:     { anonymous: 'missing', member: 'missing', 'paid member': 'missing', staff: 'missing' },
  // Ready for edit: submitted by its writer, waiting for an editor; no reader sees it anywhere.
  ready:     { anonymous: 'missing', member: 'missing', 'paid member': 'missing', staff: 'missing' },
  scheduled: { anonymous: 'missing', member: 'missing', 'paid member': 'missing', staff: 'missing' },
  withdrawn: { anonymous: 'gone',    member: 'gone',    'paid member': 'gone',    staff: 'gone' },
  // A published story moved to the trash is withdrawn first: readers get what a withdrawn one gives.
  trashed:   { anonymous: 'gone',    member: 'gone',    'paid member': 'gone',    staff: 'gone' },
};

/**
 * Tags and authors: named in the pages sitemap only while some story under them is listed; one tag
 * is only on the draft and one author only on the scheduled story, whose names would otherwise
 * announce stories still under embargo. (Their archive pages stay, empty, like a new tag's.)
 */
// prettier-ignore
const ARCHIVES: Array<{ kind: 'tag' | 'author'; name: string; listed: boolean }> = [
  { kind: 'tag',    name: 'Water',       listed: true },
  { kind: 'tag',    name: 'Embargo',     listed: false },
  { kind: 'tag',    name: 'Desk',        listed: false },
  { kind: 'author', name: 'Ana Ruiz',    listed: true },
  { kind: 'author', name: 'Sol Secreto', listed: false },
];

const STORIES = Object.keys(SIGHT) as Story[];
const listed = (sight: Sight): boolean => sight === 'whole' || sight === 'locked';
const headline = (story: Story): string => `The ${story} story`;
const slug = (story: Story): string => `the-${story}-story`;
/** Words only the story's body holds: wherever they appear, the body (or its text) reached the reader. */
const secret = (story: Story): string => `zx${story}bodytext`;
/** Words before the free-preview marker: a locked story shows them, as a whole one does. */
const teaser = (story: Story): string => `zx${story}freepreview`;
const comments = (story: Story): number => 10 + STORIES.indexOf(story);

/** What a surface showed one viewer: its status, its text, and the comment count by headline of its cards. */
interface Observation {
  status: number;
  text: string;
  counts?: Map<string, number>;
}
/**
 * A reader surface. `identifies` says how a story shows there (its headline, its address, or
 * either); `bodies` that whole-readable stories must show their body text there.
 */
interface Surface {
  name: string;
  identifies: 'headline' | 'path' | 'either';
  bodies?: boolean;
  /** Stories the surface can list at all (a section page lists its section, the hub page what it refers to). */
  covers?: (story: Story) => boolean;
  http?: string;
  service: (scope: ReaderScope, viewer: Viewer) => Promise<Observation>;
}

const rss = new Parser();
const HOUR = 3600_000;

describe('reader scope: every viewer × every surface', () => {
  let t: TestApp;
  let section: { id: string; slug: string };
  let hub: { slug: string };
  const tags = new Map<string, { id: string; slug: string }>();
  const authors = new Map<string, { id: string; slug: string }>();
  const surfaces: Surface[] = [];
  const month = new Date(Date.now() - HOUR).toISOString().slice(0, 7);
  const path = (story: Story): string => articlePath(section.slug, slug(story));

  before(async () => {
    t = await startTestApp();
    const db = t.database.handle.db;
    const deps = { db, invalidation: t.invalidation };
    section = await makeSection(db, 'Valley');
    const other = await makeSection(db, 'Hub');
    for (const archive of ARCHIVES) {
      const made = archive.kind === 'tag' ? await makeTag(db, archive.name) : await makeAuthor(db, archive.name);
      (archive.kind === 'tag' ? tags : authors).set(archive.name, made);
    }
    const ids = new Map<Story, string>();
    for (const story of STORIES) {
      const access = story === 'members' || story === 'paid' ? story : 'public';
      const row = await makeArticle(t, {
        headline: headline(story),
        slug: slug(story),
        dek: `What the ${story} story is about.`,
        sectionId: section.id,
        access,
        tagIds: [
          tags.get('Water')?.id ?? '',
          ...(story === 'draft' ? [tags.get('Embargo')?.id ?? ''] : []),
          ...(story === 'ready' ? [tags.get('Desk')?.id ?? ''] : []),
        ],
        authorIds: [authors.get(story === 'scheduled' ? 'Sol Secreto' : 'Ana Ruiz')?.id ?? ''],
        body: {
          type: 'doc',
          version: 1,
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: `Free words ${teaser(story)} for everyone.` }] },
            { type: 'preview_end' },
            { type: 'paragraph', content: [{ type: 'text', text: `First words ${secret(story)} of the body.` }] },
            { type: 'heading', level: 2, content: [{ type: 'text', text: 'And a heading' }] },
          ],
        },
        status: 'draft',
      });
      ids.set(story, row.id);
      if (story === 'scheduled')
        await publishArticle(deps, SYSTEM.seed, row.id, new Date(Date.now() + 24 * HOUR).toISOString());
      else if (story === 'ready') await submitArticle(deps, SYSTEM.seed, row.id);
      else if (story !== 'draft')
        await publishArticle(deps, SYSTEM.seed, row.id, new Date(Date.now() - HOUR).toISOString());
      if (story !== 'draft' && story !== 'scheduled' && story !== 'ready')
        await makeCorrection(t, row.id, 'correction', `A correction to the ${story} story.`);
      if (story === 'withdrawn') await unpublishArticle(deps, SYSTEM.seed, row.id);
      if (story === 'trashed') await trashArticle(deps, SYSTEM.seed, row.id);
      await updateArticleRow(db, row.id, { comment_count: comments(story) });
    }
    // A public story elsewhere that refers to every other story: an inline card and an editor's pick each.
    const storyIds = STORIES.map((story) => ids.get(story) ?? '');
    hub = await makeArticle(t, {
      headline: 'The hub story',
      slug: 'the-hub-story',
      sectionId: other.id,
      relatedIds: storyIds,
      body: {
        type: 'doc',
        version: 1,
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'The hub refers to every story.' }] },
          ...storyIds.map((articleId) => ({ type: 'related' as const, articleId })),
        ],
      },
      publishedAt: new Date(Date.now() - 2 * HOUR).toISOString(),
    });
    t.invalidation.purge([ALL_PAGES]);

    const site = siteContextLoader(db, 'https://news.example', t.invalidation);
    const fromCards = (cards: ArticleCard[], extra = ''): Observation => ({
      status: 200,
      text:
        cards.map((card) => `${card.headline} ${articlePath(card.section?.slug, card.slug)} ${card.dek}`).join('\n') +
        extra,
      counts: new Map(cards.map((card) => [card.headline, card.commentCount])),
    });
    const feed = async (scope: ReaderScope, filter: Parameters<typeof feedPage>[5]): Promise<Observation> => {
      const page = await feedPage({ db, siteContext: site }, scope, 'Feed', '/', 'A feed', filter);
      return page.kind === 'page' ? { status: 200, text: page.body } : { status: 404, text: '' };
    };
    const water = tags.get('Water')?.id ?? '';
    const ana = authors.get('Ana Ruiz')?.id ?? '';
    surfaces.push(
      {
        name: 'home',
        identifies: 'either',
        http: '/',
        service: async (scope) => {
          const front = await frontPageCards(db, scope, {
            latest: 7,
            sectionIds: [section.id, other.id],
            perSection: 4,
          });
          return fromCards([...front.latest, ...front.sections.flat()]);
        },
      },
      {
        name: 'section archive',
        identifies: 'either',
        http: `/${section.slug}`,
        service: async (scope) => fromCards(await listCards(db, scope, { sectionId: section.id }, 21)),
      },
      {
        name: 'tag archive',
        identifies: 'either',
        http: `/tag/${tags.get('Water')?.slug}`,
        service: async (scope) => fromCards(await listCards(db, scope, { tagId: water }, 21)),
      },
      {
        name: 'author archive',
        identifies: 'either',
        // The scheduled story is by another author.
        covers: (story) => story !== 'scheduled',
        http: `/author/${authors.get('Ana Ruiz')?.slug}`,
        service: async (scope) => fromCards(await listCards(db, scope, { authorId: ana }, 21)),
      },
      {
        name: 'site feed',
        identifies: 'either',
        bodies: true,
        http: '/feed.xml',
        service: (scope) => feed(scope, {}),
      },
      {
        name: 'section feed',
        identifies: 'either',
        bodies: true,
        http: `/${section.slug}/feed.xml`,
        service: (scope) => feed(scope, { sectionId: section.id }),
      },
      {
        name: 'tag feed',
        identifies: 'either',
        bodies: true,
        http: `/tag/${tags.get('Water')?.slug}/feed.xml`,
        service: (scope) => feed(scope, { tagId: water }),
      },
      {
        name: 'author feed',
        identifies: 'either',
        bodies: true,
        covers: (story) => story !== 'scheduled',
        http: `/author/${authors.get('Ana Ruiz')?.slug}/feed.xml`,
        service: (scope) => feed(scope, { authorId: ana }),
      },
      {
        name: 'monthly sitemap',
        identifies: 'path',
        http: `/sitemaps/${month}.xml`,
        service: async (scope) => ({
          status: 200,
          text: (await publishedBetween(db, scope, month, `${month}~`, 50_000)).map((e) => e.path).join('\n'),
        }),
      },
      {
        name: 'news sitemap',
        identifies: 'either',
        http: '/sitemaps/news.xml',
        service: async (scope) => ({
          status: 200,
          text: (
            await publishedBetween(
              db,
              scope,
              new Date(Date.now() - 48 * HOUR).toISOString(),
              new Date().toISOString(),
              1000,
            )
          )
            .map((e) => `${e.path} ${e.headline}`)
            .join('\n'),
        }),
      },
      {
        name: '/corrections',
        // A withdrawn story's correction may stay listed by its headline (issue 12, section 5), never linked.
        identifies: 'path',
        http: '/corrections',
        service: async (scope) => ({
          status: 200,
          text: (await listPublishedCorrections(db, scope))
            // A withdrawn story's correction stays, by its headline, without its address.
            .map((c) => `${c.withdrawn ? c.headline : articlePath(c.sectionSlug, c.articleSlug)} ${c.body}`)
            .join('\n'),
        }),
      },
      {
        name: 'hub page: inline cards and editor’s picks',
        identifies: 'either',
        bodies: false,
        http: `/hub/${hub.slug}`,
        service: async (_scope, viewer) => {
          const found = await readArticle(db, 'hub', hub.slug, viewer, DEFAULT_SETTINGS.previewParagraphs);
          assert.equal(found.kind, 'found');
          if (found.kind !== 'found') return { status: 404, text: '' };
          const cards = [...found.article.bodyCards.values(), ...found.article.related];
          return { ...fromCards(cards), text: articlePage(found.article, await site()) };
        },
      },
    );
  });
  after(() => t.close());

  const observe = async (surface: Surface, viewer: ViewerName, via: 'http' | 'service'): Promise<Observation> => {
    if (via === 'service') return surface.service(readerScope(VIEWERS[viewer]), VIEWERS[viewer]);
    const response = await t.app.inject(surface.http ?? '/');
    const html = parse(response.body);
    const counts = new Map(
      html
        .querySelectorAll('.card')
        .map((card) => [
          card.querySelector('h2 a, h3 a')?.text ?? '',
          Number(/\d+/.exec(card.querySelector('.comment-count')?.text ?? '')?.[0] ?? 0),
        ]),
    );
    return { status: response.statusCode, text: response.body, ...(counts.size ? { counts } : {}) };
  };

  const shows = (surface: Surface, text: string, story: Story): boolean => {
    const byHeadline = text.includes(headline(story));
    const byPath = text.includes(path(story)) || text.includes(slug(story));
    return surface.identifies === 'headline'
      ? byHeadline
      : surface.identifies === 'path'
        ? byPath
        : byHeadline || byPath;
  };

  it('the SQL filter, the JavaScript predicate and the listed_at copies agree on every article in every scope', async () => {
    const db = t.database.handle.db;
    const rows = await db.selectFrom('articles').select(['id', 'status', 'access', 'published_at']).execute();
    const copies = await db.selectFrom('article_tags').select(['article_id', 'listed_at']).execute();
    for (const copy of copies) {
      const row = rows.find((r) => r.id === copy.article_id);
      assert.ok(row);
      assert.equal(copy.listed_at, listedAt(row), `listed_at of a ${row.status} article`);
    }
    for (const scope of READER_SCOPES) {
      const inSql = await db
        .selectFrom('articles')
        .innerJoin('article_bodies', 'article_bodies.article_id', 'articles.id')
        .select(['articles.id', readableTextSql(scope).as('text'), 'article_bodies.body_text'])
        .where(listedSql(scope))
        .execute();
      const listedIds = new Set(inSql.map((row) => row.id));
      for (const row of rows) {
        assert.equal(listedIds.has(row.id), isListed(scope, row), `${scope.name} × ${row.status} ${row.access}`);
        const text = inSql.find((r) => r.id === row.id);
        if (text)
          assert.equal(
            text.text === text.body_text,
            canRead(scope, { access: row.access, accessTierIds: [] }),
            `${scope.name} reads ${row.access}`,
          );
      }
    }
  });

  it('reader queries select no plain text of a story the viewer may not read: the text is gated in SQL, not after', async () => {
    const db = t.database.handle.db;
    for (const viewer of Object.keys(VIEWERS) as ViewerName[]) {
      const scope = readerScope(VIEWERS[viewer]);
      const ids: string[] = [];
      for (const story of STORIES) {
        const row = await articleForReader(db, scope, slug(story));
        assert.ok(row);
        ids.push(row.id);
        const readable = SIGHT[story][viewer] === 'whole';
        assert.equal(row.readable_text.includes(secret(story)), readable, `${viewer} × article query × ${story}`);
      }
      // Feeds read documents only (readableDocument cuts a locked one): no plain text comes with them.
      for (const row of await feedEntriesForReader(db, scope, ids))
        assert.deepEqual(
          Object.keys(row).sort(),
          ['access', 'access_tiers', 'authors', 'body', 'id'],
          `${viewer} × feed entries query`,
        );
    }
  });

  for (const viewer of Object.keys(VIEWERS) as ViewerName[]) {
    for (const via of viewer === 'anonymous' ? (['http', 'service'] as const) : (['service'] as const)) {
      describe(`${viewer} (${via === 'http' ? 'over HTTP' : 'through the services and renderers'})`, () => {
        it('every list, feed, sitemap and card surface lists exactly the stories the table lets this viewer see', async () => {
          for (const surface of surfaces) {
            const seen = await observe(surface, viewer, via);
            assert.equal(seen.status, 200, `${surface.name}: status`);
            for (const story of STORIES) {
              const sight = SIGHT[story][viewer];
              const covered = surface.covers?.(story) ?? true;
              if (!listed(sight) || covered)
                assert.equal(
                  shows(surface, seen.text, story),
                  covered && listed(sight),
                  `${viewer} × ${surface.name} × ${story} story (${sight})`,
                );
              if (listed(sight) && covered && seen.counts)
                assert.equal(
                  seen.counts.get(headline(story)),
                  comments(story),
                  `${surface.name}: comment count of ${story}`,
                );
            }
          }
        });

        it('no surface carries the body text of a story this viewer may not read; feeds carry the whole readable ones', async () => {
          for (const surface of surfaces) {
            const seen = await observe(surface, viewer, via);
            for (const story of STORIES) {
              const sight = SIGHT[story][viewer];
              const expected = sight === 'whole' && surface.bodies === true && (surface.covers?.(story) ?? true);
              if (sight !== 'whole' || surface.bodies)
                assert.equal(
                  seen.text.includes(secret(story)),
                  expected,
                  `${viewer} × ${surface.name} × ${story} body (${sight})`,
                );
            }
            if (surface.bodies && via === 'http') {
              const feed = await rss.parseString(seen.text);
              for (const item of feed.items) {
                const story = STORIES.find((s) => item.title === headline(s));
                const encoded = (item as { 'content:encoded'?: string })['content:encoded'] ?? '';
                if (story && SIGHT[story][viewer] === 'whole') assert.match(encoded, new RegExp(secret(story)));
              }
            }
          }
        });

        it('the article page shows the whole body, a locked one, 404 or 410, as the table says', async () => {
          for (const story of STORIES) {
            const sight = SIGHT[story][viewer];
            const status = { whole: 200, locked: 200, missing: 404, gone: 410 }[sight];
            let got: { status: number; text: string; locked?: boolean };
            if (via === 'http') {
              const response = await t.app.inject(path(story));
              got = { status: response.statusCode, text: response.body };
            } else {
              const found = await readArticle(
                t.database.handle.db,
                section.slug,
                slug(story),
                VIEWERS[viewer],
                DEFAULT_SETTINGS.previewParagraphs,
              );
              const kinds = { found: 200, missing: 404, gone: 410, moved: 301 } as const;
              got =
                found.kind === 'found'
                  ? {
                      status: 200,
                      text:
                        articlePage(
                          found.article,
                          await siteContextLoader(t.database.handle.db, 'https://news.example', t.invalidation)(),
                        ) + found.article.excerpt,
                      locked: found.article.locked,
                    }
                  : { status: kinds[found.kind], text: '' };
            }
            assert.equal(got.status, status, `${viewer} × article page × ${story}: status`);
            assert.equal(
              got.text.includes(secret(story)),
              sight === 'whole',
              `${viewer} × article page × ${story}: body`,
            );
            if (got.locked !== undefined) assert.equal(got.locked, sight === 'locked', `${viewer} × ${story}: locked`);
            assert.equal(
              got.text.includes(teaser(story)),
              listed(sight),
              `${viewer} × article page × ${story}: the free preview, up to its marker`,
            );
            if (listed(sight)) assert.ok(got.text.includes(headline(story)), `${viewer} × ${story}: headline`);
          }
        });

        it('the pages sitemap lists a tag or author only while a story under it is listed', async () => {
          const scope = readerScope(VIEWERS[viewer]);
          const db = t.database.handle.db;
          // Archive addresses the pages sitemap lists, as /tag/<slug> and /author/<slug>.
          const listedPaths = new Set(
            via === 'http'
              ? [
                  ...(await t.app.inject('/sitemaps/pages.xml')).body.matchAll(
                    /<loc>https:\/\/news\.example([^<]*)<\/loc>/g,
                  ),
                ].map((match) => match[1])
              : [
                  ...(await listedTags(db, scope)).map((row) => `/tag/${row.slug}`),
                  ...(await listedAuthors(db, scope)).map((row) => `/author/${row.slug}`),
                ],
          );
          for (const archive of ARCHIVES) {
            const row = (archive.kind === 'tag' ? tags : authors).get(archive.name);
            assert.equal(
              listedPaths.has(`/${archive.kind}/${row?.slug}`),
              archive.listed,
              `${viewer} × pages sitemap × ${archive.kind} ${archive.name}`,
            );
          }
        });
      });
    }
  }
});
