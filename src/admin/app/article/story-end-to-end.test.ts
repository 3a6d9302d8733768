import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type HTMLElement, parse } from 'node-html-parser';
import type { BrowserContext, Page } from 'playwright-core';
import { startScheduler } from '../../../content/publishing.service.ts';
import { translator } from '../../../i18n/i18n.ts';
import { axeViolations, screenshot, skipWithoutChromium } from '../../../testing/browser.ts';
import { makeArticle, makeAuthor, makeSection, makeStaff, pngBytes, signIn } from '../../../testing/factories.ts';
import { insertEmbed, insertImage, insertRelatedStory, openSignedIn, webAppSuite } from '../../../testing/web-app.ts';
import { utcToSiteTime } from '../ui/site-time.ts';

// Not the browser's zone (UTC here), so a time picked on the site's clocks is told apart from one on the browser's.
const ZONE = 'America/Mexico_City';
const HEADLINE = 'Valley farmers ration water';
const RELATED = 'Valley wells run dry';
const CORRECTION = 'Households will get 200 litres a day, not 150.';
/** How far ahead the story is scheduled: room to fill the form and click before that moment comes. */
const SCHEDULE_AHEAD_MS = 15_000;

/** One block of the reader page's text, as a reader sees it. */
type ReaderBlock =
  | { p: string }
  | { h2: string }
  | { quote: string[]; cite: string | undefined }
  | { image: { alt: string | null | undefined; caption: string | undefined; credit: string | undefined } }
  | { related: { headline: string | undefined; href: string | null | undefined } }
  | {
      embed: {
        provider: string | null | undefined;
        caption: string | undefined;
        waiting: string | undefined;
        loaded: boolean;
      };
    };

interface ReaderStory {
  headline: string | undefined;
  dek: string | undefined;
  byline: string | undefined;
  blocks: ReaderBlock[];
}

/** The article on a reader page, as the browser holds it now: its header and every block of its text, in order. */
async function readStory(page: Page): Promise<ReaderStory> {
  const story = parse(await page.content()).querySelector('article.story');
  const text = (element: HTMLElement | null | undefined) => element?.text.trim();
  const blocks = (story?.querySelector('.body')?.children ?? []).map((block): ReaderBlock => {
    const classes = block.classList;
    if (block.tagName === 'H2') return { h2: text(block) ?? '' };
    if (block.tagName === 'BLOCKQUOTE')
      return {
        quote: block.querySelectorAll('p').map((p) => text(p) ?? ''),
        cite: text(block.querySelector('cite')),
      };
    if (block.tagName === 'FIGURE' && classes.contains('figure'))
      return {
        image: {
          alt: block.querySelector('img')?.getAttribute('alt') ?? null,
          caption: text(block.querySelector('.caption')),
          credit: text(block.querySelector('.credit')),
        },
      };
    if (block.tagName === 'ASIDE' && classes.contains('inline-card'))
      return {
        related: {
          headline: text(block.querySelector('a')),
          href: block.querySelector('a')?.getAttribute('href') ?? null,
        },
      };
    if (block.tagName === 'FIGURE' && classes.contains('embed'))
      return {
        embed: {
          provider: block.querySelector('.embed-facade')?.getAttribute('data-provider') ?? null,
          caption: text(block.querySelector(':scope > figcaption')),
          // The embed's own markup waits inert in a <template> until the reader asks for it.
          waiting: block.querySelector('template iframe')?.getAttribute('src'),
          loaded: block.querySelectorAll('iframe').some((frame) => !frame.closest('template')),
        },
      };
    return { p: text(block) ?? '' };
  });
  return {
    headline: text(story?.querySelector('h1')),
    dek: text(story?.querySelector('header .dek')),
    byline: text(story?.querySelector('.byline')),
    blocks,
  };
}

describe('a story from the first word to the correction, as an editor writes it', { skip: skipWithoutChromium }, () => {
  // Registered before the suite's own `after` (node:test runs them in that order): the scheduler stops before the app closes.
  after(async () => {
    await stopScheduler?.();
  });
  const web = webAppSuite('editor');
  let relatedPath: string;
  let png: Buffer;
  let stopScheduler: () => Promise<void>;
  const schedulerErrors: unknown[] = [];

  before(async () => {
    const admin = await makeStaff(web.t, 'admin');
    const zone = await web.t.app.inject({
      method: 'PATCH',
      url: '/admin/api/settings',
      headers: await signIn(web.t, admin),
      payload: { timeZone: ZONE },
    });
    assert.equal(zone.statusCode, 200, zone.body);
    const db = web.t.database.handle.db;
    await makeSection(db, 'Environment');
    await makeAuthor(db, 'Ana Ruiz');
    const related = await makeArticle(web.t, { headline: RELATED });
    const answer = await web.t.app.inject({
      url: `/admin/api/articles/${related.id}`,
      headers: await signIn(web.t, web.staff),
    });
    relatedPath = new URL(answer.json<{ url: string }>().url).pathname;
    png = await pngBytes(800, 450);
    // The real scheduler, on a short interval so a story scheduled seconds ahead goes live during the test.
    stopScheduler = startScheduler({ db, invalidation: web.t.invalidation }, 200, (error) =>
      schedulerErrors.push(error),
    );
  });

  const saved = (page: Page) =>
    page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
  /** Back to the end of the text, from wherever the keyboard is. */
  async function toEnd(page: Page): Promise<void> {
    await page.getByLabel('Article text').focus();
    await page.keyboard.press('ControlOrMeta+End');
  }

  /** Writes the whole story in the editor, block by block, from the keyboard, the file picker and the dialogs. */
  async function writeStory(page: Page): Promise<void> {
    const type = (keys: string) => page.keyboard.type(keys);
    const press = (key: string) => page.keyboard.press(key);
    await page.getByLabel('Headline').fill(HEADLINE);
    await press('Enter');
    await type('Farmers in the valley queued for water trucks on Monday.');
    await press('Enter');
    await type('## What the council decided');
    await press('Enter');
    await type('Each household will get 200 litres a day.');
    await press('Enter');
    await type('> Every drop counts');
    await press('ControlOrMeta+Alt+a');
    await type('Mayor Ruiz');
    await press('Enter');

    await insertImage(
      page,
      { name: 'queue.png', mimeType: 'image/png', buffer: png },
      {
        alt: 'Farmers with jerrycans beside a water truck',
        caption: 'The queue at the water truck',
        credit: 'Ana Gómez',
      },
    );

    await toEnd(page);
    await type('The wells have been falling since spring.');
    await press('Enter');
    await insertRelatedStory(page, 'wells', RELATED);

    await toEnd(page);
    const embed = await insertEmbed(page, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'YouTube');
    await embed.getByLabel('Caption').fill('The council meeting');

    await toEnd(page);
    await type('The council meets again in June.');
  }

  /** Fills the settings panel: section, byline and dek. */
  async function fillSettings(page: Page): Promise<void> {
    await page.getByLabel('Section').selectOption({ label: 'Environment' });
    await page.getByRole('combobox', { name: 'Add an author' }).fill('Ana');
    await page.getByRole('combobox', { name: 'Add an author' }).press('Enter');
    await page.getByRole('button', { name: 'Remove Ana Ruiz from the byline' }).waitFor();
    await page.getByLabel('Dek').fill('The council limits every household to 200 litres a day.');
  }

  /** Schedules the story a few seconds ahead on the site's clocks; the instant chosen, in UTC. */
  async function schedule(page: Page): Promise<Date> {
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    const goLive = new Date(Math.ceil((Date.now() + SCHEDULE_AHEAD_MS) / 1000) * 1000);
    const when = utcToSiteTime(goLive.toISOString(), ZONE);
    await page.getByLabel('Date', { exact: true }).fill(when.date);
    await page.getByLabel(`Time (${ZONE})`).fill(`${when.time}:${goLive.toISOString().slice(17, 19)}`);
    await page.getByRole('button', { name: 'Schedule it' }).click();
    return goLive;
  }

  /** Waits, reloading the article list as an editor would, until the story's row says it is published. */
  async function waitUntilLiveInList(page: Page): Promise<void> {
    const status = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: HEADLINE }) })
      .locator('.status');
    for (let tries = 0; ; tries++) {
      await status.waitFor();
      if ((await status.textContent()) === 'Published') return;
      assert.ok(tries < 120, 'the scheduler never published the story');
      await page.waitForTimeout(500);
      await page.reload();
    }
  }

  /** The story's image as readers get it: loaded in the page, and answered 200 as an image by the server. */
  async function checkImageServed(page: Page, context: BrowserContext): Promise<void> {
    const img = page.locator('article.story .body figure.figure img');
    await img.scrollIntoViewIfNeeded();
    await img.evaluate((element: HTMLImageElement) =>
      element.complete
        ? undefined
        : new Promise((resolve) => element.addEventListener('load', resolve, { once: true })),
    );
    assert.ok(await img.evaluate((element: HTMLImageElement) => element.naturalWidth > 0), 'the image shows');
    const src = await img.evaluate((element: HTMLImageElement) => element.currentSrc);
    const served = await context.request.get(src);
    assert.equal(served.status(), 200, src);
    assert.match(served.headers()['content-type'] ?? '', /^image\//);
  }

  it('signs in, writes, schedules, sees it go live, reads it on the site as written, and corrects it', async () => {
    const context = await web.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 1000 } });
    const page = await openSignedIn(context, web.base, web.staff, '/admin');
    await page.getByRole('link', { name: 'New article' }).click();
    await page.getByRole('heading', { name: 'New article', level: 1 }).waitFor();
    await writeStory(page);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await saved(page);
    await page.waitForURL(/\/admin\/articles\/[0-9a-f-]{36}$/);
    await fillSettings(page);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await saved(page);
    assert.deepEqual(await axeViolations(page), [], 'the editor screen with every kind of block');
    await screenshot(page, 'story-editor.png');

    const goLive = await schedule(page);
    const format = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE });
    const spaces = (text: string | null) => (text ?? '').replace(/\s+/g, ' ');
    const badge = page.locator('.status-badge');
    await badge.getByText(/^Scheduled for /).waitFor();
    assert.equal(
      spaces(await badge.textContent()),
      spaces(`Scheduled for ${format.format(goLive)}`),
      'on the site’s clocks',
    );
    await screenshot(page, 'story-scheduled.png');

    // The scheduler publishes it when its time comes; the article list shows it, then the article itself.
    await page.getByRole('link', { name: 'Articles', exact: true }).click();
    await waitUntilLiveInList(page);
    await page.getByRole('link', { name: HEADLINE }).click();
    await badge.getByText('Published', { exact: true }).waitFor();
    await screenshot(page, 'story-live-in-app.png');

    // Read on the site, signed in from the app's link and signed out in a tab of its own: both exactly as written.
    await page.getByRole('link', { name: 'View on the site' }).click();
    await page.getByRole('heading', { name: HEADLINE, level: 1 }).waitFor();
    const path = new URL(page.url()).pathname;
    assert.equal(path, '/environment/valley-farmers-ration-water');
    const asWritten: ReaderStory = {
      headline: HEADLINE,
      dek: 'The council limits every household to 200 litres a day.',
      byline: 'By Ana Ruiz',
      blocks: [
        { p: 'Farmers in the valley queued for water trucks on Monday.' },
        { h2: 'What the council decided' },
        { p: 'Each household will get 200 litres a day.' },
        { quote: ['Every drop counts'], cite: 'Mayor Ruiz' },
        {
          image: {
            alt: 'Farmers with jerrycans beside a water truck',
            caption: 'The queue at the water truck',
            credit: 'Ana Gómez',
          },
        },
        { p: 'The wells have been falling since spring.' },
        { related: { headline: RELATED, href: relatedPath } },
        {
          embed: {
            provider: 'YouTube',
            caption: 'The council meeting',
            waiting: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
            loaded: false,
          },
        },
        { p: 'The council meets again in June.' },
      ],
    };
    assert.deepEqual(await readStory(page), asWritten, 'signed in');
    await checkImageServed(page, context);

    const readerContext = await web.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 1000 } });
    const reader = await readerContext.newPage();
    await reader.goto(web.base + path);
    assert.deepEqual(await readStory(reader), asWritten, 'signed out');
    await checkImageServed(reader, readerContext);
    assert.deepEqual(await axeViolations(reader), [], 'the reader page');
    await screenshot(reader, 'story-reader.png');

    // Back in the app, a correction through the panel; the reader's page shows it, dated.
    await page.goBack();
    await badge.getByText('Published', { exact: true }).waitFor();
    await page.getByText('Add a correction or clarification').click();
    await page.getByLabel('Correction', { exact: true }).check();
    await page.getByLabel('What readers should know').fill(CORRECTION);
    await page.getByRole('button', { name: 'Publish it under the article' }).click();
    await page.locator('.correction-list').getByText(CORRECTION).waitFor();

    await reader.reload();
    const notice = reader.getByRole('complementary', { name: 'Correction' });
    await notice.waitFor();
    const dated = await notice.locator('time').getAttribute('datetime');
    assert.ok(dated && !Number.isNaN(Date.parse(dated)), `a dated correction: ${dated}`);
    assert.equal(
      spaces(await notice.textContent()),
      `Correction (${translator('en', ZONE).longDate(dated)}): ${CORRECTION}`,
    );
    assert.deepEqual(await readStory(reader), asWritten, 'the text is untouched by the correction');
    await screenshot(reader, 'story-reader-correction.png');
    // The related card takes the reader to that story.
    await reader
      .getByRole('complementary', { name: `Read more: ${RELATED}` })
      .getByRole('link')
      .click();
    await reader.getByRole('heading', { name: RELATED, level: 1 }).waitFor();
    assert.equal(new URL(reader.url()).pathname, relatedPath);
    assert.deepEqual(schedulerErrors, []);
    await readerContext.close();
    await context.close();
  });
});
