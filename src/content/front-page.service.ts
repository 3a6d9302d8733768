import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../db/ids.ts';
import { AppError } from '../http/errors.ts';
import { FRONT_PAGE, type Invalidation, SITE_CONTEXT } from '../http/invalidation.ts';
import type { StaffActor } from '../staff/staff.service.ts';
import type { FrontPagePinRow } from './front-page.table.ts';
import { deletePins, lapsedPinIds, listPins, pinnedArticles, replacePins } from './front-page.repository.ts';
import { authorize } from './policy.ts';

export interface FrontPageDeps {
  db: Kysely<Database>;
  invalidation: Invalidation;
}

/** A story pinned to the home page, until `until` (ISO UTC) or until unpinned (null). */
export interface FrontPagePin {
  articleId: string;
  until: string | null;
}
/** What editors chose for the home page: the lead and the featured stories, in order. */
export interface FrontPagePins {
  lead: FrontPagePin | null;
  featured: FrontPagePin[];
}
export const NO_PINS: FrontPagePins = Object.freeze({ lead: null, featured: [] });

/** The most featured stories an editor may pin; the home page's lead column holds them under the lead. */
export const MAX_FEATURED = 6;

export interface PinInput {
  articleId: string;
  until?: string | null;
}
export interface FrontPageInput {
  /** null unpins the lead; absent leaves it as it is. */
  lead?: PinInput | null;
  /** The whole ordered list ([] unpins them all); absent leaves it as it is. */
  featured?: PinInput[];
}

const toPin = (row: FrontPagePinRow): FrontPagePin => ({ articleId: row.article_id, until: row.pinned_until });

/** The pins as stored (lapsed ones included until the scheduler removes them). */
export async function readPins(db: Kysely<Database>): Promise<FrontPagePins> {
  const rows = await listPins(db);
  const lead = rows.find((row) => row.slot === 'lead');
  return { lead: lead ? toPin(lead) : null, featured: rows.filter((row) => row.slot === 'featured').map(toPin) };
}

/** The pins still in force at `now` (ms), and when the next of them lapses (Infinity if none does). */
export function pinsInForce(pins: FrontPagePins, now: number): { pins: FrontPagePins; nextLapse: number } {
  let nextLapse = Infinity;
  const inForce = (pin: FrontPagePin | null): pin is FrontPagePin => {
    if (!pin) return false;
    if (pin.until === null) return true;
    const at = Date.parse(pin.until);
    if (at <= now) return false;
    nextLapse = Math.min(nextLapse, at);
    return true;
  };
  const lead = inForce(pins.lead) ? pins.lead : null;
  return { pins: { lead, featured: pins.featured.filter(inForce) }, nextLapse };
}

export interface PinView {
  articleId: string;
  headline: string;
  /** The article's status: readers see a pinned story only while it is published. */
  status: string;
  until: string | null;
}

/** The pins with each story's headline and status, as editors see them. */
export async function frontPageView(db: Kysely<Database>): Promise<{ lead: PinView | null; featured: PinView[] }> {
  const pins = await readPins(db);
  const all = [...(pins.lead ? [pins.lead] : []), ...pins.featured];
  const articles = new Map(
    (
      await pinnedArticles(
        db,
        all.map((pin) => pin.articleId),
      )
    ).map((a) => [a.id, a]),
  );
  const view = (pin: FrontPagePin): PinView => ({
    articleId: pin.articleId,
    headline: articles.get(pin.articleId)?.headline ?? '',
    status: articles.get(pin.articleId)?.status ?? 'draft',
    until: pin.until,
  });
  return { lead: pins.lead ? view(pins.lead) : null, featured: pins.featured.map(view) };
}

/**
 * Pins or unpins the lead and the featured stories (editors and admins). Any article may be pinned
 * ahead of time (a draft or a scheduled story): readers see it only once it is published.
 */
export async function changeFrontPage(
  deps: FrontPageDeps,
  actor: StaffActor,
  input: FrontPageInput,
): Promise<{ lead: PinView | null; featured: PinView[] }> {
  authorize(actor, 'frontPage.manage');
  const now = nowIso();
  await deps.db.transaction().execute(async (trx) => {
    const current = await readPins(trx);
    const problems: Array<{ field: string; message: string }> = [];
    const parse = (pin: PinInput, field: string): FrontPagePin => {
      let until: string | null = null;
      if (pin.until !== undefined && pin.until !== null) {
        const at = new Date(pin.until);
        if (Number.isNaN(at.getTime()))
          problems.push({ field: `${field}/until`, message: 'must be an ISO 8601 date-time' });
        else if (at.toISOString() <= now) problems.push({ field: `${field}/until`, message: 'must be in the future' });
        else until = at.toISOString();
      }
      return { articleId: pin.articleId, until };
    };
    const lead = input.lead === undefined ? current.lead : input.lead && parse(input.lead, 'lead');
    let featured = input.featured?.map((pin, i) => parse(pin, `featured/${i}`)) ?? current.featured;
    // A featured story made the lead moves up, unless the request itself lists it as featured too.
    if (input.featured === undefined && lead) featured = featured.filter((pin) => pin.articleId !== lead.articleId);
    const seen = new Set(lead ? [lead.articleId] : []);
    featured.forEach((pin, i) => {
      if (seen.has(pin.articleId))
        problems.push({ field: `featured/${i}/articleId`, message: 'is already pinned above' });
      seen.add(pin.articleId);
    });
    const known = new Set((await pinnedArticles(trx, [...seen])).map((article) => article.id));
    if (lead && !known.has(lead.articleId))
      problems.push({ field: 'lead/articleId', message: 'no article has this id' });
    if (input.featured)
      featured.forEach((pin, i) => {
        if (!known.has(pin.articleId))
          problems.push({ field: `featured/${i}/articleId`, message: 'no article has this id' });
      });
    if (problems.length)
      throw new AppError(
        'VALIDATION_FAILED',
        `The home page was not changed: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`,
        problems,
      );
    const row = (pin: FrontPagePin, slot: 'lead' | 'featured', position: number): FrontPagePinRow => ({
      article_id: pin.articleId,
      slot,
      position,
      pinned_until: pin.until,
      pinned_by: actor.id,
      pinned_at: now,
    });
    await replacePins(trx, [
      ...(lead ? [row(lead, 'lead', 0)] : []),
      ...featured.map((pin, i) => row(pin, 'featured', i)),
    ]);
  });
  deps.invalidation.purge([SITE_CONTEXT, FRONT_PAGE]);
  return frontPageView(deps.db);
}

/**
 * Removes the pins that lapsed by `now` and purges the home page, so a cache in front of Gaceta
 * (another process, Varnish, a CDN) drops it when the pin ends, not when the page would expire.
 * The scheduler runs it every tick; returns the unpinned article ids.
 */
export async function removeLapsedPins(deps: FrontPageDeps, now = nowIso()): Promise<string[]> {
  const lapsed = await lapsedPinIds(deps.db, now);
  if (lapsed.length === 0) return lapsed;
  await deletePins(deps.db, lapsed);
  deps.invalidation.purge([SITE_CONTEXT, FRONT_PAGE]);
  return lapsed;
}
