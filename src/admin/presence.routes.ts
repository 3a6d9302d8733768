import { Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { markAbsent, markPresent, PRESENCE_WINDOW_MS } from '../content/presence.service.ts';
import { tags } from './articles.routes.ts';
import type { AdminDeps } from './auth.ts';
import { staffOf } from './auth.ts';
import { IdParams, NoContent } from './schemas.ts';

const Others = Type.Object(
  {
    others: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        role: Type.String({ description: 'contributor, author, editor or admin' }),
        seenAt: Type.String(),
      }),
      {
        description: 'other staff with the article open, most recently seen first',
      },
    ),
  },
  { description: 'Who else has the article open' },
);

/** Who has an article open: the editor says so every ~15 s, and learns who else has. */
export function registerPresenceRoutes(api: TypedFastify, deps: AdminDeps): void {
  api.post(
    '/articles/:id/presence',
    {
      schema: {
        tags,
        summary: 'Say “I have this article open”; answers who else has',
        description: `Send it about every 15 seconds while the article is open. Others count as present while heard from within the last ${PRESENCE_WINDOW_MS / 1000} seconds.`,
        params: IdParams,
        response: { 200: Others },
      },
    },
    async (request) => ({ others: await markPresent(deps.db, staffOf(request), request.params.id) }),
  );

  api.delete(
    '/articles/:id/presence',
    {
      schema: {
        tags,
        summary: 'Say “I closed this article”',
        params: IdParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await markAbsent(deps.db, staffOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
