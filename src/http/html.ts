/**
 * The view layer's only way to build HTML. Every interpolation in an `html` template is escaped
 * unless it is already SafeHtml; SafeHtml is made only by templates, by jsonLd() and by the
 * sanitizer (src/content/sanitize.ts), so an unescaped string cannot reach a page by accident.
 */
export class SafeHtml {
  readonly #value: string;
  private constructor(value: string) {
    this.#value = value;
  }
  toString(): string {
    return this.#value;
  }
  /** @internal Used by html templates, jsonLd and the sanitizer only (an ESLint rule enforces the latter). */
  static fromTrusted(value: string): SafeHtml {
    return new SafeHtml(value);
  }
}

export type Renderable = SafeHtml | string | number | null | undefined | false | readonly Renderable[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const NEEDS_ESCAPE = /[&<>"']/g;
const HAS_SPECIAL = /[&<>"']/;

/** Escapes text for use in element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape; testing first avoids building a copy of it.
  return HAS_SPECIAL.test(text) ? text.replace(NEEDS_ESCAPE, (ch) => ESCAPES[ch] ?? ch) : text;
}

function renderValue(value: Renderable): string {
  if (typeof value === 'string') return escapeHtml(value);
  if (value instanceof SafeHtml) return value.toString();
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) {
    let out = '';
    for (const item of value) out += renderValue(item);
    return out;
  }
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes text; nested templates and arrays compose. */
export function html(strings: TemplateStringsArray, ...values: Renderable[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out += renderValue(values[i] as Renderable);
    out += strings[i + 1] ?? '';
  }
  return SafeHtml.fromTrusted(out);
}

/** A `<script type="application/ld+json">` block; "<" is escaped so the JSON can never close the script. */
export function jsonLd(data: unknown): SafeHtml {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return SafeHtml.fromTrusted(`<script type="application/ld+json">${json}</script>`);
}

/** Only http(s), mailto, site-relative and fragment URLs may become an href or src. */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  if (/^(https?:|mailto:)/i.test(trimmed) || /^\/(?!\/)/.test(trimmed) || trimmed.startsWith('#')) return trimmed;
  return '#';
}
