/**
 * The monthly summary model and its HTML, on tiny hand-built shops whose figures are worked out by
 * hand, plus the edge cases: an empty shop, a first month with no history, hostile names.
 */
import { describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from '../../../shared/domain/dates';
import { computeShopMetrics } from '../../../shared/metrics/shop';
import { buildMonthlyReport, lastCompleteMonth, paperForLocale, renderReportHtml, reportCutOff, reportFooterTemplate, type ReportData, type ReportFeedback, type ReportSettings } from '../../../shared/report';
import { changeText, escapeHtml, reportFormat, shorten } from '../../../shared/report/format';
import { shopSnapshot, shopSnapshotFromIndex } from '../../../shared/report/snapshot';
import { buildVisitIndex } from '../../../shared/metrics/visitIndex';
import { reportFile } from '../../../shared/ipc/report-schemas';
import type { CallDone } from '../../../shared/metrics/call-list';

const SETTINGS: ReportSettings = { shopName: 'Corner Bakery', currency: 'EUR', locale: 'en-GB', activeWindowDays: 90, marginPct: 30 };

function data(visits: [number, string, number][], customerCount: number, feedback: ReportFeedback[] = [], today = '2026-11-20', names: string[] = [], callsDone: CallDone[] = []): ReportData {
  return {
    customers: Array.from({ length: customerCount }, (_, i) => ({ id: i + 1, externalRef: null, name: names[i] ?? `Customer ${i + 1}` })),
    visits: { customerId: Int32Array.from(visits, (v) => v[0]), day: Int32Array.from(visits, (v) => toDayNumber(v[1])), amountCents: Float64Array.from(visits, (v) => v[2]) },
    feedback,
    contacts: new Map(Array.from({ length: customerCount }, (_, i) => [i + 1, { id: i + 1, name: names[i] ?? `Customer ${i + 1}`, phone: `+44 7700 90000${i}`, email: null, birthday: null }])),
    callsDone,
    today,
  };
}

/**
 * October 2025: C1 €10. September 2026: C1 €10, C2 €20 (C2 new). October 2026: C1 €10 + €10 (two
 * days), C2 €20, C3 €15 + €15 (new, twice). So October 2026: revenue €70, 5 visits, 3 served, 1 new, 2 returning.
 */
const THREE_MONTHS: [number, string, number][] = [
  [1, '2025-10-10', 1000],
  [1, '2026-09-05', 1000],
  [2, '2026-09-20', 2000],
  [1, '2026-10-02', 1000],
  [1, '2026-10-16', 1000],
  [2, '2026-10-09', 2000],
  [3, '2026-10-20', 1500],
  [3, '2026-10-27', 1500],
  [3, '2026-11-02', 9999], // after the month: never counted
];

const fb = (id: number, customerId: number, date: string, nps: number | null, rating: number | null, comment = '', followUp: ReportFeedback['followUp'] = 'none'): ReportFeedback => ({ id, customerId, date, nps, rating, comment, followUp });

describe('changeText', () => {
  const f = reportFormat('en-GB', 'EUR');
  it.each([
    [108, 100, 'relative', '+8.0%'],
    [50, 100, 'relative', '−50%'],
    [100, 100, 'relative', 'no change'],
    [5, 0, 'relative', '—'],
    [5, null, 'relative', '—'],
    [null, 5, 'relative', '—'],
    [90, 87.5, 'points', '+2.5 pts'],
    [40, 45, 'points', '−5.0 pts'],
    [4.2, 4.5, 'stars', '−0.3'],
  ] as const)('%s vs %s (%s) → %s', (now, before, kind, expected) => {
    expect(changeText(now, before, kind, f)).toBe(expected);
  });
});

describe('small helpers', () => {
  it.each([
    ['en-US', 'letter'],
    ['en-CA', 'letter'],
    ['es-MX', 'letter'],
    ['en-GB', 'a4'],
    ['de-DE', 'a4'],
    ['fr', 'a4'],
  ] as const)('paper for %s is %s', (locale, paper) => expect(paperForLocale(locale)).toBe(paper));

  it('escapes every character that could open markup or an attribute', () => {
    expect(escapeHtml(`<b a="1" c='2'>&</b>`)).toBe('&lt;b a=&quot;1&quot; c=&#39;2&#39;&gt;&amp;&lt;/b&gt;');
  });

  it('shortens long comments at a word boundary', () => {
    expect(shorten('The bread was lovely but the queue was far too long today', 30)).toBe('The bread was lovely but the…');
    expect(shorten('  short   one ', 30)).toBe('short one');
  });

  it.each([
    ['2026-10', '2026-11-20', { asOf: '2026-10-31', partial: false }],
    ['2026-11', '2026-11-20', { asOf: '2026-11-20', partial: true }],
    ['2026-12', '2026-11-20', null],
  ] as const)('month %s on %s is cut off at %j', (month, today, expected) => expect(reportCutOff(month, today)).toEqual(expected));

  it('defaults to the last complete month, across a new year too', () => {
    expect(lastCompleteMonth('2026-11-20')).toBe('2026-10');
    expect(lastCompleteMonth('2026-01-03')).toBe('2025-12');
  });
});

describe('buildMonthlyReport on a hand-built shop', () => {
  const report = buildMonthlyReport(
    data(THREE_MONTHS, 3, [
      fb(1, 1, '2026-10-03', 10, 5, 'Lovely sourdough'),
      fb(2, 2, '2026-10-12', 3, 2, 'Waited far too long', 'open'),
      fb(3, 3, '2026-10-25', 8, null),
      fb(4, 1, '2026-09-10', 9, 4),
    ]),
    '2026-10',
    SETTINGS,
  );
  const figure = (key: string) => report.headline.find((h) => h.key === key)!;

  it.each([
    ['revenue', 7000, 3000, 1000, '€70', '+133%', '+600%'],
    ['visits', 5, 2, 1, '5', '+150%', '+400%'],
    ['customersServed', 3, 2, 1, '3', '+50%', '+200%'],
    ['newCustomers', 1, 1, 1, '1', 'no change', 'no change'],
    ['returningCustomers', 2, 1, 0, '2', '+100%', '—'],
    ['averageSpend', 1400, 1500, 1000, '€14.00', '−6.7%', '+40%'],
  ] as const)('%s: %s (before %s, a year before %s) shows %s, %s, %s', (key, value, previous, lastYear, text, vsPrevious, vsLastYear) => {
    const h = figure(key);
    expect([h.value, h.previous, h.lastYear]).toEqual([value, previous, lastYear]);
    expect([h.valueText, h.vsPreviousText, h.vsLastYearText]).toEqual([text, vsPrevious, vsLastYear]);
  });

  it('takes the rates as of the month end from the metrics module', () => {
    const m = computeShopMetrics(data(THREE_MONTHS, 3), { asOf: '2026-10-31', activeWindowDays: 90 });
    expect(figure('repeatRate').value).toBe(m.shop.repeatRatePct);
    expect(figure('repeatRate').valueText).toBe('100.0%');
    // The shop is 12½ months old: too young for a 12-month retention (see the first-year test below).
    expect(figure('retentionRate').valueText).toBe('—');
    // With a customer from May 2025 the shop has a year and an active window of history.
    const older = data([...THREE_MONTHS, [4, '2025-05-01', 500]], 4);
    const full = computeShopMetrics(older, { asOf: '2026-10-31', activeWindowDays: 90 });
    const retention = buildMonthlyReport(older, '2026-10', SETTINGS).headline.find((h) => h.key === 'retentionRate')!;
    expect(retention.value).toBe(full.shop.retentionRatePct);
    expect(retention.value).not.toBeNull();
  });

  it('scores the month’s feedback only: NPS (1 promoter, 1 passive, 1 detractor) = 0, rating 3.5', () => {
    expect(figure('nps').value).toBe(0);
    expect(figure('nps').previous).toBe(100);
    expect(figure('nps').vsPreviousText).toBe('−100.0 pts');
    expect(figure('averageRating').valueText).toBe('3.5 of 5');
    expect(figure('averageRating').vsPreviousText).toBe('−0.5');
    expect(report.feedback.best.map((c) => c.comment)).toEqual(['Lovely sourdough']);
    expect(report.feedback.worst.map((c) => c.comment)).toEqual(['Waited far too long']);
    expect(report.feedback.openFollowUps).toBe(1);
  });

  it('splits the month’s revenue into weeks from the 1st, new vs returning, adding up to the month', () => {
    expect(report.weeks.map((w) => w.label)).toEqual(['1–7 Oct', '8–14 Oct', '15–21 Oct', '22–28 Oct', '29–31 Oct']);
    expect(report.weeks.map((w) => [w.returningRevenueCents, w.newRevenueCents])).toEqual([[1000, 0], [2000, 0], [1000, 1500], [0, 1500], [0, 0]]);
  });

  it('lists the month’s top customers by spend in the month', () => {
    expect(report.topCustomers.map((c) => [c.name, c.visits, c.spentText])).toEqual([
      ['Customer 3', 2, '€30.00'],
      ['Customer 1', 2, '€20.00'],
      ['Customer 2', 1, '€20.00'],
    ]);
  });

  it('writes the sentences from the figures', () => {
    expect(report.summary[0]).toBe('Revenue was €70 from 5 visits, up 133% on September 2026 (mostly returning customers: +€30) and up 600% on October 2025.');
    expect(report.summary[1]).toBe('Returning customers brought 57% of the revenue; 1 new customer came for the first time, and 1 of them already came back.');
    expect(report.summary[2]).toContain('NPS) of 0 from 3 answers; 1 unhappy answer still waits for a follow-up');
  });

  it('counts segments now and a month ago as the metrics module does', () => {
    const now = computeShopMetrics(data(THREE_MONTHS, 3), { asOf: '2026-10-31' });
    const before = computeShopMetrics(data(THREE_MONTHS, 3), { asOf: '2026-09-30' });
    for (const row of report.segments) {
      expect(row.now).toBe(now.customers.filter((c) => c.segment === row.segment).length);
      expect(row.monthAgo).toBe(before.customers.filter((c) => c.segment === row.segment).length);
    }
  });
});

describe('edge cases render without errors', () => {
  it('an empty shop: zeros, "—" for every comparison, and a sentence saying what to do', () => {
    const report = buildMonthlyReport(data([], 0), '2026-10', SETTINGS);
    expect(report.hasVisits).toBe(false);
    expect(report.headline.every((h) => h.vsPreviousText === '—' && h.vsLastYearText === '—')).toBe(true);
    expect(report.headline.find((h) => h.key === 'retentionRate')!.valueText).toBe('—');
    expect(report.headline.find((h) => h.key === 'revenue')!.valueText).toBe('€0');
    expect(report.summary[0]).toMatch(/^No visits are recorded up to the end of October 2026, so there is nothing to sum up\. If your records start later, choose a later month;/);
    const html = renderReportHtml(report);
    expect(html).toContain('No customers with visits yet');
    expect(html).toContain('No revenue recorded this month');
  });

  it('a month before the shop\'s records start says so, not that nothing was ever recorded', () => {
    const report = buildMonthlyReport(data(THREE_MONTHS, 3), '2025-06', SETTINGS);
    expect(report.hasVisits).toBe(false);
    expect(report.summary[0]).toMatch(/^No visits are recorded up to the end of June 2025, so there is nothing to sum up\. If your records start later, choose a later month/);
  });

  it('the first month with visits: nothing earlier to compare with', () => {
    const report = buildMonthlyReport(data([[1, '2026-10-03', 500], [2, '2026-10-04', 700]], 2), '2026-10', SETTINGS);
    expect(report.firstMonth).toBe(true);
    expect(report.headline.every((h) => h.vsPreviousText === '—' && h.vsLastYearText === '—')).toBe(true);
    expect(report.summary[0]).toBe('October 2026 is the first month with visits in Regulars: 2 visits brought in €12, so there is nothing earlier to compare with yet.');
    expect(() => renderReportHtml(report)).not.toThrow();
  });

  it('a month without visits in a shop with history', () => {
    const report = buildMonthlyReport(data([[1, '2026-08-03', 500]], 1), '2026-10', SETTINGS);
    expect(report.summary[0]).toBe('No visits were recorded in October 2026.');
    expect(report.headline.find((h) => h.key === 'averageSpend')!.valueText).toBe('—');
  });

  it('the current month so far: counted up to today and marked as not over', () => {
    const report = buildMonthlyReport(data(THREE_MONTHS, 3), '2026-11', SETTINGS);
    expect(report.partial).toBe(true);
    expect(report.asOf).toBe('2026-11-20');
    expect(renderReportHtml(report)).toContain('Month not over yet:</b> figures up to 20 Nov 2026');
    expect(report.summary[0]).toBe('So far this month (to 20 Nov 2026) revenue is €100 from 1 visit; the whole of October 2026 brought €70 from 5 visits.');
  });

  it('a shop in its first year: 12-month retention shows "—", and nobody "slipped" in its first month', () => {
    const young = data([[1, '2026-03-02', 500], [1, '2026-04-02', 500], [2, '2026-09-10', 700], [2, '2026-10-04', 700]], 2);
    const report = buildMonthlyReport(young, '2026-10', SETTINGS);
    expect(report.headline.find((h) => h.key === 'retentionRate')!.valueText).toBe('—');
    const first = buildMonthlyReport(young, '2026-03', SETTINGS);
    expect(first.moved.total).toBe(0);
  });

  it.each<[string, CallDone['doneOn'] | null, boolean]>([
    ['nobody marked done', null, true],
    ['marked done on the Today screen 10 days before the month end', '2026-10-21', false],
    ['marked done on the month end itself', '2026-10-31', false],
    ['marked done 40 days before the month end', '2026-09-21', true],
    ['marked done after the month end (printed later)', '2026-11-05', true],
  ])('lists an overdue regular under "Who to call" unless %s', (_case, doneOn, listed) => {
    // Customer 1 came every week for ten weeks from 1 June: by 31 October they are long overdue.
    const visits: [number, string, number][] = Array.from({ length: 10 }, (_, i) => [1, addDays('2026-06-01', i * 7), 1500]);
    visits.push([2, '2026-10-20', 1000]);
    const marks: CallDone[] = doneOn ? [{ customerId: 1, reason: 'overdue-regular', doneOn }] : [];
    const report = buildMonthlyReport(data(visits, 2, [], '2026-11-20', ['Ada Overdue', 'Ben Recent'], marks), '2026-10', SETTINGS);
    expect(report.callList.some((r) => r.name === 'Ada Overdue')).toBe(listed);
    expect(report.callsDoneLeftOut).toBe(listed ? 0 : 1);
    const html = renderReportHtml(report);
    expect(html.includes('not listed again: 1 person marked done on the Today screen in the last 30 days')).toBe(!listed);
  });

  it('refuses a month that has not started', () => {
    expect(() => buildMonthlyReport(data([], 0), '2027-01', SETTINGS)).toThrow(/not started/);
  });
});

describe('the HTML document', () => {
  const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
  const report = buildMonthlyReport(
    data(THREE_MONTHS, 3, [fb(1, 3, '2026-10-21', 2, null, `Bad & ${hostile}`, 'open')], '2026-11-20', [hostile, 'Zoë O’Brien', 'Anna "Ace" Smith']),
    '2026-10',
    { ...SETTINGS, shopName: `Bob's <Bakery>` },
  );
  const html = renderReportHtml(report);

  it('is self-contained: no script, no external reference, no file or network source', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|href)\s*=/i); // user text may say src=, but only escaped
    expect(html).not.toMatch(/<link\b|@import|<iframe|<object|<embed/i);
    expect(html).not.toMatch(/url\((?!#)/i); // only the charts' own patterns
    expect(html).toContain('<svg');
  });

  it('escapes names, comments and the shop name', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Bob&#39;s &lt;Bakery&gt;');
    expect(html).toContain('Bad &amp; &lt;script&gt;');
    expect(reportFooterTemplate(report)).toContain('Bob&#39;s &lt;Bakery&gt;');
    expect(reportFooterTemplate(report)).toContain('class="pageNumber"');
  });

  it('sets the paper from the locale, unless overridden', () => {
    expect(html).toContain('size: A4');
    const us = renderReportHtml(buildMonthlyReport(data(THREE_MONTHS, 3), '2026-10', { ...SETTINGS, locale: 'en-US', currency: 'USD' }));
    expect(us).toContain('size: letter');
    const forced = renderReportHtml(buildMonthlyReport(data(THREE_MONTHS, 3), '2026-10', { ...SETTINGS, locale: 'en-US', paper: 'a4' }));
    expect(forced).toContain('size: A4');
  });

  it('shows every headline figure with both comparisons', () => {
    for (const h of report.headline) {
      expect(html).toContain(`data-figure="${h.key}"`);
      expect(html).toContain(escapeHtml(h.valueText));
    }
  });
});

describe('shopSnapshot agrees with computeShopMetrics', () => {
  it.each(['2026-09-30', '2026-10-31', '2025-10-31'])('as of %s', (asOf) => {
    const d = data(THREE_MONTHS, 3);
    const full = computeShopMetrics(d, { asOf, activeWindowDays: 90 });
    const snap = shopSnapshot(Int32Array.from([1, 2, 3]), d.visits, asOf, 90);
    expect(snap.repeatRatePct).toBe(full.shop.repeatRatePct);
    expect(snap.retentionRatePct).toBe(full.shop.retentionRatePct);
    for (const c of full.customers) expect(snap.segments.get(c.id) ?? null).toBe(c.segment);
  });

  it.each(['2026-09-30', '2026-10-31', '2025-10-31'])('from the index of a later day, as of %s', (asOf) => {
    const d = data(THREE_MONTHS, 3);
    const ids = Int32Array.from([1, 2, 3]);
    const later = buildVisitIndex(ids, d.visits, toDayNumber('2026-11-30'));
    expect(shopSnapshotFromIndex(later, asOf, 90)).toEqual(shopSnapshot(ids, d.visits, asOf, 90));
  });
});

describe('where a summary may be saved', () => {
  it.each([
    ['/home/anna/Reports/October.pdf', true],
    ['C:\\Users\\Anna\\October.pdf', true],
    ['\\\\shop-pc\\share\\October.pdf', true],
    ['October.pdf', false], // relative: would land wherever the program started
    ['/home/anna/October.docx', false],
    ['', false],
  ])('%j → %s', (file, ok) => {
    expect(reportFile('.pdf').safeParse(file).success).toBe(ok);
  });
});
