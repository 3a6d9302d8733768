import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** A bundle of browser code as served: its files by name (the names carry a hash of their content). */
export interface BrowserBundle {
  readonly script: string;
  readonly stylesheet: string | undefined;
  readonly files: ReadonlyMap<string, { body: Buffer; contentType: string }>;
  /** Compressed size of the script, as browsers download it. */
  readonly gzipBytes: number;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Bundles browser TypeScript (and the CSS it imports) with esbuild in the process: no build step,
 * nothing generated in the repository, and the running code always matches the source. Each file's
 * name carries a hash of its content, so browsers and CDNs may keep it for a year.
 */
export async function bundleBrowserCode(
  entry: string,
  name: string,
  /** The web app is a module for this year's browsers; the reader site's script runs in older ones too. */
  audience: 'staff' | 'readers' = 'staff',
): Promise<BrowserBundle> {
  const result = await build({
    entryPoints: { [name]: entry },
    bundle: true,
    write: false,
    minify: true,
    ...(audience === 'staff' ? { format: 'esm', target: ['es2022'] } : { format: 'iife', target: ['es2020'] }),
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: '/bundle',
    entryNames: '[name].[hash]',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const files = new Map<string, { body: Buffer; contentType: string }>();
  let script: string | undefined;
  let stylesheet: string | undefined;
  let gzipBytes = 0;
  for (const file of result.outputFiles) {
    const fileName = file.path.slice(file.path.lastIndexOf('/') + 1);
    const extension = fileName.slice(fileName.lastIndexOf('.'));
    const contentType = CONTENT_TYPES[extension];
    if (!contentType) continue;
    files.set(fileName, { body: Buffer.from(file.contents), contentType });
    if (extension === '.js') {
      script = fileName;
      gzipBytes = gzipSync(file.contents).length;
    } else stylesheet = fileName;
  }
  if (!script) throw new Error(`esbuild made no script for ${entry}`);
  return { script, stylesheet, files, gzipBytes };
}
