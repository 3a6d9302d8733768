/*
 * Which link addresses a body may hold: the ones the reader site renders as written
 * (docs/document-format.md: http(s), mailto, site-relative and `#`). The link editor refuses the
 * rest with a message, and pasted links with any other scheme (javascript:, data:, vbscript:) lose
 * their link and keep their text.
 */

/** True for http(s), mailto, site-relative (`/…`, not `//host`) and fragment (`#…`) addresses. */
export function isAllowedHref(href: string): boolean {
  const value = href.trim();
  if (value === '' || value.length > 2000) return false;
  if (value.startsWith('#')) return true;
  if (value.startsWith('/')) return !value.startsWith('//') && !value.startsWith('/\\');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === 'mailto') return value.length > 'mailto:'.length;
  if (scheme !== 'http' && scheme !== 'https') return false;
  return URL.canParse(value) && new URL(value).hostname !== '';
}

/**
 * What a person typed in the link editor as an address: "example.com/x" is taken to mean
 * https://, "name@example.com" mailto:; anything else is kept as typed for isAllowedHref to judge.
 */
export function typedHref(typed: string): string {
  const value = typed.trim();
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(value)) return `mailto:${value}`;
  if (/^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(value)) return `https://${value}`;
  return value;
}
