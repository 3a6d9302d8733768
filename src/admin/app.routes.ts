import { fileURLToPath } from 'node:url';
import { Type } from '@sinclair/typebox';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type BrowserBundle, bundleBrowserCode } from '../http/browser-bundle.ts';
import { AppError } from '../http/errors.ts';
import { html } from '../http/html.ts';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { readSettings } from '../settings/settings.ts';

const ENTRY = fileURLToPath(new URL('./app/main.tsx', import.meta.url));
const ASSETS = '/admin/assets/';
const YEAR = 'public, max-age=31536000, immutable';
// The site's policy (src/app.ts) plus framing this origin's pages: the app's Preview shows the reader
// page of a preview link in a frame. Reader pages themselves may be framed by this origin only
// (frame-ancestors 'self'), so nobody else can frame them.
const ADMIN_CSP =
  "default-src 'self'; img-src 'self' data: https:; frame-src 'self' https:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

const AssetParams = Type.Object({ file: Type.String({ maxLength: 100 }) });

/**
 * The newsroom's web app: one HTML page for every address under /admin (the app routes in the
 * browser), and its script and stylesheet. Built once per process, on first use; reader pages
 * never load any of it.
 */
export function registerWebApp(
  app: TypedFastify,
  db: Kysely<Database>,
  log: FastifyBaseLogger,
  options: { uploadLimitBytes: number },
): void {
  let bundle: Promise<BrowserBundle> | undefined;
  const built = (): Promise<BrowserBundle> => {
    bundle ??= bundleBrowserCode(ENTRY, 'admin').then((made) => {
      log.info(`web app script: ${(made.gzipBytes / 1024).toFixed(0)} KB compressed`);
      return made;
    });
    bundle.catch(() => {
      bundle = undefined;
    });
    return bundle;
  };

  app.get(`${ASSETS}:file`, { schema: { params: AssetParams } }, async (request, reply) => {
    const file = (await built()).files.get(request.params.file);
    if (!file) throw new AppError('NOT_FOUND', 'No such file of the web app.');
    return reply.type(file.contentType).header('cache-control', YEAR).send(file.body);
  });

  const shell = async (url: string) => {
    // An unknown API address is the API's own 404 (JSON), not the app's page.
    if (url.startsWith('/admin/api/') || url.startsWith(ASSETS)) throw new AppError('NOT_FOUND', `No route ${url}`);
    const [{ locale, title, timeZone }, { script, stylesheet }] = await Promise.all([readSettings(db), built()]);
    return html`<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
${stylesheet ? html`<link rel="stylesheet" href="${ASSETS + stylesheet}">` : ''}
<script type="module" src="${ASSETS + script}"></script>
</head>
<body>
<div id="app" data-locale="${locale}" data-site="${title}" data-time-zone="${timeZone}" data-upload-limit="${String(options.uploadLimitBytes)}"><noscript>${locale === 'es' ? 'La redacción de Gaceta necesita JavaScript.' : "Gaceta's newsroom needs JavaScript."}</noscript></div>
</body>
</html>
`.toString();
  };
  // Every address of the app gets the same page; the app in the browser reads the path.
  const sendShell = async (request: FastifyRequest, reply: FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      // The app frames reader previews (/preview/<token>) from this origin; reader pages keep `frame-src https:`.
      .header('content-security-policy', ADMIN_CSP)
      .send(await shell(request.url.split('?')[0] ?? request.url));
  app.get('/admin', sendShell);
  app.get('/admin/*', sendShell);
}
