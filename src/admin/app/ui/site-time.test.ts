import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { siteDateTimeToUtc, siteTimeToUtc, utcToSiteDateTime, utcToSiteTime } from './site-time.ts';

describe('the site’s time for scheduling', () => {
  it('turns a time in Madrid into UTC in winter and in summer', () => {
    assert.equal(siteTimeToUtc({ date: '2026-01-15', time: '09:30' }, 'Europe/Madrid'), '2026-01-15T08:30:00.000Z');
    assert.equal(siteTimeToUtc({ date: '2026-07-15', time: '09:30' }, 'Europe/Madrid'), '2026-07-15T07:30:00.000Z');
  });

  it('handles zones west of UTC, across a date line of the day', () => {
    assert.equal(
      siteTimeToUtc({ date: '2026-11-30', time: '22:15' }, 'America/Mexico_City'),
      '2026-12-01T04:15:00.000Z',
    );
    assert.equal(siteTimeToUtc({ date: '2026-07-04', time: '20:00' }, 'America/New_York'), '2026-07-05T00:00:00.000Z');
  });

  it('moves a time skipped when clocks go forward to after the change', () => {
    // 29 March 2026: Madrid goes from 02:00 (UTC+1) to 03:00 (UTC+2); 02:30 does not exist.
    assert.equal(siteTimeToUtc({ date: '2026-03-29', time: '02:30' }, 'Europe/Madrid'), '2026-03-29T01:30:00.000Z');
    assert.equal(siteTimeToUtc({ date: '2026-03-29', time: '03:30' }, 'Europe/Madrid'), '2026-03-29T01:30:00.000Z');
    assert.equal(siteTimeToUtc({ date: '2026-03-29', time: '01:59' }, 'Europe/Madrid'), '2026-03-29T00:59:00.000Z');
  });

  it('takes the first of a time repeated when clocks go back', () => {
    // 1 November 2026: New York goes from 02:00 EDT back to 01:00 EST; 01:30 happens twice.
    assert.equal(siteTimeToUtc({ date: '2026-11-01', time: '01:30' }, 'America/New_York'), '2026-11-01T05:30:00.000Z');
    assert.equal(siteTimeToUtc({ date: '2026-11-01', time: '02:30' }, 'America/New_York'), '2026-11-01T07:30:00.000Z');
  });

  it('handles half-hour zones and UTC itself', () => {
    assert.equal(siteTimeToUtc({ date: '2026-05-01', time: '12:00' }, 'Asia/Kolkata'), '2026-05-01T06:30:00.000Z');
    assert.equal(siteTimeToUtc({ date: '2026-05-01', time: '12:00' }, 'UTC'), '2026-05-01T12:00:00.000Z');
  });

  it('reads an instant back as the site’s date and time', () => {
    assert.deepEqual(utcToSiteTime('2026-07-15T07:30:00.000Z', 'Europe/Madrid'), { date: '2026-07-15', time: '09:30' });
    assert.deepEqual(utcToSiteTime('2026-12-01T04:15:00Z', 'America/Mexico_City'), {
      date: '2026-11-30',
      time: '22:15',
    });
  });

  it('refuses what is not a date and time', () => {
    assert.throws(() => siteTimeToUtc({ date: '15/01/2026', time: '09:30' }, 'UTC'), RangeError);
  });

  it('reads and writes a datetime-local value the same way, an empty one as no time', () => {
    assert.equal(siteDateTimeToUtc('2026-03-29T02:30', 'Europe/Madrid'), '2026-03-29T01:30:00.000Z');
    assert.equal(siteDateTimeToUtc('2026-11-01T01:30', 'America/New_York'), '2026-11-01T05:30:00.000Z');
    assert.equal(siteDateTimeToUtc('', 'Europe/Madrid'), null);
    assert.equal(utcToSiteDateTime('2026-12-01T04:15:00Z', 'America/Mexico_City'), '2026-11-30T22:15');
  });
});
