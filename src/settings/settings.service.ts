import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { ALL_PAGES, type Invalidation } from '../http/invalidation.ts';
import { isTimeZone } from '../i18n/i18n.ts';
import type { Actor } from '../staff/actor.ts';
import { findImage } from '../media/images.service.ts';
import { ACCENT_MIN_CONTRAST, contrastWithWhite } from './accent.ts';
import { checkNavigation, type FieldProblem } from './navigation.ts';
import { authorizeSettings } from './policy.ts';
import { readSettings, type SiteSettings, writeSettings } from './settings.ts';

export interface SettingsDeps {
  db: Kysely<Database>;
  invalidation: Invalidation;
}

/**
 * Changes site settings (and the header and footer navigation) for whoever the settings policy
 * allows; every page shows them, so all are purged. Nothing is stored unless everything is valid.
 */
export async function updateSettings(
  deps: SettingsDeps,
  actor: Actor,
  input: Partial<SiteSettings>,
): Promise<SiteSettings> {
  authorizeSettings(actor, 'settings.manage');
  const changes = { ...input };
  const problems: FieldProblem[] = [];
  if (changes.timeZone && !isTimeZone(changes.timeZone))
    problems.push({ field: 'timeZone', message: 'must be an IANA time zone such as America/Mexico_City' });
  if (changes.accentColor) {
    changes.accentColor = changes.accentColor.toLowerCase();
    const contrast = contrastWithWhite(changes.accentColor);
    if (contrast < ACCENT_MIN_CONTRAST)
      problems.push({
        field: 'accentColor',
        message: `has a contrast of ${contrast.toFixed(2)}:1 against white; text needs at least ${ACCENT_MIN_CONTRAST}:1 (WCAG AA), so pick a darker colour`,
      });
  }
  if (changes.logoImageId && !(await findImage(deps.db, changes.logoImageId)))
    problems.push({ field: 'logoImageId', message: 'no image has this id' });
  for (const field of ['headerNavigation', 'footerNavigation'] as const) {
    const items = changes[field];
    if (items === undefined) continue;
    const checked = await checkNavigation(deps.db, field, items);
    problems.push(...checked.problems);
    changes[field] = checked.items;
  }
  if (problems.length)
    throw new AppError(
      'VALIDATION_FAILED',
      `The settings were not changed: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`,
      problems,
    );
  await writeSettings(deps.db, changes);
  deps.invalidation.purge([ALL_PAGES]);
  return readSettings(deps.db);
}
