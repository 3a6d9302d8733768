import { Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { changeFrontPage, frontPageView, MAX_FEATURED } from '../content/front-page.service.ts';
import type { AdminDeps } from './auth.ts';
import { staffOf } from './auth.ts';

const Pin = Type.Object(
  {
    articleId: Type.String({ format: 'uuid' }),
    until: Type.Optional(
      Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
        description: 'when the pin lapses (ISO 8601, in the future); absent or null: until unpinned',
      }),
    ),
  },
  { additionalProperties: false },
);
const PinView = Type.Object({
  articleId: Type.String(),
  headline: Type.String(),
  status: Type.String({ description: 'readers see a pinned story only while it is published' }),
  until: Type.Union([Type.String(), Type.Null()]),
});
const FrontPage = Type.Object({ lead: Type.Union([PinView, Type.Null()]), featured: Type.Array(PinView) });

/** The home page's pinned lead and featured stories (editors and admins change them). */
export function registerFrontPageRoutes(api: TypedFastify, deps: AdminDeps): void {
  api.get(
    '/front-page',
    {
      schema: {
        tags: ['front page'],
        summary: "The home page's pinned lead and featured stories",
        response: { 200: FrontPage },
      },
    },
    async () => frontPageView(deps.db),
  );

  api.patch(
    '/front-page',
    {
      schema: {
        tags: ['front page'],
        summary: 'Pin or unpin the lead and the featured stories (editors)',
        description:
          'lead: a pin, or null to unpin; featured: the whole ordered list ([] unpins all). A field left out stays as it is. ' +
          'Without a pin the newest story leads; pinned stories that readers cannot see (drafts, scheduled, withdrawn) are skipped until they can.',
        body: Type.Object(
          {
            lead: Type.Optional(Type.Union([Pin, Type.Null()])),
            featured: Type.Optional(Type.Array(Pin, { maxItems: MAX_FEATURED })),
          },
          { additionalProperties: false },
        ),
        response: { 200: FrontPage },
      },
    },
    async (request) => changeFrontPage(deps, staffOf(request), request.body),
  );
}
