import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/*
 * The reader site's one script (click-to-load embeds), written in TypeScript beside the views and
 * bundled by esbuild in the process on first request: no build step, nothing generated in the
 * repository, and the running code always matches the source. The address carries a hash of the
 * source, so browsers and CDNs may keep it for a year.
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
  bundled ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  bundled.catch(() => {
    bundled = undefined;
  });
  return bundled;
}
