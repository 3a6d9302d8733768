import type { PriceInterval } from '../../../billing/tiers.table.ts';

export interface DemoTier {
  name: string;
  slug: string;
  description: string;
  benefits: string[];
  trialDays: number;
  /** [currency, interval, amount in cents]: dollars and pesos, monthly and yearly (two months free). */
  prices: Array<[string, PriceInterval, number]>;
}

/** What the free tier says on the demo's pricing page (the migration made it, nameless of benefits). */
export const freeTier = {
  description: 'Read the free stories and get the morning newsletter.',
  benefits: ['Free stories every day', 'The morning newsletter'],
};

/** The demo newsroom's paid tiers. */
export const paidTiers: DemoTier[] = [
  {
    name: 'Supporter',
    slug: 'supporter',
    description: 'Every story, and the newsroom kept independent.',
    benefits: ['Every story, with nothing locked', 'The weekly letter from the editor', 'Comment on stories'],
    trialDays: 14,
    prices: [
      ['usd', 'month', 500],
      ['usd', 'year', 5000],
      ['mxn', 'month', 9900],
      ['mxn', 'year', 99000],
    ],
  },
  {
    name: 'Patron',
    slug: 'patron',
    description: 'For readers who want to fund the investigations desk.',
    benefits: [
      'Everything Supporters get',
      'A call with the investigations desk each quarter',
      'Your name in our yearly report',
    ],
    trialDays: 0,
    prices: [
      ['usd', 'month', 1500],
      ['usd', 'year', 15000],
      ['mxn', 'month', 29900],
      ['mxn', 'year', 299000],
    ],
  },
];

/** The demo's offer link, /offer/half-price: half off Supporter for three months, for a launch campaign. */
export const demoOffer = {
  name: 'Half price for three months',
  code: 'half-price',
  tierSlug: 'supporter',
  cadence: 'month' as const,
  kind: 'percent' as const,
  percentOff: 50,
  duration: 'repeating' as const,
  durationMonths: 3,
  redemptionLimit: 500,
};
