import { en, type MessageKey } from './en.ts';
import { es } from './es.ts';

export type Locale = 'en' | 'es';
export const LOCALES: readonly Locale[] = ['en', 'es'];
const catalogues: Record<Locale, Record<MessageKey, string>> = { en, es };

/** What a page needs to speak the site's language: translated messages and dates in the site's time zone. */
export interface Translator {
  readonly locale: Locale;
  readonly timeZone: string;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** "Tuesday, November 4, 2025" / "martes, 4 de noviembre de 2025". */
  longDate(iso: string): string;
  /** Date with time of day, for "Updated ..." lines. */
  dateTime(iso: string): string;
  commentCount(count: number): string;
  /** Names joined as the language joins a list: "Supporter and Patron" / "Supporter y Patron". */
  list(items: readonly string[]): string;
  /** An amount in a currency's smallest unit (cents) as readers write it: "$5.00", "MX$90.00". */
  money(minor: number, currency: string): string;
}

const translators = new Map<string, Translator>();
const MEMO_LIMIT = 20000;

/** Intl formatting and message interpolation cost microseconds per call and a page prints many; remember recent ones. */
function memoized<K extends string | number>(format: (value: K) => string): (value: K) => string {
  const memo = new Map<K, string>();
  return (value) => {
    let text = memo.get(value);
    if (text === undefined) {
      text = format(value);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(value, text);
    }
    return text;
  };
}

/** One translator per locale and time zone, built once (Intl formatters are costly to create). */
export function translator(locale: Locale, timeZone: string): Translator {
  const cacheKey = `${locale}|${timeZone}`;
  const cached = translators.get(cacheKey);
  if (cached) return cached;
  const messages = catalogues[locale];
  const tag = locale === 'es' ? 'es-MX' : 'en-US';
  const long = new Intl.DateTimeFormat(tag, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone,
  });
  const withTime = new Intl.DateTimeFormat(tag, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  });
  const conjunction = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' });
  const t = (key: MessageKey, params?: Record<string, string | number>): string => {
    const text = messages[key];
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
  };
  const made: Translator = {
    locale,
    timeZone,
    t,
    longDate: memoized((iso: string) => long.format(new Date(iso))),
    dateTime: memoized((iso: string) => withTime.format(new Date(iso))),
    money: (minor, currency) => {
      const format = new Intl.NumberFormat(tag, { style: 'currency', currency });
      return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
    },
    list: (items) => conjunction.format(items),
    commentCount: memoized((count: number) =>
      count === 0
        ? t('comments.count.zero')
        : count === 1
          ? t('comments.count.one')
          : t('comments.count.other', { count }),
    ),
  };
  translators.set(cacheKey, made);
  return made;
}

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** A valid IANA time zone name, as Intl understands it. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
