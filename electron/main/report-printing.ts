/**
 * "Save as PDF" inside the desktop app: the worker builds the summary's HTML (report:get, the same
 * page the screen shows), and this thin piece of main-process glue asks where to save it and prints
 * it with Electron's own printToPDF in a hidden window that runs no script.
 */
import { BrowserWindow, app, dialog } from 'electron';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { contract } from '../../shared/ipc/contract';
import type { ReportDocument, ReportSaved, ScheduledReport } from '../../shared/ipc/report-schemas';
import { AppError, type Result } from '../../shared/ipc/result';
import { writeWholeFile } from '../services/file-writer';
import { pdfPageCount } from '../services/report-pdf';

type CallWorker = (op: 'report:get' | 'report:scheduled', input: unknown) => Promise<Result<unknown>>;

async function htmlToPdf(html: string, footerHtml: string): Promise<Buffer> {
  const window = new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false } });
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
    return await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: footerHtml });
  } finally {
    window.destroy();
  }
}

/** Handles report:savePdf in the main process; every other operation still goes to the worker. */
export async function saveReportPdf(rawInput: unknown, callWorker: CallWorker, parent: BrowserWindow | null): Promise<Result<ReportSaved>> {
  const parsed = contract['report:savePdf'].input.safeParse(rawInput);
  if (!parsed.success) return { ok: false, error: { code: 'BAD_INPUT', message: parsed.error.issues[0]?.message ?? 'The request was not valid.' } };
  const { file: given, ...request } = parsed.data;
  const got = await callWorker('report:get', request);
  if (!got.ok) return got;
  const doc = got.value as ReportDocument;
  let file = given;
  if (!file) {
    const defaultPath = doc.suggestedFile ?? path.join(app.getPath('documents'), `Monthly summary ${doc.month}.pdf`);
    await mkdir(path.dirname(defaultPath), { recursive: true }).catch(() => undefined);
    const options = { title: 'Save the monthly summary', defaultPath, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
    const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ok: true, value: { file: null, month: doc.month, cancelled: true, pages: null } };
    // Some systems' dialogs leave the extension off a typed name.
    file = /\.pdf$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.pdf`;
  }
  let pdf: Buffer;
  try {
    pdf = await htmlToPdf(doc.html, doc.footerHtml);
  } catch (error) {
    return { ok: false, error: { code: 'UNAVAILABLE', message: `The summary could not be printed to a PDF (${(error as Error).message}).` } };
  }
  try {
    return { ok: true, value: { file: writeWholeFile(file, pdf), month: doc.month, cancelled: false, pages: pdfPageCount(pdf) } };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toInfo() };
    throw error;
  }
}

/** The automatic monthly PDF: the worker says whether last month's file is due; this prints it. */
export async function runScheduledReport(callWorker: CallWorker, parent: BrowserWindow | null): Promise<Result<ScheduledReport>> {
  const due = await callWorker('report:scheduled', { dryRun: true });
  if (!due.ok) return due;
  const plan = due.value as ScheduledReport;
  if (!plan.due || !plan.month || !plan.file) return { ok: true, value: plan };
  const saved = await saveReportPdf({ month: plan.month, file: plan.file }, callWorker, parent);
  if (!saved.ok) return saved;
  return { ok: true, value: { ...plan, saved: true, pages: saved.value.pages } };
}
