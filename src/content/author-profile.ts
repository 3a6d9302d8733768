import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { FieldProblem } from '../http/errors.ts';
import { isWebAddress } from '../settings/navigation.ts';
import { existingIds } from './taxonomy.repository.ts';

/** The profiles an author page links to; the reader page names each (a website, or the service's own name). */
export const AUTHOR_LINK_KINDS = [
  'website',
  'x',
  'bluesky',
  'mastodon',
  'threads',
  'instagram',
  'facebook',
  'linkedin',
  'tiktok',
  'youtube',
] as const;
export type AuthorLinkKind = (typeof AUTHOR_LINK_KINDS)[number];

export const AuthorLinkSchema = Type.Object(
  {
    kind: Type.Union(AUTHOR_LINK_KINDS.map((kind) => Type.Literal(kind))),
    url: Type.String({ minLength: 1, maxLength: 500, description: 'an http or https address' }),
  },
  { additionalProperties: false },
);
export type AuthorLink = Static<typeof AuthorLinkSchema>;
export const AUTHOR_LINKS_LIMIT = 10;

/** The stored links of an author (a JSON array); anything unreadable is no links. */
export function parseAuthorLinks(json: string | null | undefined): AuthorLink[] {
  try {
    const value = JSON.parse(json ?? '[]') as unknown;
    return Array.isArray(value) ? (value as AuthorLink[]) : [];
  } catch {
    return [];
  }
}

/**
 * Checks an author's photo and links: the photo is an image of the media library, each link an
 * http(s) address (stored normalised). Returns the problems, each naming its field (`links/1/url`).
 */
export async function checkAuthorProfile(
  db: Kysely<Database>,
  input: { photoImageId?: string | null; links?: AuthorLink[] },
): Promise<{ links?: AuthorLink[]; problems: FieldProblem[] }> {
  const problems: FieldProblem[] = [];
  if (input.photoImageId && !(await existingIds(db, 'images', [input.photoImageId])).has(input.photoImageId))
    problems.push({ field: 'photoImageId', message: 'no image has this id' });
  const links = input.links?.map((link, i) => {
    const url = link.url.trim();
    if (!isWebAddress(url)) problems.push({ field: `links/${i}/url`, message: 'must be an http or https address' });
    return { kind: link.kind, url: isWebAddress(url) ? new URL(url).href : url };
  });
  return { ...(links ? { links } : {}), problems };
}
