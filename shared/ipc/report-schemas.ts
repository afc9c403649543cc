/** Inputs and outputs of the monthly summary operations (report:get, report:saveHtml, report:savePdf). */
import { z } from 'zod';

/** A calendar month, YYYY-MM. */
export const MonthInput = z
  .string({ message: 'Pick a month.' })
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month looks like 2026-10 (year, then month).');

export const PaperInput = z.enum(['a4', 'letter'], { message: 'Paper must be a4 or letter.' });

/** Where to save a report: a full path ending in the right extension. */
export const reportFile = (extension: '.pdf' | '.html') =>
  z
    .string({ message: 'Type where to save the file.' })
    .trim()
    .min(1, 'Type where to save the file.')
    .max(1000, 'That file path is too long.')
    .refine((f) => f.toLowerCase().endsWith(extension) || (extension === '.html' && f.toLowerCase().endsWith('.htm')), {
      message: `The file name must end in ${extension}, for example "Monthly summary${extension}".`,
    })
    // A relative path would land wherever the program happened to start: ask for the whole path.
    .refine((f) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(f), {
      message: 'Type the whole path of the file, starting with / (on Windows with the drive, such as C:\\).',
    });

export const ReportRequest = { month: MonthInput.optional(), paper: PaperInput.optional() };

/** The summary as a document, ready to show, print or save. */
export interface ReportDocument {
  month: string;
  monthLabel: string;
  paper: 'a4' | 'letter';
  /** The self-contained HTML page. */
  html: string;
  /** Chromium's PDF footer template (page numbers). */
  footerHtml: string;
  /** Where "Save as PDF" suggests saving: the Reports folder beside the data file (null for an in-memory database). */
  suggestedFile: string | null;
}

export interface ReportSaved {
  /** The file written; null when the owner cancelled the save dialog. */
  file: string | null;
  month: string;
  cancelled: boolean;
  /** Pages of a PDF (null for HTML). */
  pages: number | null;
}

/** The automatic monthly PDF (Settings › monthlyReportFolder): what was due and what happened. */
export interface ScheduledReport {
  /** True when last month's PDF was missing from the chosen folder. */
  due: boolean;
  month: string | null;
  file: string | null;
  saved: boolean;
  pages: number | null;
}
