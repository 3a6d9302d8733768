import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { cacheVariant, type Viewer } from './access.ts';
import { type ArticleDocument, DOCUMENT_VERSION } from './document.ts';
import { unpublishArticle } from './publishing.service.ts';
import { freeBlockCount, type Invitation, readerScope } from './reader-scope.ts';
import { readArticle } from './reading.service.ts';
import { publishedBetween } from './sitemap.repository.ts';
import { articlePath } from './urls.ts';
import { ALL_PAGES } from '../http/invalidation.ts';
import type { CachedPage } from '../http/page-cache.ts';
import { DEFAULT_SETTINGS } from '../settings/settings.ts';
import { SYSTEM } from '../staff/actor.ts';
import { feedPage } from '../site/feeds.routes.ts';
import { siteContextLoader, type SiteContext } from '../site/site-context.ts';
import { articlePage, LOCKED_PART_CLASS } from '../site/views/article.ts';
import { errorPage } from '../site/views/pages.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import { makeArticle, makeSection, makeStaff, makeTier, paragraphs, signIn } from '../testing/factories.ts';

/*
 * The paywall as readers see it, viewer × surface: what of a locked story each kind of reader gets
 * (the free preview, up to the editor's marker or the site's first N paragraphs), the invitation
 * that fits them, and that the locked part reaches no surface they can read. Anonymous readers are
 * checked over HTTP and through the renderers; members, paid members and staff through the same
 * renderers the routes call (src/members/viewer.test.ts and src/members/tier-access.test.ts drive members over HTTP).
 */

/** 'tiers' is a story for chosen tiers: tier A only. */
type Story = 'public' | 'members' | 'paid' | 'tiers';
type ViewerName =
  'anonymous' | 'member' | 'paid member' | 'tier A member' | 'tier B member' | 'complimentary' | 'staff';

// Filled once the tiers exist (before()); the viewers hold these very arrays.
const tierA: string[] = [];
const tierB: string[] = [];

const VIEWERS: Record<ViewerName, Viewer> = {
  anonymous: { kind: 'anonymous' },
  member: { kind: 'member', paid: false, tierIds: [] },
  // Paid with no tier named (a subscription whose tier is not known): reads paid stories, no chosen-tier ones.
  'paid member': { kind: 'member', paid: true, tierIds: [] },
  'tier A member': { kind: 'member', paid: true, tierIds: tierA },
  'tier B member': { kind: 'member', paid: true, tierIds: tierB },
  complimentary: { kind: 'member', paid: true, tierIds: 'every' },
  staff: { kind: 'staff' },
};
const VIEWER_NAMES = Object.keys(VIEWERS) as ViewerName[];
const STORIES: Story[] = ['public', 'members', 'paid', 'tiers'];

/** null: the viewer reads the whole story; otherwise the invitation its locked page makes. */
// prettier-ignore
const INVITATION: Record<Story, Record<ViewerName, Invitation | null>> = {
  //          anonymous               member             paid member             tier A member             tier B member             complimentary         staff
  public:  { anonymous: null,        member: null,      'paid member': null,      'tier A member': null, 'tier B member': null,      complimentary: null, staff: null },
  members: { anonymous: 'join',      member: null,      'paid member': null,      'tier A member': null, 'tier B member': null,      complimentary: null, staff: null },
  paid:    { anonymous: 'subscribe', member: 'upgrade', 'paid member': null,      'tier A member': null, 'tier B member': null,      complimentary: null, staff: null },
  tiers:   { anonymous: 'subscribe', member: 'upgrade', 'paid member': 'upgrade', 'tier A member': null, 'tier B member': 'upgrade', complimentary: null, staff: null },
};
/** Where each invitation's links lead, in order. */
const INVITATION_LINKS: Record<Invitation, string[]> = {
  join: ['/signup', '/signin'],
  subscribe: ['/pricing', '/signin'],
  upgrade: ['/pricing'],
};

const headline = (story: Story): string => `The ${story} paywall story`;
const slug = (story: Story): string => `the-${story}-paywall-story`;
/** Words of the free preview: every reader gets them. */
const teaser = (story: Story): string => `zq${story}teaser`;
/** Words of the locked part: only readers who may read the story get them. */
const secret = (story: Story): string => `zq${story}lockedpart`;

const text = (words: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text: words }] });

/**
 * The members story ends its free preview with the editor's marker after one paragraph; the paid
 * one has no marker, so the site's default (two paragraphs) applies. No dek: descriptions fall back
 * to the text, which is where a leak into Open Graph would come from.
 */
function body(story: Story): ArticleDocument {
  const locked = [
    text(`Then ${secret(story)} comes.`),
    { type: 'heading' as const, level: 2 as const, content: [{ type: 'text' as const, text: 'Later' }] },
    text(`And more ${secret(story)} words.`),
  ];
  const content =
    story === 'members'
      ? [text(`Open ${teaser(story)} words.`), { type: 'preview_end' as const }, ...locked]
      : [text(`Open ${teaser(story)} words.`), text(`Still ${teaser(story)} free.`), ...locked];
  return { type: 'doc', version: DOCUMENT_VERSION, content };
}

interface Observation {
  status: number;
  text: string;
}

describe('the paywall: every viewer × every surface', () => {
  let t: TestApp;
  let section: { id: string; slug: string };
  let site: () => Promise<SiteContext>;
  const ids = new Map<Story, string>();
  let hubSlug = '';
  let withdrawn: { sectionSlug: string; slug: string };
  const path = (story: Story): string => articlePath(section.slug, slug(story));

  before(async () => {
    t = await startTestApp();
    const db = t.database.handle.db;
    tierA.push(await makeTier(t, 'Supporter'));
    tierB.push(await makeTier(t, 'Patron'));
    section = await makeSection(db, 'Valley');
    const hubSection = await makeSection(db, 'Hub');
    for (const story of STORIES) {
      const row = await makeArticle(t, {
        headline: headline(story),
        slug: slug(story),
        dek: '',
        sectionId: section.id,
        access: story,
        ...(story === 'tiers' ? { accessTierIds: tierA } : {}),
        body: body(story),
      });
      ids.set(story, row.id);
    }
    const hub = await makeArticle(t, {
      headline: 'The paywall hub',
      slug: 'the-paywall-hub',
      sectionId: hubSection.id,
      relatedIds: [...ids.values()],
      body: {
        type: 'doc',
        version: DOCUMENT_VERSION,
        content: [
          text('The hub refers to every story.'),
          ...[...ids.values()].map((articleId) => ({ type: 'related' as const, articleId })),
        ],
      },
    });
    hubSlug = hub.slug;
    const gone = await makeArticle(t, {
      headline: 'A withdrawn paid story',
      slug: 'a-withdrawn-paid-story',
      sectionId: section.id,
      access: 'paid',
      body: paragraphs('Withdrawn zqwithdrawnteaser.', 'Withdrawn zqwithdrawnlocked one.', 'And two.'),
    });
    await unpublishArticle({ db, invalidation: t.invalidation }, SYSTEM.seed, gone.id);
    withdrawn = { sectionSlug: section.slug, slug: gone.slug };
    t.invalidation.purge([ALL_PAGES]);
    site = siteContextLoader(db, 'https://news.example', t.invalidation);
  });
  after(() => t.close());

  /** The article page as the route renders it for this viewer (over HTTP for anonymous readers). */
  const articleHtml = async (story: Story, viewer: ViewerName, via: 'http' | 'render'): Promise<Observation> => {
    if (via === 'http') {
      const response = await t.app.inject(path(story));
      return { status: response.statusCode, text: response.body };
    }
    const found = await readArticle(
      t.database.handle.db,
      section.slug,
      slug(story),
      VIEWERS[viewer],
      DEFAULT_SETTINGS.previewParagraphs,
    );
    assert.equal(found.kind, 'found');
    return found.kind === 'found'
      ? { status: 200, text: articlePage(found.article, await site()) }
      : { status: 404, text: '' };
  };

  const ways = (viewer: ViewerName) => (viewer === 'anonymous' ? (['http', 'render'] as const) : (['render'] as const));

  for (const viewer of VIEWER_NAMES) {
    for (const via of ways(viewer)) {
      describe(`${viewer} (${via === 'http' ? 'over HTTP' : 'through the renderers'})`, () => {
        it('article page: the free preview always, the locked part only with access, and the invitation that fits', async () => {
          for (const story of STORIES) {
            const invitation = INVITATION[story][viewer];
            const page = await articleHtml(story, viewer, via);
            const row = `${viewer} × article page × ${story}`;
            assert.equal(page.status, 200, `${row}: status`);
            const doc = parse(page.text);
            assert.equal(doc.querySelector('h1')?.text, headline(story), `${row}: headline`);
            assert.match(doc.querySelector('.body')?.text ?? '', new RegExp(teaser(story)), `${row}: free preview`);
            assert.equal(page.text.includes(secret(story)), invitation === null, `${row}: locked part`);
            const walls = doc.querySelectorAll('.paywall');
            assert.equal(walls.length, invitation === null ? 0 : 1, `${row}: invitation shown once`);
            const wall = walls[0];
            if (invitation) {
              assert.ok(wall?.querySelector('h2')?.text, `${row}: the invitation has a heading`);
              assert.deepEqual(
                wall?.querySelectorAll('a').map((a) => a.getAttribute('href')),
                INVITATION_LINKS[invitation],
                `${row}: invitation links`,
              );
            }
            // Whoever reads the whole of a story others meet locked gets its locked part marked for search engines.
            const marked = doc.querySelector(`.${LOCKED_PART_CLASS}`);
            assert.equal(marked !== null, invitation === null && story !== 'public', `${row}: locked part marked`);
            if (marked) {
              assert.match(marked.text, new RegExp(secret(story)), `${row}: the marked part is the locked one`);
              assert.doesNotMatch(marked.text, new RegExp(teaser(story)), `${row}: the preview is not marked`);
            }
          }
        });

        it('JSON-LD: locked stories say isAccessibleForFree false and name the locked part; no locked text', async () => {
          for (const story of STORIES) {
            const page = await articleHtml(story, viewer, via);
            const scripts = parse(page.text).querySelectorAll('script[type="application/ld+json"]');
            const data = scripts
              .map((script) => JSON.parse(script.text) as Record<string, unknown>)
              .find((item) => item['@type'] === 'NewsArticle');
            const row = `${viewer} × JSON-LD × ${story}`;
            assert.ok(data, `${row}: NewsArticle`);
            assert.equal(data.isAccessibleForFree, story === 'public', `${row}: isAccessibleForFree`);
            assert.deepEqual(
              data.hasPart,
              story === 'public'
                ? undefined
                : { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: `.${LOCKED_PART_CLASS}` },
              `${row}: hasPart`,
            );
            if (story !== 'public')
              assert.doesNotMatch(JSON.stringify(data), new RegExp(secret(story)), `${row}: no locked text`);
          }
        });

        it('meta, Open Graph and Twitter descriptions never go beyond the free preview, whoever the page is for', async () => {
          for (const story of STORIES) {
            const doc = parse((await articleHtml(story, viewer, via)).text);
            const descriptions = [
              'meta[name="description"]',
              'meta[property="og:description"]',
              'meta[name="twitter:description"]',
            ].map((selector) => doc.querySelector(selector)?.getAttribute('content') ?? '');
            for (const [i, description] of descriptions.entries()) {
              const row = `${viewer} × description ${i} × ${story}`;
              assert.match(description, new RegExp(teaser(story)), `${row}: from the free preview`);
              if (story !== 'public')
                assert.doesNotMatch(description, new RegExp(secret(story)), `${row}: locked text`);
            }
          }
        });

        it('RSS: a locked story carries its free preview and nothing after it', async () => {
          const feed =
            via === 'http'
              ? (await t.app.inject('/feed.xml')).body
              : await (async () => {
                  const page = await feedPage(
                    { db: t.database.handle.db, siteContext: site },
                    readerScope(VIEWERS[viewer]),
                    'Feed',
                    '/',
                    'A feed',
                    {},
                  );
                  return page.kind === 'page' ? page.body : '';
                })();
          for (const story of STORIES) {
            const row = `${viewer} × feed × ${story}`;
            assert.match(feed, new RegExp(teaser(story)), `${row}: free preview`);
            assert.equal(feed.includes(secret(story)), INVITATION[story][viewer] === null, `${row}: locked part`);
          }
        });

        it('sitemaps name locked stories without any of their text', async () => {
          const month = new Date().toISOString().slice(0, 7);
          const text =
            via === 'http'
              ? (
                  await Promise.all(
                    ['/sitemap.xml', '/sitemaps/news.xml', `/sitemaps/${month}.xml`, '/sitemaps/pages.xml'].map(
                      async (url) => (await t.app.inject(url)).body,
                    ),
                  )
                ).join('\n')
              : JSON.stringify(
                  await publishedBetween(
                    t.database.handle.db,
                    readerScope(VIEWERS[viewer]),
                    new Date(Date.now() - 86_400_000).toISOString(),
                    new Date().toISOString(),
                    1000,
                  ),
                );
          for (const story of STORIES) {
            const row = `${viewer} × sitemaps × ${story}`;
            assert.ok(text.includes(slug(story)), `${row}: listed`);
            assert.ok(!text.includes(secret(story)) && !text.includes(teaser(story)), `${row}: no text`);
          }
        });

        it('inline and related story cards show a locked story by its headline, never its text', async () => {
          const found = await readArticle(
            t.database.handle.db,
            'hub',
            hubSlug,
            VIEWERS[viewer],
            DEFAULT_SETTINGS.previewParagraphs,
          );
          assert.equal(found.kind, 'found');
          if (found.kind !== 'found') return;
          const page =
            via === 'http' ? (await t.app.inject(`/hub/${hubSlug}`)).body : articlePage(found.article, await site());
          const cards = parse(page).querySelectorAll('.inline-card, .related .card');
          for (const story of STORIES) {
            const row = `${viewer} × story cards × ${story}`;
            assert.ok(cards.filter((card) => card.text.includes(headline(story))).length >= 2, `${row}: shown`);
            assert.ok(!page.includes(secret(story)) && !page.includes(teaser(story)), `${row}: no text`);
          }
        });

        it('error pages: a withdrawn locked story answers 410 with none of its text, a mistyped address 404', async () => {
          const gonePath = `/${withdrawn.sectionSlug}/${withdrawn.slug}`;
          const pages =
            via === 'http'
              ? await Promise.all(
                  [gonePath, `${gonePath}-typo`].map(async (url) => {
                    const response = await t.app.inject(url);
                    return { status: response.statusCode, text: response.body };
                  }),
                )
              : await Promise.all(
                  [withdrawn.slug, `${withdrawn.slug}-typo`].map(async (name) => {
                    const found = await readArticle(
                      t.database.handle.db,
                      withdrawn.sectionSlug,
                      name,
                      VIEWERS[viewer],
                      DEFAULT_SETTINGS.previewParagraphs,
                    );
                    const kind = found.kind === 'gone' ? 'gone' : 'notFound';
                    return {
                      status: found.kind === 'gone' ? 410 : found.kind === 'missing' ? 404 : 200,
                      text: errorPage(kind, await site(), gonePath) + JSON.stringify(found),
                    };
                  }),
                );
          assert.deepEqual(
            pages.map((page) => page.status),
            [410, 404],
            `${viewer} × error pages: status`,
          );
          for (const page of pages)
            assert.ok(!/zqwithdrawn/.test(page.text), `${viewer} × error page ${page.status}: no text of the story`);
        });
      });
    }
  }

  it('a chosen-tiers story’s invitation names its tiers, in the site’s language', async () => {
    const wall = parse((await t.app.inject(path('tiers'))).body).querySelector('.paywall');
    assert.equal(wall?.querySelector('h2')?.text, 'This story is for Supporter subscribers');
    assert.ok(!wall?.text.includes('Patron'), 'only the tiers chosen for it');
  });

  it('admin API without staff rights: 401 and none of a locked story’s text', async () => {
    for (const story of STORIES) {
      for (const url of [`/admin/api/articles/${ids.get(story)}`, `/admin/api/articles?q=${secret(story)}`]) {
        const response = await t.app.inject(url);
        assert.equal(response.statusCode, 401, `anonymous × admin API ${url}: status`);
        assert.ok(!response.body.includes(secret(story)), `anonymous × admin API ${url}: no locked text`);
      }
    }
  });

  it('page cache: a page rendered for one kind of reader (or tier set) is never served to another, and anonymous pages stay publicly cacheable', async () => {
    assert.equal(new Set(VIEWER_NAMES.map((name) => cacheVariant(VIEWERS[name]))).size, VIEWER_NAMES.length);
    const recorded: string[] = [];
    const set = t.cache.set.bind(t.cache);
    t.cache.set = (key: string, page: CachedPage) => {
      recorded.push(key);
      set(key, page);
    };
    try {
      for (const story of ['paid', 'tiers'] as const) {
        t.invalidation.purge([ALL_PAGES]);
        const first = await t.app.inject(path(story));
        const anonymousKey = [...recorded]
          .reverse()
          .find((key) => key.startsWith(`${cacheVariant(VIEWERS.anonymous)} `));
        assert.ok(anonymousKey, 'the anonymous page is cached');
        assert.match(String(first.headers['cache-control']), /^public/);
        assert.match(String(first.headers.vary), /Cookie/);
        // Fill every other variant's entry with the page its reader gets; the anonymous reader still gets its own,
        // whether its entry is warm or was purged before the others were filled.
        const route = anonymousKey.slice(cacheVariant(VIEWERS.anonymous).length);
        const fill = async () => {
          for (const viewer of VIEWER_NAMES.filter((name) => name !== 'anonymous')) {
            const body = Buffer.from((await articleHtml(story, viewer, 'render')).text);
            set(cacheVariant(VIEWERS[viewer]) + route, {
              body,
              etag: `"${viewer}"`,
              contentType: 'text/html',
              status: 200,
              keys: [ALL_PAGES],
            });
          }
        };
        await fill();
        for (const round of ['warm', 'cold'] as const) {
          if (round === 'cold') {
            t.invalidation.purge([ALL_PAGES]);
            await fill();
          }
          const again = await t.app.inject(path(story));
          assert.ok(!again.body.includes(secret(story)), `anonymous × page cache (${round}): no paid reader's page`);
          assert.match(again.body, /class="paywall"/, `anonymous × page cache (${round}): the locked page`);
        }
      }
    } finally {
      t.cache.set = set;
    }
  });

  it('the site setting sets the default preview length, changed through the admin API like any other setting', async () => {
    const admin = await makeStaff(t, 'admin');
    const headers = await signIn(t, admin);
    const read = await t.app.inject({ url: '/admin/api/settings', headers });
    assert.equal(read.json<{ previewParagraphs: number }>().previewParagraphs, 2);
    assert.equal(
      (await t.app.inject({ method: 'PATCH', url: '/admin/api/settings', headers, payload: { previewParagraphs: 21 } }))
        .statusCode,
      400,
    );
    const changed = await t.app.inject({
      method: 'PATCH',
      url: '/admin/api/settings',
      headers,
      payload: { previewParagraphs: 1 },
    });
    assert.equal(changed.statusCode, 200);
    const page = (await t.app.inject(path('paid'))).body;
    assert.match(page, /Open zqpaidteaser words/);
    assert.doesNotMatch(page, /Still zqpaidteaser free/, 'one paragraph now');
    // The editor's marker wins over the setting.
    assert.match((await t.app.inject(path('members'))).body, /Open zqmembersteaser words/);
    // The invitation speaks the site's language.
    await t.app.inject({ method: 'PATCH', url: '/admin/api/settings', headers, payload: { locale: 'es' } });
    const spanish = parse((await t.app.inject(path('members'))).body);
    assert.equal(spanish.querySelector('.paywall h2')?.text, 'El resto de esta historia es para miembros');
    assert.equal(spanish.querySelector('.paywall a[href="/signup"]')?.text, 'Regístrate gratis');
    await t.app.inject({
      method: 'PATCH',
      url: '/admin/api/settings',
      headers,
      payload: { previewParagraphs: 2, locale: 'en' },
    });
  });
});

describe('the free preview rule', () => {
  const p = (words: string) => text(words);
  const doc = (...content: ArticleDocument['content']): ArticleDocument => ({
    type: 'doc',
    version: DOCUMENT_VERSION,
    content,
  });
  const heading = { type: 'heading' as const, level: 2 as const, content: [{ type: 'text' as const, text: 'H' }] };

  it('ends at the editor’s marker, whatever the setting', () => {
    assert.equal(freeBlockCount(doc(p('a'), p('b'), p('c'), { type: 'preview_end' }, p('d')), 1), 3);
    assert.equal(freeBlockCount(doc({ type: 'preview_end' }, p('a'), p('b')), 5), 0);
  });

  it('otherwise takes the first N paragraphs with whatever stands between them', () => {
    assert.equal(freeBlockCount(doc(heading, p('a'), heading, p('b'), p('c'), p('d')), 2), 4);
    assert.equal(freeBlockCount(doc(p('a'), p('b'), p('c')), 0), 0);
  });

  it('never gives a short story away whole: it stops before the last paragraph', () => {
    assert.equal(freeBlockCount(doc(p('a'), p('b')), 2), 1);
    assert.equal(freeBlockCount(doc(p('a'), heading), 3), 0);
    assert.equal(freeBlockCount(doc(), 2), 0);
  });
});
