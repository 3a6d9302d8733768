/**
 * What a reader may give once, per currency, in the smallest unit Stripe counts (cents; yen for
 * zero-decimal currencies). The floor sits above Stripe's own minimum charge (50 cents, 10 pesos…)
 * so Stripe never refuses a contribution this page accepted; the ceiling is Stripe's own maximum.
 */

/** How many digits after the point a currency's amounts have (2 for usd and mxn, 0 for jpy). */
function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

// Where one unit of the currency is below Stripe's minimum charge, the floor is Stripe's, rounded up.
const FLOORS: Record<string, number> = { mxn: 1000, brl: 500, hkd: 500, sek: 500, nok: 500, dkk: 500, czk: 2000 };
// Stripe's largest amount for a Checkout payment, in the smallest unit, whatever the currency.
const STRIPE_MAXIMUM = 99_999_999;

export interface AmountRule {
  minimum: number;
  maximum: number;
  /** The amounts offered as buttons. */
  presets: number[];
}

export function amountRule(currency: string): AmountRule {
  const minimum = FLOORS[currency] ?? 10 ** fractionDigits(currency);
  return { minimum, maximum: STRIPE_MAXIMUM, presets: [5, 10, 25, 50].map((times) => times * minimum) };
}

/** "5", "5.5" or "5,50" in the currency's smallest unit (500, 550); NaN when it is not an amount. */
export function toMinorUnits(text: string, currency: string): number {
  const normal = text
    .trim()
    .replace(/^[^\d]+/, '')
    .replace(',', '.');
  if (!/^\d{1,12}(\.\d+)?$/.test(normal)) return Number.NaN;
  const digits = fractionDigits(currency);
  const [whole = '0', part = ''] = normal.split('.');
  if (part.length > digits) return Number.NaN;
  return Number(whole) * 10 ** digits + Number(part.padEnd(digits, '0') || '0');
}

/** The amount as a form shows it back: "12.50", "500". */
export function fromMinorUnits(minor: number, currency: string): string {
  return (minor / 10 ** fractionDigits(currency)).toFixed(fractionDigits(currency));
}

/** Why an amount cannot be given, or null when it can. */
export function amountProblem(minor: number, currency: string): 'invalid' | 'tooSmall' | 'tooLarge' | null {
  if (!Number.isSafeInteger(minor)) return 'invalid';
  const rule = amountRule(currency);
  if (minor < rule.minimum) return 'tooSmall';
  if (minor > rule.maximum) return 'tooLarge';
  return null;
}
