import type { Role } from '../screens.tsx';

/** The staff roles, least to most allowed. */
export const ROLES: readonly Role[] = ['contributor', 'author', 'editor', 'admin'];
