import { after, before } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { Config } from '../config.ts';
import type { StaffActor } from '../staff/staff.service.ts';
import type { StaffRole } from '../staff/staff.table.ts';
import { launchChromium } from './browser.ts';
import { makeStaff, TEST_PASSWORD } from './factories.ts';
import { listenOnLoopback, startTestApp, type TestApp } from './harness.ts';

/** What a describe block that drives the web app in Chromium works with; set once its `before` has run. */
export interface WebAppSuite {
  t: TestApp;
  /** The listening app's address, http://127.0.0.1:port. */
  base: string;
  browser: Browser;
  /** The member of staff the suite was made for. */
  staff: StaffActor;
  /** A tab signed in as `as` (the suite's staff unless told), open at `path` with `heading` shown (openWebApp). */
  open(path: string, heading: string, as?: StaffActor): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * Registers, in the calling describe block, the before and after every web-app browser test shares: a
 * fresh test app (with `config`), a member of staff with `role`, the app listening on loopback, and
 * Chromium; all closed after. Hooks run in the order they are registered: a suite's own `before`
 * registered after this call seeds the running app; one registered before it starts what `config`
 * names (give `config` as a function then, read when the app starts).
 */
export function webAppSuite(role: StaffRole, config: Partial<Config> | (() => Partial<Config>) = {}): WebAppSuite {
  const suite = {
    open: (path: string, heading: string, as?: StaffActor) =>
      openWebApp(suite.browser, suite.base, as ?? suite.staff, path, heading),
  } as WebAppSuite;
  before(async () => {
    suite.t = await startTestApp(typeof config === 'function' ? config() : config);
    suite.staff = await makeStaff(suite.t, role);
    ({ base: suite.base } = await listenOnLoopback(suite.t));
    suite.browser = await launchChromium();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.t?.close();
  });
  return suite;
}

/** Opens an address of the newsroom's web app and signs in there, as staff do when a link lands them on the sign-in form. */
export async function openSignedIn(
  context: BrowserContext,
  base: string,
  staff: StaffActor,
  path: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(base + path);
  await page.getByLabel('Email').fill(staff.email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return page;
}

/** Pastes HTML (and its plain text) into the focused editable element, as a paste from another program arrives. */
export async function pasteHtml(
  page: Page,
  html: string,
  files: Array<{ name: string; type: string; bytes: number[] }> = [],
): Promise<void> {
  await page.evaluate(
    ({ html, files }) => {
      const data = new DataTransfer();
      if (html) {
        data.setData('text/html', html);
        data.setData('text/plain', new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '');
      }
      for (const file of files) data.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { html, files },
  );
}

/**
 * A browser tab signed in to the newsroom's web app as `staff`, open at `path` (under /admin) with
 * its screen's heading shown. Signing in goes through the API (the sign-in screen has its own test,
 * src/admin/web-app.test.ts); the context bypasses CSP so axe can be injected.
 */
export async function openWebApp(
  browser: Browser,
  base: string,
  staff: StaffActor,
  path: string,
  heading: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const signedIn = await context.request.post(`${base}/admin/api/session`, {
    data: { email: staff.email, password: TEST_PASSWORD },
  });
  if (!signedIn.ok()) throw new Error(`sign-in failed: ${signedIn.status()} ${await signedIn.text()}`);
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  return { context, page };
}

/**
 * Presses Tab (or Shift+Tab with `backwards`) until `target` has the keyboard, as someone without a
 * mouse would; fails when it is not reached within `limit` presses.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  options: { backwards?: boolean; limit?: number } = {},
): Promise<void> {
  for (let i = 0; i < (options.limit ?? 80); i++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`the keyboard never reached ${target.toString()}`);
}

/**
 * Waits until the element with the keyboard matches a CSS selector: screens move the keyboard once
 * the page has been drawn anew, a frame after the change that caused it.
 */
export async function waitForFocus(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((wanted) => document.activeElement?.matches(wanted) ?? false, selector, {
    timeout: 5000,
  });
}

/** The web app's image picker (src/admin/app/media/image-picker.tsx), once it is open. */
export const imagePicker = (page: Page): Locator =>
  page.getByRole('dialog', { name: 'Choose an image from the library' });

/** Uploads a file in the open image picker and uses it, as staff do. */
export async function uploadInImagePicker(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const picker = imagePicker(page);
  await picker.getByLabel('Choose images to upload').setInputFiles(file);
  await picker
    .getByRole('status')
    .filter({ hasText: `Selected: ${file.name}` })
    .waitFor();
  await picker.getByRole('button', { name: 'Use this image' }).click();
  await picker.waitFor({ state: 'detached' });
}

/** Runs a slash-menu command of the rich-text editor, typed in an empty paragraph of the text. */
export async function slashCommand(page: Page, words: string): Promise<void> {
  await page.keyboard.type(`/${words}`);
  await page.getByRole('listbox', { name: 'Blocks' }).waitFor();
  await page.keyboard.press('Enter');
}

/**
 * Puts an image in the text being written, as staff do: the slash menu's image command from an empty
 * paragraph, a file uploaded in the picker, then its alt text, caption and credit typed in place.
 */
export async function insertImage(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
  words: { alt: string; caption?: string; credit?: string },
): Promise<void> {
  await slashCommand(page, 'image');
  await uploadInImagePicker(page, file);
  const image = page.locator('.editor-image');
  await image.locator('img').waitFor();
  await image.getByLabel(/^Alt text/).fill(words.alt);
  if (words.caption) await image.getByLabel('Caption').fill(words.caption);
  if (words.credit) await image.getByLabel('Credit').fill(words.credit);
}

/** Puts a related-story card in the text: the slash menu's command, then the story found by `words` and chosen by `headline`. */
export async function insertRelatedStory(page: Page, words: string, headline: string): Promise<void> {
  await slashCommand(page, 'related');
  await page.getByLabel('Words from the headline of a published story').fill(words);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: headline }).click();
  await page.locator('.editor-card .card-headline', { hasText: headline }).waitFor();
}

/** Puts an embed in the text by its address; returns the embed block once its click-to-load facade shows. */
export async function insertEmbed(page: Page, address: string, provider: string): Promise<Locator> {
  await slashCommand(page, 'embed');
  await page.getByLabel('Address of the post, video, chart, document or map').fill(address);
  await page.keyboard.press('Enter');
  const embed = page.locator('.editor-embed');
  await embed.locator(`.embed-facade[data-provider="${provider}"]`).waitFor();
  return embed;
}
