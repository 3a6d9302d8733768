import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { StaffActor } from '../staff/staff.service.ts';
import { TEST_PASSWORD } from './factories.ts';

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
