/**
 * One area's words in both of the newsroom's languages. The Spanish must have exactly the English
 * keys, so a message added in one language only is a type error, not a blank in the app.
 */
export function defineMessages<T extends Record<string, string>>(
  en: T,
  es: { [K in keyof T]: string },
): { en: T; es: { [K in keyof T]: string } } {
  return { en, es };
}
