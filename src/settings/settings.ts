import { type Static, Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { NavigationSchema } from './navigation.ts';

/** Site settings an admin manages; every word of the site's own chrome follows `locale`. */
export const SiteSettingsSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 120 }),
    description: Type.String({ maxLength: 500 }),
    locale: Type.Union([Type.Literal('en'), Type.Literal('es')]),
    timeZone: Type.String({ minLength: 1, maxLength: 64 }),
    /** The publisher's legal name for JSON-LD and the Google News sitemap. */
    publisherName: Type.String({ minLength: 1, maxLength: 120 }),
    twitterHandle: Type.String({ maxLength: 40 }),
    /** An image of the media library shown in the masthead instead of the title; null: the title. */
    logoImageId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    /** Labels, hovered links and the icons (#rrggbb); must be readable on white (src/settings/accent.ts). */
    accentColor: Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: 'a hex colour such as #a3141e' }),
    /** Links in the header, in order; null shows every section. */
    headerNavigation: NavigationSchema,
    /** Links in the footer, in order; null shows the sections and the published static pages. */
    footerNavigation: NavigationSchema,
    /** Every member of staff must turn on two-factor sign-in before doing anything else in the newsroom. */
    requireTwoFactor: Type.Boolean(),
    /** How many paragraphs of a locked story a reader without access gets when its editor set no free-preview marker. */
    previewParagraphs: Type.Integer({ minimum: 0, maximum: 20 }),
    /**
     * Metering: how many locked stories a month a signed-in free member may read whole (0: off).
     * Counted on the server per member, story and month in the site's time zone (src/content/metering.ts).
     */
    meteredArticles: Type.Integer({ minimum: 0, maximum: 100 }),
    /**
     * Who may make a reader account: anyone (open), only readers the newsroom added (invitation),
     * or only readers with paid access (paid: no free accounts).
     */
    memberSignup: Type.Union([Type.Literal('open'), Type.Literal('invitation'), Type.Literal('paid')]),
    /**
     * How many days a subscriber whose renewal payment failed keeps paid access while Stripe retries
     * the card, counted from when the subscription was first seen past due (members/subscriptions.ts).
     */
    paymentGraceDays: Type.Integer({ minimum: 0, maximum: 60 }),
  },
  { additionalProperties: false },
);
export type SiteSettings = Static<typeof SiteSettingsSchema>;

export const DEFAULT_SETTINGS: SiteSettings = Object.freeze({
  title: 'Gaceta',
  description: 'Independent, reader-funded journalism.',
  locale: 'en',
  timeZone: 'America/Mexico_City',
  publisherName: 'Gaceta',
  twitterHandle: '',
  logoImageId: null,
  accentColor: '#a3141e',
  headerNavigation: null,
  footerNavigation: null,
  requireTwoFactor: false,
  previewParagraphs: 2,
  meteredArticles: 0,
  memberSignup: 'open',
  paymentGraceDays: 7,
});

/** Reads the stored settings over the defaults. */
export async function readSettings(db: Kysely<Database>): Promise<SiteSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored: Record<string, unknown> = {};
  for (const row of rows) stored[row.key] = JSON.parse(row.value);
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS)) if (key in stored) merged[key] = stored[key];
  return merged as SiteSettings;
}

/** Stores the given settings (upsert per key); the caller validates them first. */
export async function writeSettings(db: Kysely<Database>, changes: Partial<SiteSettings>): Promise<void> {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    await db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
      .execute();
  }
}

/** Where the settings use an image ("logo"), so the media library deletes none of them. */
export async function settingsImageUses(db: Kysely<Database>, imageId: string): Promise<Array<'logo'>> {
  return (await readSettings(db)).logoImageId === imageId ? ['logo'] : [];
}
