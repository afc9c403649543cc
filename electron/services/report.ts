/**
 * The monthly summary: one HTML page built by shared/report from the shop's data, shown on the
 * Reports screen, printed, and saved as HTML or PDF. The figures come from the metrics module (see
 * shared/report/build.ts), so they equal `regulars metrics --as-of <month end>`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Out, Parsed } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { buildMonthlyReport, lastCompleteMonth, renderReportHtml, reportCutOff, reportFooterTemplate, type MonthlyReport, type Paper, type ReportData } from '../../shared/report';
import { loadMetricsInput } from '../db/repositories/metrics-data';
import { changeCount } from '../db/change-count';
import { createCallListRepository } from '../db/repositories/call-list';
import { createReportRepository } from '../db/repositories/report';
import { today, type ServiceContext } from './context';
import { htmlToPdf, pdfPageCount } from './report-pdf';
import { writeWholeFile } from './file-writer';

interface ReportRequest {
  month?: string | undefined;
  paper?: Paper | undefined;
}

/** Reads everything the summary needs in one read transaction (one consistent moment). */
export function loadReportData(ctx: ServiceContext): ReportData {
  return ctx.db.transaction(() => {
    const input = loadMetricsInput(ctx.db);
    return {
      customers: input.customers,
      visits: input.visits,
      feedback: createReportRepository(ctx.db).feedback(),
      contacts: createCallListRepository(ctx.db).contacts(),
      callsDone: createCallListRepository(ctx.db).doneMarks(),
      today: today(ctx),
    };
  })();
}

/** The month asked for (default: the last complete month), refused when it has not started. */
function chosenMonth(ctx: ServiceContext, month: string | undefined): string {
  const day = today(ctx);
  const chosen = month ?? lastCompleteMonth(day);
  if (!reportCutOff(chosen, day)) throw new AppError('BAD_INPUT', `${chosen} has not started yet, so there is nothing to sum up. Pick this month or an earlier one.`);
  return chosen;
}

/** The last summary built, so switching paper or coming back to Reports is instant until data changes. */
let cached: { key: string; report: MonthlyReport } | null = null;

/** For benchmarks: the next summary is built from scratch. */
export function forgetCachedReport(): void {
  cached = null;
}

export function buildReport(ctx: ServiceContext, request: ReportRequest): MonthlyReport {
  const month = chosenMonth(ctx, request.month);
  const settings = ctx.repos.settings.get();
  const key = JSON.stringify([ctx.dbFile, changeCount(ctx.db), month, today(ctx), settings]);
  if (cached?.key !== key) cached = { key, report: buildMonthlyReport(loadReportData(ctx), month, settings) };
  return request.paper ? { ...cached.report, paper: request.paper } : cached.report;
}

/** Where "Save as PDF" suggests: a Reports folder beside the data file, named by month. */
export function suggestedReportFile(ctx: ServiceContext, month: string, extension: '.pdf' | '.html' = '.pdf'): string | null {
  if (ctx.dbFile === ':memory:') return null;
  return path.join(path.dirname(path.resolve(ctx.dbFile)), 'Reports', `Monthly summary ${month}${extension}`);
}

export function getReport(ctx: ServiceContext, input: Parsed<'report:get'>): Out<'report:get'> {
  const report = buildReport(ctx, input);
  return {
    month: report.month,
    monthLabel: report.monthLabel,
    paper: report.paper,
    html: renderReportHtml(report),
    footerHtml: reportFooterTemplate(report),
    suggestedFile: suggestedReportFile(ctx, report.month),
  };
}

export function saveReportHtml(ctx: ServiceContext, input: Parsed<'report:saveHtml'>): Out<'report:saveHtml'> {
  const report = buildReport(ctx, input);
  const file = writeWholeFile(input.file, renderReportHtml(report));
  return { file, month: report.month, cancelled: false, pages: null };
}

export async function saveReportPdf(ctx: ServiceContext, input: Parsed<'report:savePdf'>): Promise<Out<'report:savePdf'>> {
  const report = buildReport(ctx, input);
  const target = input.file ?? suggestedReportFile(ctx, report.month);
  if (!target) throw new AppError('BAD_INPUT', 'Type where to save the PDF.');
  const pdf = await htmlToPdf(renderReportHtml(report), { footerHtml: reportFooterTemplate(report) });
  const file = writeWholeFile(target, pdf);
  return { file, month: report.month, cancelled: false, pages: pdfPageCount(pdf) };
}

/**
 * The automatic monthly PDF: due when a folder is set in Settings, the shop has visits, and last
 * month's file is not in that folder yet — so it happens at the first start of each month, and
 * again at the next start if that attempt failed.
 */
export async function runScheduledReport(ctx: ServiceContext, input: Parsed<'report:scheduled'>): Promise<Out<'report:scheduled'>> {
  const folder = ctx.repos.settings.get().monthlyReportFolder;
  const month = lastCompleteMonth(today(ctx));
  const none = { due: false, month: null, file: null, saved: false, pages: null };
  if (!folder) return none;
  const hasVisits = ctx.db.prepare('SELECT 1 FROM visits WHERE date <= ? LIMIT 1').pluck().get(`${month}-31`) !== undefined;
  const file = path.join(path.resolve(folder), `Monthly summary ${month}.pdf`);
  if (!hasVisits || existsSync(file)) return { ...none, month, file };
  if (input.dryRun) return { due: true, month, file, saved: false, pages: null };
  const saved = await saveReportPdf(ctx, { month, file });
  return { due: true, month, file: saved.file, saved: true, pages: saved.pages };
}
