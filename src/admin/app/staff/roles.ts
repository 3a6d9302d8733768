import type { Role } from '../screen-types.ts';

/** The staff roles, least to most allowed. */
export const ROLES: readonly Role[] = ['contributor', 'author', 'editor', 'admin'];
