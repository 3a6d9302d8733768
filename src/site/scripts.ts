import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleBrowserCode } from '../http/browser-bundle.ts';

/*
 * The reader site's one script (click-to-load embeds), written in TypeScript beside the views and
 * bundled on first request as the web app is. Its address carries a hash of the source, not of the
 * bundle, so pages can name it before anything is bundled; browsers and CDNs may keep it a year.
 */
const ENTRY = fileURLToPath(new URL('./browser/embeds.ts', import.meta.url));

let path: string | undefined;
let bundled: Promise<string> | undefined;

/** The embeds script's address, e.g. /assets/embeds.1a2b3c4d5e.js. */
export function embedsScriptPath(): string {
  path ??= `/assets/embeds.${createHash('sha1').update(readFileSync(ENTRY)).digest('hex').slice(0, 10)}.js`;
  return path;
}

/** The embeds script as browsers run it: minified, one file, for browsers of the last few years. */
export function embedsScript(): Promise<string> {
  bundled ??= bundleBrowserCode(ENTRY, 'embeds', 'readers').then((made) => {
    const file = made.files.get(made.script);
    return file ? file.body.toString('utf8') : '';
  });
  bundled.catch(() => {
    bundled = undefined;
  });
  return bundled;
}
