import { Type } from '@sinclair/typebox';

/** Route parameters of every admin route that addresses one thing by id. */
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
