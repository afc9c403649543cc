import { describe, expect, it } from 'vitest';
import { backupFileName, backupsToKeep, parseBackupFileName, type RotationPolicy } from '../../../shared/domain/backups';

// Local-time instants, so day and month buckets do not depend on the machine's time zone.
const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min);
const NOW = at(2026, 11, 20, 18);

function backups(dates: Date[]) {
  return dates.map((date, i) => ({ name: `b${String(i).padStart(3, '0')}-${date.toISOString()}`, createdAt: date.toISOString() }));
}

function kept(dates: Date[], policy?: RotationPolicy): string[] {
  const list = backups(dates);
  const keep = backupsToKeep(list, NOW, policy);
  return list.filter((b) => keep.has(b.name)).map((b) => b.createdAt);
}

const iso = (d: Date) => d.toISOString();

describe('backupsToKeep', () => {
  it.each([
    ['no backups', [], []],
    ['a few backups today: all kept (the newest 10 always stay)', [at(2026, 11, 20, 9), at(2026, 11, 20, 10), at(2026, 11, 20, 11)], [at(2026, 11, 20, 9), at(2026, 11, 20, 10), at(2026, 11, 20, 11)]],
  ])('%s', (_label, dates, expected) => {
    expect(kept(dates)).toEqual(expected.map(iso));
  });

  it('keeps the newest 10 of many on one day, and no more than that day needs', () => {
    const dates = Array.from({ length: 25 }, (_, i) => at(2026, 11, 20, 0, i * 30));
    const result = kept(dates);
    expect(result).toEqual(dates.slice(15).map(iso));
  });

  it('keeps one per day for 30 days (the newest of each day), beyond the newest 10', () => {
    // Three backups a day for 40 days, the newest 10 all within the last four days.
    const dates: Date[] = [];
    for (let day = 39; day >= 0; day--) for (const hour of [9, 13, 17]) dates.push(at(2026, 11, 20 - day, hour));
    const result = new Set(kept(dates, { keepLast: 10, dailyFor: 30, monthlyFor: 0 }));
    for (let day = 0; day < 30; day++) expect(result.has(iso(at(2026, 11, 20 - day, 17))), `day -${day}`).toBe(true);
    // Morning backups older than the newest 10 go.
    expect(result.has(iso(at(2026, 11, 10, 9)))).toBe(false);
    // Days older than 30 keep nothing when monthly keeping is off.
    expect(result.has(iso(at(2026, 10, 11, 17)))).toBe(false);
    expect(result.size).toBe(10 + 30 - 4 + 0);
  });

  it('keeps one per month for a year, and nothing older', () => {
    // One backup on the 5th and the 25th of each of the last 18 months.
    const dates: Date[] = [];
    for (let back = 17; back >= 0; back--) for (const day of [5, 25]) dates.push(at(2026, 11 - back, day));
    const future = dates.filter((d) => d > NOW);
    const past = dates.filter((d) => d <= NOW);
    const result = new Set(kept(past, { keepLast: 0, dailyFor: 0, monthlyFor: 12 }));
    // The 25 Nov 2026 backup is in the future of NOW and is not part of this case.
    expect(future.map(iso)).toEqual([iso(at(2026, 11, 25))]);
    const expected = [at(2026, 11, 5), ...Array.from({ length: 11 }, (_, i) => at(2026, 10 - i, 25))];
    expect([...result].sort()).toEqual(expected.map(iso).sort());
  });

  it('the three rules together: last 10, 30 days, 12 months', () => {
    const dates: Date[] = [];
    // Every 6 hours for 3 years.
    for (let t = at(2023, 11, 21, 0).getTime(); t <= NOW.getTime(); t += 6 * 3600_000) dates.push(new Date(t));
    const result = kept(dates);
    const newest10 = dates.slice(-10).map(iso);
    for (const d of newest10) expect(result).toContain(d);
    const days = new Set(result.map((d) => new Date(d).toDateString()));
    const months = new Set(result.map((d) => `${new Date(d).getFullYear()}-${new Date(d).getMonth()}`));
    // 30 days (22 Oct–20 Nov, covering November and October), plus the newest of Dec 2025–Sep 2026.
    expect(days.size).toBe(30 + 10);
    expect(months.size).toBe(12);
    expect(result.every((d) => new Date(d) >= at(2025, 12, 1, 0))).toBe(true);
  });

  it('never deletes a backup dated in the future (a wrong clock)', () => {
    const future = at(2027, 1, 1);
    const dates = [...Array.from({ length: 12 }, (_, i) => at(2026, 11, 20, 0, i)), future];
    expect(kept(dates)).toContain(iso(future));
  });
});

describe('backup file names', () => {
  it('round-trip time and reason, and sort by time', () => {
    const when = new Date('2026-03-04T05:06:07.089Z');
    const name = backupFileName(when, 'before-import');
    expect(name).toBe('regulars-2026-03-04T05-06-07-089Z-before-import.sqlite');
    expect(parseBackupFileName(name)).toEqual({ createdAt: when.toISOString(), reason: 'before-import' });
    expect(parseBackupFileName(backupFileName(when, 'daily', 3))).toEqual({ createdAt: when.toISOString(), reason: 'daily' });
    expect(name < backupFileName(new Date('2026-03-04T05:06:08.000Z'), 'auto')).toBe(true);
  });

  it.each(['shop.sqlite', 'regulars-2026-03-04T05-06-07-089Z-whatever.sqlite', 'regulars-2026-03-04T05-06-07-089Z-daily.sqlite.json', 'regulars-2026-03-04T05-06-07-089Z-daily.sqlite.partial'])(
    'ignores %s',
    (name) => expect(parseBackupFileName(name)).toBeNull(),
  );
});
