/**
 * The two or three sentences at the top of the summary, written from the figures: what changed,
 * who drove it, and what needs the owner's attention.
 */
import { changeText, type ReportFormat } from './format';
import type { MonthNumbers } from './build';
import type { MonthlyReport } from './types';

export interface SentenceFacts {
  now: MonthNumbers;
  previous: MonthNumbers | null;
  lastYear: MonthNumbers | null;
  /** New customers of the month who came on two or more days. */
  newWhoCameBack: number;
  previousMonthName: string;
  lastYearMonthName: string;
}

const plural = (n: number, one: string, many: string, f: ReportFormat) => `${f.count(n)} ${n === 1 ? one : many}`;

/** "up 8% on September", "down 3.5% on September", "the same as in September", or null. */
function versus(now: number, before: number | null, monthName: string, f: ReportFormat): string | null {
  const change = changeText(now, before, 'relative', f);
  if (change === '—') return null;
  if (change === 'no change') return `the same as in ${monthName}`;
  return `${change.startsWith('+') ? 'up' : 'down'} ${change.slice(1)} on ${monthName}`;
}

function whatChanged(report: MonthlyReport, facts: SentenceFacts, f: ReportFormat): string {
  const { now, previous, lastYear } = facts;
  const revenue = f.moneyWhole(now.revenueCents);
  // The figures are as of the month's end: a month before the shop's records start has none either.
  if (!report.hasVisits) {
    const until = report.partial ? report.asOfLabel : `the end of ${report.monthLabel}`;
    return `No visits are recorded up to ${until}, so there is nothing to sum up. If your records start later, choose a later month; otherwise log visits (Ctrl+K) or import your till’s spreadsheet, and this page fills in with your takings, your regulars and who to call.`;
  }
  if (now.visits === 0) return `No visits were recorded in ${report.monthLabel}${report.partial ? ' so far' : ''}.`;
  if (report.partial) {
    const whole = previous ? `; the whole of ${facts.previousMonthName} brought ${f.moneyWhole(previous.revenueCents)} from ${plural(previous.visits, 'visit', 'visits', f)}` : '';
    return `So far this month (to ${report.asOfLabel}) revenue is ${revenue} from ${plural(now.visits, 'visit', 'visits', f)}${whole}.`;
  }
  if (report.firstMonth) return `${report.monthLabel} is the first month with visits in Regulars: ${plural(now.visits, 'visit', 'visits', f)} brought in ${revenue}, so there is nothing earlier to compare with yet.`;
  const vsPrevious = versus(now.revenueCents, previous?.revenueCents ?? null, facts.previousMonthName, f);
  const vsLastYear = versus(now.revenueCents, lastYear?.revenueCents ?? null, facts.lastYearMonthName, f);
  let driver = '';
  if (previous && vsPrevious && previous.revenueCents !== now.revenueCents) {
    const fromReturning = now.returningRevenueCents - previous.returningRevenueCents;
    const fromNew = now.newRevenueCents - previous.newRevenueCents;
    const [who, amount] = Math.abs(fromReturning) >= Math.abs(fromNew) ? ['returning customers', fromReturning] : ['new customers', fromNew];
    driver = ` (mostly ${who}: ${amount >= 0 ? '+' : '\u2212'}${f.moneyWhole(Math.abs(amount))})`;
  }
  const parts = [vsPrevious ? `${vsPrevious}${driver}` : null, vsLastYear].filter((p): p is string => p !== null);
  const sentence = `Revenue was ${revenue} from ${plural(now.visits, 'visit', 'visits', f)}${parts.length ? `, ${parts.join(' and ')}` : ''}.`;
  return sentence;
}

function whoCame(report: MonthlyReport, facts: SentenceFacts, f: ReportFormat): string | null {
  const { now } = facts;
  if (now.visits === 0) return null;
  const share = now.revenueCents > 0 ? Math.round((now.returningRevenueCents / now.revenueCents) * 100) : null;
  const regulars = share === null || report.firstMonth ? '' : `Returning customers brought ${share}% of the revenue; `;
  if (now.newCustomers === 0) return `${regulars}no new customers came this month.`.replace(/^./, (c) => c.toUpperCase());
  const cameBack = facts.newWhoCameBack === 0 ? 'none of them has come back yet' : `${f.count(facts.newWhoCameBack)} of them already came back`;
  const text = `${regulars}${plural(now.newCustomers, 'new customer', 'new customers', f)} came for the first time, and ${cameBack}.`;
  return text.replace(/^./, (c) => c.toUpperCase());
}

function needsAttention(report: MonthlyReport, f: ReportFormat): string | null {
  if (report.moved.total > 0) {
    return `${plural(report.moved.total, 'customer who used to come often has', 'customers who used to come often have', f)} slipped into “At risk” or “Can’t lose them” — the call list names who to ring first.`;
  }
  const fb = report.feedback;
  if (fb.npsAnswers > 0) {
    const open = fb.openFollowUps > 0 ? `; ${plural(fb.openFollowUps, 'unhappy answer still waits', 'unhappy answers still wait', f)} for a follow-up` : '';
    return `Customers gave a recommend score (NPS) of ${fb.npsText} from ${plural(fb.npsAnswers, 'answer', 'answers', f)}${open}.`;
  }
  return null;
}

export function summarySentences(report: MonthlyReport, facts: SentenceFacts, f: ReportFormat): string[] {
  return [whatChanged(report, facts, f), whoCame(report, facts, f), needsAttention(report, f)].filter((s): s is string => s !== null);
}
