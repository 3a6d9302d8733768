/*
 * Times are picked in the site's time zone, whatever the browser's (a publication's schedule, how
 * long a story stays pinned), and sent to the API in UTC.
 * Intl knows every zone's offsets, so no date library is needed: the offset of a zone at an instant
 * is read from Intl.DateTimeFormat, and a wall-clock time is turned into an instant by guessing with
 * the offset at that time and correcting once (the offset may differ on the other side of a change).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** A wall-clock date and time in the site's zone, as date and time inputs give them. */
export interface SiteTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, or HH:MM:SS */
  time: string;
}

function wallClockMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
}

/** How far the zone's clocks are ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  return wallClockMs(Math.floor(instant / 1000) * 1000, timeZone) - Math.floor(instant / 1000) * 1000;
}

/**
 * The UTC instant (ISO 8601) of a date and time on the site's clocks. A time skipped when clocks go
 * forward is taken as the same time of the offset before the change (02:30 becomes 03:30); a time
 * that happens twice when clocks go back is the first of the two.
 */
export function siteTimeToUtc(value: SiteTime, timeZone: string): string {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.date);
  const time = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.time);
  if (!date || !time) throw new RangeError(`Not a date and time: ${value.date} ${value.time}`);
  const wall = Date.UTC(
    Number(date[1]),
    Number(date[2]) - 1,
    Number(date[3]),
    Number(time[1]),
    Number(time[2]),
    Number(time[3] ?? 0),
  );
  // The offset a few hours earlier is the one before any change near this time: trying it first
  // picks the earlier of two repeated times, and maps a skipped time forward.
  const before = offsetAt(wall - 6 * 3600_000, timeZone);
  const first = wall - before;
  if (offsetAt(first, timeZone) === before) return new Date(first).toISOString();
  const after = offsetAt(wall + 6 * 3600_000, timeZone);
  const second = wall - after;
  if (offsetAt(second, timeZone) === after) return new Date(second).toISOString();
  return new Date(first).toISOString();
}

/** An instant as a date and time on the site's clocks, for the inputs. */
export function utcToSiteTime(iso: string, timeZone: string): SiteTime {
  const wall = new Date(wallClockMs(Date.parse(iso), timeZone)).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}

/*
 * A datetime-local input holds both in one value, "2026-05-04T18:30"; the front page's "until"
 * fields are such inputs.
 */

/** A datetime-local value on the site's clocks as UTC (ISO 8601); null when the field is empty. */
export function siteDateTimeToUtc(value: string, timeZone: string): string | null {
  if (!value) return null;
  const [date = '', time = ''] = value.split('T');
  return siteTimeToUtc({ date, time }, timeZone);
}

/** An instant as a datetime-local value on the site's clocks. */
export function utcToSiteDateTime(iso: string, timeZone: string): string {
  const { date, time } = utcToSiteTime(iso, timeZone);
  return `${date}T${time}`;
}
