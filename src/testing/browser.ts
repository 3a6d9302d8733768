import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Where browser tests save their screenshots. */
export const SCREENSHOTS = path.resolve('test-output');

// CI installs Chromium and must never skip a browser test; a newcomer without it is told why it is skipped.
export const skipWithoutChromium =
  !fs.existsSync(CHROMIUM) && !process.env.CI
    ? `Debian's chromium is not installed at ${CHROMIUM} (apt-get install chromium)`
    : false;

/** Debian's Chromium, headless, with nothing reaching the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

/**
 * The axe-core violations of WCAG 2.1 A and AA on the page as it stands, one line each. The page's
 * context must bypass CSP (`browser.newContext({ bypassCSP: true })`) for axe to be injected.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            options: unknown,
          ): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map(
      (v) => `${v.impact} ${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target).slice(0, 3))}`,
    );
  });
}

/** Saves a full-page screenshot under test-output/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}
