import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleBrowserCode } from '../http/browser-bundle.ts';

/*
 * The reader site's small scripts (click-to-load embeds; the pricing page's currency by the
 * browser's language), written in TypeScript beside the views and bundled on first request as the
 * web app is. An address carries a hash of the source, not of the bundle, so pages can name it
 * before anything is bundled; browsers and CDNs may keep it a year. Pages work without them.
 */
interface ReaderScript {
  /** The script's address, e.g. /assets/embeds.1a2b3c4d5e.js. */
  path(): string;
  /** The script as browsers run it: minified, one file, for browsers of the last few years. */
  body(): Promise<string>;
}

function readerScript(name: string): ReaderScript {
  const entry = fileURLToPath(new URL(`./browser/${name}.ts`, import.meta.url));
  let path: string | undefined;
  let bundled: Promise<string> | undefined;
  return {
    path() {
      path ??= `/assets/${name}.${createHash('sha1').update(readFileSync(entry)).digest('hex').slice(0, 10)}.js`;
      return path;
    },
    body() {
      bundled ??= bundleBrowserCode(entry, name, 'readers').then((made) => {
        const file = made.files.get(made.script);
        return file ? file.body.toString('utf8') : '';
      });
      bundled.catch(() => {
        bundled = undefined;
      });
      return bundled;
    },
  };
}

const embeds = readerScript('embeds');
export const pricingScript = readerScript('pricing');

/** The embeds script's address, e.g. /assets/embeds.1a2b3c4d5e.js. */
export const embedsScriptPath = (): string => embeds.path();
/** The embeds script as browsers run it. */
export const embedsScript = (): Promise<string> => embeds.body();
