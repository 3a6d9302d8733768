import { Type } from '@sinclair/typebox';
import { EMBED_PROVIDERS, embedForUrl } from '../content/embed-urls.ts';
import { authorize } from '../content/policy.ts';
import { cleanExternalHtml } from '../content/sanitize.ts';
import { AppError } from '../http/errors.ts';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { translator } from '../i18n/i18n.ts';
import { readSettings } from '../settings/settings.ts';
import { embedBlock } from '../site/views/embed.ts';
import type { AdminDeps } from './auth.ts';
import { staffOf } from './auth.ts';
import { errors, Open } from './schemas.ts';

const tags = ['embeds'];
const EmbedResponse = Open(
  {
    html: Type.String({ description: "the embed block's html, already through the allow-list sanitizer" }),
    provider: Type.Optional(Type.String({ description: 'who serves it: YouTube, Vimeo, X…' })),
    preview: Type.String({
      description: "the embed as the reader site renders it (its click-to-load facade), in the site's language",
    }),
  },
  'An embed block and how readers will see it',
);

/**
 * Embeds for the editor: a URL becomes the provider's embed markup (src/content/embed-urls.ts,
 * no request to the provider), and any embed's HTML is shown as the reader site renders it, so
 * the editor previews with the site's own renderer.
 */
export function registerEmbedRoutes(api: TypedFastify, deps: AdminDeps): void {
  const preview = async (html: string) => {
    const { locale, timeZone } = await readSettings(deps.db);
    return embedBlock({ html }, translator(locale, timeZone)).toString();
  };

  api.post(
    '/embeds',
    {
      schema: {
        tags,
        summary: "Make an embed block from a post's, video's, chart's, document's or map's address",
        description: `Known providers: ${EMBED_PROVIDERS.join(', ')}. Any other address is refused with UNSUPPORTED_EMBED.`,
        body: Type.Object({ url: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 200: EmbedResponse, ...errors(422) },
      },
    },
    async (request) => {
      authorize(staffOf(request), 'article.create');
      const embed = embedForUrl(request.body.url);
      if (!embed)
        throw new AppError(
          'UNSUPPORTED_EMBED',
          `This address cannot be embedded. Embeds come from ${EMBED_PROVIDERS.join(', ')}: use the address of the post, video, chart, document or map.`,
          [{ field: 'url', message: `not an address of ${EMBED_PROVIDERS.join(', ')}` }],
        );
      const html = cleanExternalHtml(embed.html);
      return { html, provider: embed.provider, preview: await preview(html) };
    },
  );

  api.post(
    '/embeds/preview',
    {
      schema: {
        tags,
        summary: "An embed block's HTML as readers will see it",
        body: Type.Object({ html: Type.String({ maxLength: 20000 }) }, { additionalProperties: false }),
        response: { 200: EmbedResponse },
      },
    },
    async (request) => {
      authorize(staffOf(request), 'article.read');
      const html = cleanExternalHtml(request.body.html);
      return { html, preview: await preview(html) };
    },
  );
}
