/**
 * The summary's two charts as inline SVG strings, drawn by hand so the page needs no script and no
 * chart library. Both read in black and white: series differ by fill pattern (solid vs hatched),
 * not by colour alone, and every bar carries its number.
 */
import { niceStep } from '../metrics/reports';
import { escapeHtml } from './format';
import type { SegmentChange, WeekRevenue } from './types';

const INK = '#222';
const GRID = '#bbb';
const FONT = 'font-family="inherit" fill="#222"';

/** Two patterns: a solid dark fill and diagonal hatching on white. Ids are prefixed per chart. */
function patterns(prefix: string): string {
  return (
    `<defs><pattern id="${prefix}-hatch" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">` +
    `<rect width="5" height="5" fill="#fff"/><line x1="0" y1="0" x2="0" y2="5" stroke="${INK}" stroke-width="2"/></pattern></defs>`
  );
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** A legend entry: a small swatch and its words. */
function legendItem(x: number, y: number, fill: string, label: string): string {
  return `<rect x="${x}" y="${y - 8}" width="10" height="10" fill="${fill}" stroke="${INK}" stroke-width="0.8"/><text x="${x + 14}" y="${y}" font-size="9" ${FONT}>${escapeHtml(label)}</text>`;
}

/**
 * Revenue per week, stacked: returning customers (solid) below, new customers (hatched) on top, with
 * the week's total above each bar.
 */
export function weeklyRevenueChart(weeks: readonly WeekRevenue[], money: (cents: number) => string, title: string): string {
  const width = 340;
  const height = 128;
  const left = 8;
  const top = 16;
  const plotHeight = 78;
  const bottom = top + plotHeight;
  const totals = weeks.map((w) => Math.max(0, w.newRevenueCents) + Math.max(0, w.returningRevenueCents));
  const max = Math.max(0, ...totals);
  const step = niceStep(max / 4 || 1);
  const axisMax = max > 0 ? Math.ceil(max / step) * step : 1;
  const y = (cents: number) => bottom - (cents / axisMax) * plotHeight;
  const slot = (width - left) / Math.max(1, weeks.length);
  const barWidth = Math.min(46, slot * 0.6);
  const parts: string[] = [patterns('rev')];
  if (max > 0) {
    for (let v = step; v <= axisMax + 1e-9; v += step) {
      parts.push(`<line x1="${left}" x2="${width}" y1="${fmt(y(v))}" y2="${fmt(y(v))}" stroke="${GRID}" stroke-width="0.5" stroke-dasharray="2 2"/>`);
    }
  }
  weeks.forEach((w, i) => {
    const x = left + slot * i + (slot - barWidth) / 2;
    const returning = Math.max(0, w.returningRevenueCents);
    const fresh = Math.max(0, w.newRevenueCents);
    const yReturning = y(returning);
    const yTotal = y(returning + fresh);
    if (returning > 0) parts.push(`<rect x="${fmt(x)}" y="${fmt(yReturning)}" width="${fmt(barWidth)}" height="${fmt(bottom - yReturning)}" fill="${INK}"/>`);
    if (fresh > 0) parts.push(`<rect x="${fmt(x)}" y="${fmt(yTotal)}" width="${fmt(barWidth)}" height="${fmt(yReturning - yTotal)}" fill="url(#rev-hatch)" stroke="${INK}" stroke-width="0.8"/>`);
    const cx = fmt(x + barWidth / 2);
    if (returning + fresh > 0) parts.push(`<text x="${cx}" y="${fmt(yTotal - 3)}" font-size="8.5" text-anchor="middle" font-weight="600" ${FONT}>${escapeHtml(money(returning + fresh))}</text>`);
    parts.push(`<text x="${cx}" y="${bottom + 12}" font-size="8.5" text-anchor="middle" ${FONT}>${escapeHtml(w.label)}</text>`);
  });
  parts.push(`<line x1="${left}" x2="${width}" y1="${bottom}" y2="${bottom}" stroke="${INK}" stroke-width="0.8"/>`);
  if (max === 0) parts.push(`<text x="${width / 2}" y="${top + plotHeight / 2}" font-size="10" text-anchor="middle" ${FONT}>No revenue recorded this month</text>`);
  parts.push(legendItem(left, height - 6, INK, 'Returning customers'), legendItem(left + 130, height - 6, 'url(#rev-hatch)', 'New customers (first visit this month)'));
  return `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(title)}">${parts.join('')}</svg>`;
}

/** Customers per segment now (solid) and a month ago (hatched), one pair of bars per segment. */
export function segmentChart(rows: readonly SegmentChange[], count: (n: number) => string, title: string): string {
  const width = 340;
  const labelWidth = 92;
  const rowHeight = 10.5;
  const top = 4;
  const barArea = width - labelWidth - 64;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.now, r.monthAgo)));
  const height = top + rows.length * rowHeight + 22;
  const parts: string[] = [patterns('seg')];
  rows.forEach((r, i) => {
    const y0 = top + i * rowHeight;
    const wNow = (r.now / max) * barArea;
    const wBefore = (r.monthAgo / max) * barArea;
    parts.push(`<text x="${labelWidth - 4}" y="${y0 + 8.5}" font-size="8" text-anchor="end" ${FONT}>${escapeHtml(r.label)}</text>`);
    parts.push(`<rect x="${labelWidth}" y="${y0 + 1}" width="${fmt(Math.max(wNow, 0.5))}" height="4.2" fill="${INK}"/>`);
    parts.push(`<rect x="${labelWidth}" y="${y0 + 5.2}" width="${fmt(Math.max(wBefore, 0.5))}" height="4.2" fill="url(#seg-hatch)" stroke="${INK}" stroke-width="0.6"/>`);
    const change = r.now - r.monthAgo;
    const delta = change === 0 ? '' : ` (${change > 0 ? '+' : '\u2212'}${count(Math.abs(change))})`;
    parts.push(`<text x="${fmt(labelWidth + Math.max(wNow, wBefore) + 4)}" y="${y0 + 8.5}" font-size="7.6" ${FONT}>${escapeHtml(count(r.now) + delta)}</text>`);
  });
  parts.push(`<line x1="${labelWidth}" x2="${labelWidth}" y1="${top}" y2="${top + rows.length * rowHeight}" stroke="${INK}" stroke-width="0.8"/>`);
  if (rows.every((r) => r.now === 0 && r.monthAgo === 0)) {
    parts.push(`<text x="${labelWidth + barArea / 2}" y="${top + (rows.length * rowHeight) / 2}" font-size="10" text-anchor="middle" ${FONT}>No customers with visits yet</text>`);
  }
  parts.push(legendItem(8, height - 6, INK, 'At the end of this month'), legendItem(150, height - 6, 'url(#seg-hatch)', 'A month earlier'));
  return `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(title)}">${parts.join('')}</svg>`;
}
