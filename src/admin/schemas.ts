import { type TSchema, Type } from '@sinclair/typebox';

declare module 'fastify' {
  interface FastifySchema {
    /** The body may be left out (the route fills in `{}`); the OpenAPI document says so (admin.plugin.ts). */
    'x-optional-body'?: boolean;
  }
}

/** Route parameters of every admin route that addresses one thing by id. */
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is malformed; `fields` names what to fix',
  401: 'Not signed in, or the API key is not valid',
  403: 'The policy does not allow this to the caller, or a session change came without its X-CSRF-Token',
  404: 'Nothing with that id',
  410: 'The link has expired or was already used',
  409: 'Conflicts with what exists: a taken slug or email, a state that does not allow the change, or (ARTICLE_CHANGED, PAGE_CHANGED) a save on a version someone else has changed since; `details` says who, when, and the current version',
  413: 'The body is larger than the server takes',
  415: 'The body is not of a media type this route takes',
  422: 'The content cannot be used as asked: an upload that is not a readable image, an import that is not CSV, an address that cannot be embedded, or (TK_REMAINING) an article still holding TK placeholders; `details` says how many and where',
  429: 'Too many attempts; wait a minute',
  503: 'Stripe could not be reached or refused; what was saved in Gaceta stays, send it again later',
};

/** The one shape of every 4xx answer of the admin API (see the error handler in src/app.ts). */
export function errorResponse(status: number): TSchema {
  return Type.Object(
    {
      error: Type.Object({
        code: Type.String({ description: 'a stable code such as VALIDATION_FAILED, FORBIDDEN, SLUG_TAKEN' }),
        message: Type.String({ description: 'what went wrong, in words a person can act on' }),
        fields: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
        details: Type.Optional(
          Type.Object(
            {},
            {
              additionalProperties: true,
              description: 'what a client needs to act on some errors (ARTICLE_CHANGED, TK_REMAINING)',
            },
          ),
        ),
      }),
    },
    { description: ERROR_DESCRIPTIONS[status] ?? 'Error' },
  );
}

/** Documented error answers beyond the ones every admin route gets (see documentErrors in admin.plugin.ts). */
export const errors = (...statuses: number[]): Record<number, TSchema> =>
  Object.fromEntries(statuses.map((status) => [status, errorResponse(status)]));

/** A 204's (empty) answer. */
export const NoContent = Type.Null({ description: 'Done; no content' });

/**
 * A JSON object whose listed properties are documented; others are still sent (the serializer
 * would otherwise drop any field a service adds before its schema here is updated).
 */
export const Open = <P extends Record<string, TSchema>>(properties: P, description: string) =>
  Type.Object(properties, { additionalProperties: true, description });

export const ListOf = (key: string, item: TSchema, description: string) =>
  Type.Object({ [key]: Type.Array(item) }, { additionalProperties: true, description });
