/** How many digits after the point a currency's amounts have (2 for usd and mxn, 0 for jpy). */
export function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "5", "5.5" or "5,50" as the currency's smallest unit (500, 550); NaN when it is not an amount. */
export function toMinorUnits(text: string, currency: string): number {
  const normal = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normal)) return Number.NaN;
  const digits = fractionDigits(currency);
  const [whole = '0', part = ''] = normal.split('.');
  if (part.length > digits) return Number.NaN;
  return Number(whole) * 10 ** digits + Number(part.padEnd(digits, '0') || '0');
}

/** An amount in the smallest unit as the staff member's language writes it. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale === 'es' ? 'es-MX' : 'en-US', { style: 'currency', currency }).format(
      minor / 10 ** fractionDigits(currency),
    );
  } catch {
    return `${minor} ${currency}`;
  }
}
