import { AppError } from '../http/errors.ts';
import { nowIso } from '../db/ids.ts';

/** Where an emailed link stands: it works, its time is up, or it was used. */
export type LinkStatus = 'valid' | 'expired' | 'used';

/** A link's status from its row: used first (a used link stays used), then its expiry. */
export function linkStatus(row: { expires_at: string; used_at: string | null }): LinkStatus {
  if (row.used_at) return 'used';
  return row.expires_at <= nowIso() ? 'expired' : 'valid';
}

/** The refusal for a link that does not work, saying what to do. */
export function linkRefusal(status: Exclude<LinkStatus, 'valid'> | 'unknown', what: string): AppError {
  switch (status) {
    case 'expired':
      return new AppError('LINK_EXPIRED', `This ${what} link has expired; ask for a new one.`);
    case 'used':
      return new AppError('LINK_USED', `This ${what} link was already used; ask for a new one.`);
    case 'unknown':
      return new AppError('LINK_INVALID', `This ${what} link is not valid (it may have been replaced by a newer one).`);
  }
}
