import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import { parse } from 'node-html-parser';
import { removeLapsedPins } from '../content/front-page.service.ts';
import { publishArticle, publishDueArticles } from '../content/publishing.service.ts';
import { newId } from '../db/ids.ts';
import { SYSTEM } from '../staff/actor.ts';
import type { StaffRole } from '../staff/staff.table.ts';
import { makeArticle, makeSection, makeStaff, signIn } from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';

type Headers = Record<string, string>;

describe('editors pin the lead and featured stories of the home page', () => {
  let t: TestApp;
  const as = {} as Record<StaffRole, Headers>;
  /** Story n was published n hours into the day: story 14 is the newest. */
  const story: string[] = [];

  const api = (who: StaffRole, method: 'GET' | 'PATCH' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/admin/api${url}`,
      headers: as[who],
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const pin = (payload: unknown, who: StaffRole = 'editor') => api(who, 'PATCH', '/front-page', payload);
  const home = async () => {
    const doc = parse((await t.app.inject('/')).body);
    const text = (selector: string) => doc.querySelectorAll(selector).map((a) => a.text);
    return {
      lead: doc.querySelector('.card-lead h2 a')?.text,
      secondary: text('.lead .secondary .card h3 a'),
      latest: text('.lead .latest .card h3 a'),
      all: text('.card h2 a, .card h3 a'),
    };
  };
  const content = () => ({ db: t.database.handle.db, invalidation: t.invalidation });

  before(async () => {
    t = await startTestApp();
    const news = await makeSection(t.database.handle.db, 'News');
    for (let i = 1; i <= 14; i++) {
      const row = await makeArticle(t, {
        headline: `Story ${i}`,
        sectionId: news.id,
        publishedAt: new Date(Date.UTC(2025, 10, 1, i)).toISOString(),
      });
      story[i] = row.id;
    }
    for (const role of ['contributor', 'author', 'editor', 'admin'] as const)
      as[role] = await signIn(t, await makeStaff(t, role));
  });
  after(() => t.close());

  it('follows the pinned lead and featured stories, then the newest, each story once; unpinning restores the newest', async () => {
    assert.equal((await home()).lead, 'Story 14', 'without pins the newest leads');
    const response = await pin({
      lead: { articleId: story[3] },
      featured: [{ articleId: story[5] }, { articleId: story[14] }],
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), {
      lead: { articleId: story[3], headline: 'Story 3', status: 'published', until: null },
      featured: [
        { articleId: story[5], headline: 'Story 5', status: 'published', until: null },
        { articleId: story[14], headline: 'Story 14', status: 'published', until: null },
      ],
    });
    const page = await home();
    assert.equal(page.lead, 'Story 3');
    assert.deepEqual(page.secondary, ['Story 5', 'Story 14']);
    assert.deepEqual(page.latest, ['Story 13', 'Story 12', 'Story 11', 'Story 10']);
    assert.equal(new Set(page.all).size, page.all.length, 'no story twice');
    assert.deepEqual(
      page.all.slice(-4),
      ['Story 9', 'Story 8', 'Story 7', 'Story 6'],
      'pinning hides no story: the ones pushed out of the latest list lead their section block',
    );
    assert.deepEqual((await api('contributor', 'GET', '/front-page')).json().lead.headline, 'Story 3');

    // Changing only the lead keeps the featured list; a featured story made the lead moves up.
    assert.equal((await pin({ lead: { articleId: story[5] } })).statusCode, 200);
    const moved = (await api('editor', 'GET', '/front-page')).json();
    assert.equal(moved.lead.articleId, story[5]);
    assert.deepEqual(
      moved.featured.map((p: { articleId: string }) => p.articleId),
      [story[14]],
    );
    assert.equal((await home()).lead, 'Story 5');

    assert.equal((await pin({ lead: null, featured: [] })).statusCode, 200);
    const restored = await home();
    assert.equal(restored.lead, 'Story 14');
    assert.deepEqual(restored.secondary, ['Story 13', 'Story 12']);
    assert.deepEqual(restored.latest, ['Story 11', 'Story 10', 'Story 9', 'Story 8']);
    assert.deepEqual((await api('editor', 'GET', '/front-page')).json(), { lead: null, featured: [] });
  });

  it('skips pinned stories readers cannot see (withdrawn, draft) and leads with a scheduled pin once it goes live', async () => {
    const withdrawn = await makeArticle(t, { headline: 'Withdrawn story' });
    const draft = await makeArticle(t, { headline: 'Draft story', status: 'draft' });
    const scheduled = await makeArticle(t, { headline: 'Scheduled story', status: 'draft' });
    const at = new Date(Date.now() + 3600_000).toISOString();
    await publishArticle(content(), SYSTEM.seed, scheduled.id, at);
    assert.equal(
      (await pin({ lead: { articleId: withdrawn.id }, featured: [{ articleId: draft.id }, { articleId: story[2] }] }))
        .statusCode,
      200,
    );
    assert.equal((await home()).lead, 'Withdrawn story');
    assert.equal((await api('editor', 'POST', `/articles/${withdrawn.id}/unpublish`)).statusCode, 200);
    const page = await home();
    assert.equal(page.lead, 'Story 14', 'the withdrawn lead is skipped, the newest leads');
    assert.equal(page.secondary[0], 'Story 2', 'the draft is skipped, the next featured story follows');
    assert.ok(!page.all.includes('Draft story') && !page.all.includes('Withdrawn story'));

    assert.equal((await pin({ lead: { articleId: scheduled.id } })).statusCode, 200);
    assert.equal((await api('editor', 'GET', '/front-page')).json().lead.status, 'scheduled');
    assert.equal((await home()).lead, 'Story 14', 'not yet: it is scheduled');
    await publishDueArticles(content(), SYSTEM.scheduler, new Date(Date.now() + 2 * 3600_000).toISOString());
    assert.equal((await home()).lead, 'Scheduled story', 'it leads as soon as it goes live');
    assert.equal((await pin({ lead: null, featured: [] })).statusCode, 200);
    // Published an hour ahead, it would stay the newest story for the tests below.
    assert.equal((await api('editor', 'POST', `/articles/${scheduled.id}/unpublish`)).statusCode, 200);
  });

  it('drops a pin when its time is up: the cached home page does not outlive it, and the scheduler removes it', async () => {
    mock.timers.enable({ apis: ['Date'], now: Date.now() });
    try {
      const until = new Date(Date.now() + 3600_000).toISOString();
      const response = await pin({ lead: { articleId: story[4], until }, featured: [{ articleId: story[1] }] });
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().lead.until, until);
      assert.equal((await home()).lead, 'Story 4');
      mock.timers.tick(3599_000);
      assert.equal((await home()).lead, 'Story 4', 'still pinned a second before');
      mock.timers.tick(2_000);
      const page = await home();
      assert.equal(page.lead, 'Story 14', 'the cached page expired with the pin, before any scheduler ran');
      assert.equal(page.secondary[0], 'Story 1', 'the featured pin without a time stays');

      // The scheduler removes the lapsed pin and purges the page for caches in front of Gaceta.
      const purged: string[][] = [];
      t.invalidation.subscribe((keys) => purged.push([...keys]));
      assert.deepEqual(await removeLapsedPins(content()), [story[4]]);
      assert.ok(purged.some((keys) => keys.includes('front')));
      assert.equal((await api('editor', 'GET', '/front-page')).json().lead, null);
      assert.deepEqual(await removeLapsedPins(content()), [], 'nothing left to remove');
    } finally {
      mock.timers.reset();
    }
    assert.equal((await pin({ featured: [] })).statusCode, 200);
  });

  it('refuses a pin in the past, an unknown story, a story pinned twice and too many featured stories, with field messages', async () => {
    const past = await pin({ lead: { articleId: story[1], until: '2020-01-01T00:00:00Z' } });
    assert.equal(past.statusCode, 400);
    assert.deepEqual(past.json().error.fields, [{ field: 'lead/until', message: 'must be in the future' }]);
    const unknown = await pin({ featured: [{ articleId: story[1] }, { articleId: newId() }] });
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(unknown.json().error.fields, [
      { field: 'featured/1/articleId', message: 'no article has this id' },
    ]);
    const twice = await pin({
      lead: { articleId: story[1] },
      featured: [{ articleId: story[2] }, { articleId: story[1] }],
    });
    assert.equal(twice.statusCode, 400);
    assert.deepEqual(twice.json().error.fields, [
      { field: 'featured/1/articleId', message: 'is already pinned above' },
    ]);
    const many = await pin({ featured: story.slice(1, 9).map((articleId) => ({ articleId })) });
    assert.equal(many.statusCode, 400);
    assert.match(JSON.stringify(many.json().error.fields), /featured/);
    assert.equal((await pin({ lead: { articleId: 'not-an-id' } })).statusCode, 400);
    assert.deepEqual(
      (await api('editor', 'GET', '/front-page')).json(),
      { lead: null, featured: [] },
      'nothing stored',
    );
  });

  it('lets editors and admins pin, not authors or contributors', async () => {
    for (const [role, status] of [
      ['contributor', 403],
      ['author', 403],
      ['editor', 200],
      ['admin', 200],
    ] as const) {
      const response = await pin({ lead: { articleId: story[7] } }, role);
      assert.equal(response.statusCode, status, role);
      assert.equal((await home()).lead, status === 200 ? 'Story 7' : 'Story 14', role);
      assert.equal((await pin({ lead: null })).statusCode, 200);
    }
  });
});
