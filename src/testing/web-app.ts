import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { StaffActor } from '../staff/staff.service.ts';
import { TEST_PASSWORD } from './factories.ts';

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
