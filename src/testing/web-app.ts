import type { BrowserContext, Page } from 'playwright-core';
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
