import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';

/**
 * A Fastify instance whose routes take their types from their TypeBox schemas
 * (`@fastify/type-provider-typebox`), so a route's params, query and body are written once.
 */
export type TypedFastify = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** The same instance, seen through the TypeBox type provider. */
export const typed = (app: FastifyInstance): TypedFastify => app.withTypeProvider<TypeBoxTypeProvider>();
