/**
 * renderReportHtml: the monthly summary as one self-contained HTML document — inline CSS, inline
 * SVG charts, no script, no external resource — that the app shows in a sandboxed frame, prints,
 * and turns into a PDF. Every piece of shop text (names, comments, the shop's name) is escaped.
 */
import { segmentChart, weeklyRevenueChart } from './charts';
import { escapeHtml, reportFormat } from './format';
import { PAPER_SIZES } from './paper';
import type { CallRow, CommentRow, HeadlineFigure, MonthlyReport } from './types';

const e = escapeHtml;

/** Margins of the printed page; the bottom one leaves room for the PDF footer with page numbers. */
export const PAGE_MARGINS_MM = { top: 10, right: 12, bottom: 12, left: 12 } as const;

function styles(report: MonthlyReport): string {
  const paper = PAPER_SIZES[report.paper];
  const m = PAGE_MARGINS_MM;
  return `
@page { size: ${paper.css}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #111; background: #fff; font: 8.6pt/1.28 "Liberation Sans", Arial, "Helvetica Neue", Helvetica, "DejaVu Sans", sans-serif; }
.sheet { width: ${paper.widthMm - m.left - m.right}mm; margin: 0 auto; }
@media print { .sheet { zoom: ${paper.printScale}; width: ${((paper.widthMm - m.left - m.right) / paper.printScale).toFixed(1)}mm; } }
@media screen {
  body { background: #e9ecef; padding: 16px 0; }
  .sheet { width: ${paper.widthMm}mm; min-height: ${paper.heightMm}mm; padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.25); }
}
header.top { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 2px solid #111; padding-bottom: 1.5mm; margin-bottom: 2.2mm; }
header.top h1 { font-size: 14pt; margin: 0; line-height: 1.1; }
header.top .sub { font-size: 10.5pt; margin-top: 1mm; }
header.top .meta { text-align: right; font-size: 7.8pt; color: #444; }
.aside { font-size: 7.8pt; font-weight: normal; color: #444; }
h2 { font-size: 10pt; margin: 0 0 1.5mm; padding-bottom: 0.8mm; border-bottom: 1px solid #777; break-after: avoid; }
section { margin-bottom: 2mm; break-inside: avoid; }
.figures { display: grid; grid-template-columns: repeat(5, 1fr); border: 1px solid #999; border-right: 0; border-bottom: 0; }
.figure { border-right: 1px solid #999; border-bottom: 1px solid #999; padding: 1.2mm 2mm 1.3mm; min-width: 0; }
.figure .label { font-size: 7.6pt; color: #333; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.figure .value { font-size: 12.5pt; font-weight: 700; margin: 0.4mm 0 0.6mm; white-space: nowrap; }
.figure .cmp { font-size: 7.4pt; color: #333; display: flex; justify-content: space-between; gap: 2mm; }
.figure .cmp b { font-weight: 700; color: #111; }
.summary p { margin: 0 0 0.6mm; font-size: 9pt; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 5mm; }
.four { display: grid; grid-template-columns: 1fr 1fr 1fr 1fr; gap: 3.5mm; }
.explain { font-size: 7.2pt; color: #444; margin: 0.8mm 0 0; }
table { width: 100%; border-collapse: collapse; font-size: 8pt; }
th { text-align: left; font-weight: 700; font-size: 7.4pt; color: #333; border-bottom: 1px solid #777; padding: 0.6mm 1.2mm 0.6mm 0; }
td { border-bottom: 0.5px solid #ccc; padding: 0.35mm 1.2mm 0.35mm 0; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.phone, td.nowrap { white-space: nowrap; }
.why { color: #333; }
.empty { color: #444; font-style: italic; margin: 0.5mm 0; }
.more { font-size: 7.4pt; color: #444; margin-top: 0.6mm; }
.scores div { display: flex; justify-content: space-between; border-bottom: 0.5px solid #ccc; padding: 0.3mm 0; }
.scores b { font-size: 10pt; }
blockquote { margin: 0 0 1mm; padding: 0 0 0 2mm; border-left: 2px solid #555; }
blockquote .who { font-size: 7.4pt; color: #333; }
.sub-h { font-size: 7.6pt; font-weight: 700; text-transform: uppercase; margin: 0 0 0.8mm; color: #222; }
footer.defs { border-top: 1px solid #777; padding-top: 1mm; font-size: 6.6pt; line-height: 1.25; color: #333; break-inside: avoid; }
footer.defs p { margin: 0 0 0.5mm; }
svg text { font-family: inherit; }
`;
}

function figureCell(f: HeadlineFigure, report: MonthlyReport): string {
  return (
    `<div class="figure" data-figure="${f.key}"><div class="label">${e(f.label)}</div><div class="value">${e(f.valueText)}</div>` +
    `<div class="cmp"><span>vs ${e(report.previousMonthLabel)}</span><b>${e(f.vsPreviousText)}</b></div>` +
    `<div class="cmp"><span>vs ${e(report.lastYearLabel)}</span><b>${e(f.vsLastYearText)}</b></div></div>`
  );
}

function table(head: string[], rows: string[][], numeric: ReadonlySet<number> = new Set(), classes: Record<number, string> = {}): string {
  const th = head.map((h, i) => `<th${numeric.has(i) ? ' class="num"' : ''}>${e(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric.has(i) ? ' class="num"' : classes[i] ? ` class="${classes[i]}"` : ''}>${e(c)}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

const emptyLine = (text: string) => `<p class="empty">${e(text)}</p>`;

function quote(c: CommentRow): string {
  const text = c.comment ? `“${e(c.comment)}”` : '<i>(no comment)</i>';
  return `<blockquote>${text}<div class="who">${e(c.name)} · ${e(c.score)} · ${e(c.date)}</div></blockquote>`;
}

function callTable(rows: readonly CallRow[]): string {
  if (rows.length === 0) return emptyLine('Nobody needs a call right now: no overdue regulars, no big spenders slipping away and no unhappy answers waiting.');
  return table(['Name', 'Phone', 'Reason', 'Details'], rows.map((r) => [r.name, r.contact, r.reason, r.why]), new Set(), { 0: 'nowrap', 1: 'phone', 2: 'nowrap', 3: 'why' });
}

/** Beside the heading: why someone the owner expects may be missing (they were called already). */
function callsDoneAside(leftOut: number, count: (n: number) => string): string {
  if (leftOut === 0) return '';
  const who = leftOut === 1 ? '1 person' : `${count(leftOut)} people`;
  return ` <span class="aside">· not listed again: ${who} marked done on the Today screen in the last 30 days</span>`;
}

function feedbackBlock(report: MonthlyReport): string {
  const fb = report.feedback;
  const count = reportFormat(report.locale, report.currency).count;
  const scores =
    `<div class="scores">` +
    `<div><span>NPS (recommend score)</span><b>${e(fb.npsText)}</b></div>` +
    `<div><span>9–10 / 7–8 / 0–6</span><span>${count(fb.promoters)} / ${count(fb.passives)} / ${count(fb.detractors)}</span></div>` +
    `<div><span>Average rating</span><b>${e(fb.averageRatingText)}</b></div>` +
    `<div><span>Ratings / all entries</span><span>${count(fb.ratings)} / ${count(fb.responses)}</span></div></div>`;
  const column = (title: string, rows: readonly CommentRow[], empty: string, more = '') => `<div><div class="sub-h">${e(title)}</div>${rows.length ? rows.map(quote).join('') : emptyLine(empty)}${more}</div>`;
  const more = fb.openFollowUps > fb.openList.length ? `<p class="more">See all ${count(fb.openFollowUps)} on the Feedback screen.</p>` : '';
  return (
    `<section><h2>What customers said in ${e(report.monthLabel)}</h2><div class="four">` +
    `<div>${scores}</div>` +
    column('Best comments', fb.best, 'No glowing comments this month.') +
    column('Worst comments', fb.worst, 'No unhappy comments this month.') +
    column(`Open follow-ups (${count(fb.openFollowUps)})`, fb.openList, fb.openFollowUps > 0 ? 'Shown under worst comments.' : 'No follow-ups waiting.', more) +
    `</div></section>`
  );
}

/** The page's closing lines: what each headline figure means, in plain words. */
function definitions(report: MonthlyReport): string {
  return (
    `<footer class="defs"><p><b>How to read this page.</b> Changes compare with ${e(report.previousMonthLabel)} and ${e(report.lastYearLabel)}; “—” = nothing to compare with. ` +
    `Served: customers with a visit this month; new: first visit ever this month; returning: came before. ` +
    `Retention, 12 months: share of the customers active a year earlier who are still active, new ones not counted (active = a visit in the last ${report.activeWindowDays} days). ` +
    `Repeat rate: share of all customers who came back at least once. NPS: % of 9–10 answers minus % of 0–6 answers to “would you recommend us?” (−100 to +100). ` +
    `Segments group customers by how recently and how often they come.</p></footer>`
  );
}

export function renderReportHtml(report: MonthlyReport): string {
  const f = reportFormat(report.locale, report.currency);
  const title = `${report.shopName} — monthly summary, ${report.monthLabel}`;
  const moved =
    report.moved.total === 0
      ? emptyLine('Nobody slipped into “At risk” or “Can’t lose them” this month.')
      : table(['Name', 'Phone', 'Now (a month ago)', 'Spent to date'], report.moved.rows.map((m) => [m.name, m.phone, `${m.segmentLabel} (${m.wasLabel})`, m.spentToDateText]), new Set([3]), { 0: 'nowrap', 1: 'phone', 2: 'nowrap' }) +
        (report.moved.total > report.moved.rows.length ? `<p class="more">…and ${f.count(report.moved.total - report.moved.rows.length)} more (see Insights).</p>` : '');
  const top =
    report.topCustomers.length === 0
      ? emptyLine('No visits this month.')
      : table(['Name', 'Visits', 'Spent this month', 'Segment'], report.topCustomers.map((c) => [c.name, f.count(c.visits), c.spentText, c.segmentLabel]), new Set([1, 2]), { 0: 'nowrap', 3: 'nowrap' });

  const body = [
    `<header class="top"><div><h1>${e(report.shopName)}</h1><div class="sub">Monthly summary · <b>${e(report.monthLabel)}</b></div></div>` +
      `<div class="meta">Printed ${e(report.printedOnLabel)}<br>${report.partial ? '<b>Month not over yet:</b> figures' : 'Figures'} up to ${e(report.asOfLabel)}</div></header>`,
    `<section class="summary" aria-label="The month in brief">${report.summary.map((s) => `<p>${e(s)}</p>`).join('')}</section>`,
    `<section><div class="figures">${report.headline.map((h) => figureCell(h, report)).join('')}</div></section>`,
    `<section class="two"><div><h2>Revenue by week</h2>${weeklyRevenueChart(report.weeks, f.moneyWhole, `Revenue by week in ${report.monthLabel}`)}</div>` +
      `<div><h2>Customers per segment</h2>${segmentChart(report.segments, f.count, 'Customers per segment, now and a month earlier')}</div></section>`,
    `<section class="two"><div><h2>Top customers of the month</h2>${top}</div><div><h2>Slipped into “At risk” or “Can’t lose them”</h2>${moved}</div></section>`,
    `<section><h2>Who to call${callsDoneAside(report.callsDoneLeftOut, f.count)}</h2>${callTable(report.callList)}</section>`,
    feedbackBlock(report),
    definitions(report),
  ].join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title>
<style>${styles(report)}</style></head>
<body><main class="sheet">
${body}
</main></body></html>
`;
}

/**
 * The PDF footer (Chromium's footerTemplate, used by printToPDF and by the CLI's PDF): shop, month
 * and "page X of Y". Chromium fills the pageNumber/totalPages spans; the template's own styles
 * are needed because it does not inherit the page's.
 */
export function reportFooterTemplate(report: MonthlyReport): string {
  const m = PAGE_MARGINS_MM;
  return (
    `<div style="width:100%;font-family:Arial,'Liberation Sans',sans-serif;font-size:7px;color:#444;padding:0 ${m.right}mm 0 ${m.left}mm;display:flex;justify-content:space-between">` +
    `<span>${e(report.shopName)} · Monthly summary · ${e(report.monthLabel)}</span>` +
    `<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`
  );
}
