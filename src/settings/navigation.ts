import { type Static, Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * One entry of the header or footer navigation: a section or a static page (by id, so a renamed
 * slug keeps working), or an external http(s) address. A section or page shows its own name
 * unless `label` overrides it; an external link needs a label.
 */
export const NavItemSchema = Type.Object(
  {
    type: Type.Union([Type.Literal('section'), Type.Literal('page'), Type.Literal('link')]),
    id: Type.Optional(Type.String({ description: 'the section or page id (type section or page)' })),
    url: Type.Optional(Type.String({ maxLength: 2000, description: 'an http or https address (type link)' })),
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' })),
  },
  { additionalProperties: false },
);
export type NavItem = Static<typeof NavItemSchema>;

/** A navigation list as stored; null means "not configured": the site shows its default links. */
export const NavigationSchema = Type.Union([Type.Array(NavItemSchema, { maxItems: 30 }), Type.Null()]);
export type Navigation = Static<typeof NavigationSchema>;

export interface FieldProblem {
  field: string;
  message: string;
}

/** Whether a string is an absolute http or https address a reader's browser can follow. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Checks a navigation list against the database: every section and page it names exists, every
 * link is an http(s) address with a label. Returns the list as it should be stored (labels
 * trimmed, links normalised) and the problems, each naming its field (`footerNavigation/2/url`).
 */
export async function checkNavigation(
  db: Kysely<Database>,
  field: string,
  items: Navigation,
): Promise<{ items: Navigation; problems: FieldProblem[] }> {
  if (items === null) return { items, problems: [] };
  const problems: FieldProblem[] = [];
  const wanted = (type: 'section' | 'page') =>
    items.flatMap((item) => (item.type === type && item.id ? [item.id] : []));
  const [sections, pages] = await Promise.all([
    wanted('section').length
      ? db.selectFrom('sections').select('id').where('id', 'in', wanted('section')).execute()
      : [],
    wanted('page').length ? db.selectFrom('pages').select('id').where('id', 'in', wanted('page')).execute() : [],
  ]);
  const known = { section: new Set(sections.map((r) => r.id)), page: new Set(pages.map((r) => r.id)) };
  const stored = items.map((item, i): NavItem => {
    const at = `${field}/${i}`;
    const label = item.label?.trim();
    if (item.type === 'link') {
      const url = item.url?.trim() ?? '';
      if (!isWebAddress(url)) problems.push({ field: `${at}/url`, message: 'must be an http or https address' });
      if (!label) problems.push({ field: `${at}/label`, message: 'a link needs a label' });
      if (item.id !== undefined) problems.push({ field: `${at}/id`, message: 'a link has a url, not an id' });
      return { type: 'link', url: isWebAddress(url) ? new URL(url).href : url, label: label ?? '' };
    }
    if (item.url !== undefined) problems.push({ field: `${at}/url`, message: `a ${item.type} has an id, not a url` });
    if (!item.id) problems.push({ field: `${at}/id`, message: `is required for a ${item.type}` });
    else if (!known[item.type].has(item.id))
      problems.push({ field: `${at}/id`, message: `no ${item.type} has this id` });
    return { type: item.type, id: item.id ?? '', ...(label ? { label } : {}) };
  });
  return { items: stored, problems };
}
