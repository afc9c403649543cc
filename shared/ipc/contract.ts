/**
 * The contract: the one list of operations the back end offers. Each entry has a name
 * (`domain:verb`), a zod schema for its input and the type of its output. Electron IPC, the web
 * bridge, the CLI and the renderer's api module are all typed and validated from this table, so a new
 * operation is one row here, one service function and one handler-table entry.
 */
import { z } from 'zod';
import type { Customer, CustomerDetail, CustomerRow, Feedback, FeedbackRow, Page, Visit } from '../domain/types';
import { SettingsSchema, type Settings } from '../domain/settings';
import type { CustomerMetrics, ForecastMonth, ModelSummary, ShopMetrics, ShopSummary } from '../metrics/shop';
import type { CohortRow } from '../metrics/cohorts';
import type { FeedbackMonth } from '../metrics/feedback';
import type { FeedbackThemes } from '../metrics/themes';
import type { HistogramBucket, RetentionTrendRow, RevenueSplitRow, SegmentSummaryRow, TierSummaryRow } from '../metrics/reports';
import type { CallList } from '../metrics/call-list';
import type { BackupCreated, BackupInspection, BackupList, RestoreOutcome } from '../domain/backups';
import type { CustomerExportResult, DataCheckReport, DataStatus, EraseInactiveResult, EraseResult, ExportResult } from '../domain/data-safety';
import { BackupFile, FolderPath, InactiveYears } from './safety-schemas';
import { ReportRequest, reportFile, type ReportDocument, type ReportSaved, type ScheduledReport } from './report-schemas';
import { ImportCancelInput, ImportCommitInput, ImportPreviewInput, ImportStageInput, ImportsUndoInput } from './import-schemas';
import type { ImportCommitResult, ImportHistoryEntry, ImportPreview, ImportUndoResult, StagedFile } from '../import/preview-types';
import {
  AmountCents,
  CUSTOMER_SORTS,
  CustomerFields,
  FEEDBACK_FILTERS,
  FeedbackFields,
  Id,
  LocalDateInput,
  Nps,
  Paging,
  Rating,
  VisitFields,
} from './schemas';

/** A phantom marker carrying an operation's output type. */
export interface Returns<T> {
  readonly __output?: T;
}
export function returns<T>(): Returns<T> {
  return {};
}

export interface OperationSpec {
  input: z.ZodType;
  output: Returns<unknown>;
  /** Long work that reports progress; runs where it cannot hold up quick queries. */
  long?: boolean;
  /** Replaces the database file (restore): every open connection must reopen afterwards. */
  reopensDatabase?: boolean;
}

export interface ShopOverview {
  customers: number;
  visits: number;
  feedback: number;
  revenueCents: number;
  firstVisit: string | null;
  lastVisit: string | null;
  openFollowUps: number;
}

export interface QuickLogResult {
  customer: Customer;
  visit: Visit | null;
  feedback: Feedback | null;
  createdCustomer: boolean;
}

/** Everything the Insights screen shows, shaped by the metrics module's pure functions. */
export interface InsightsView {
  asOf: string;
  shop: ShopSummary;
  model: ModelSummary;
  segments: SegmentSummaryRow[];
  tiers: TierSummaryRow[];
  clvHistogram: HistogramBucket[];
  revenueSplit: RevenueSplitRow[];
  retention: RetentionTrendRow[];
  cohorts: CohortRow[];
  feedbackTrend: FeedbackMonth[];
  themes: FeedbackThemes;
  forecast: ForecastMonth[];
  forecastTotal: { expectedVisits: number; expectedRevenueCents: number };
}

export interface TodayView extends CallList {
  asOf: string;
  shop: ShopSummary;
  /** People marked done on the list in the last seven days, today included. */
  doneThisWeek: number;
}

const MetricsOptions = {
  asOf: LocalDateInput.optional(),
  horizonDays: z.number().int().min(1).max(3650).optional(),
  clvMonths: z.number().int().min(1).max(120).optional(),
  discountMonthly: z.number().min(0).max(0.5).optional(),
  marginPct: z.number().min(0).max(100).optional(),
  lifespanYears: z.number().positive().max(100).nullable().optional(),
};

const SEGMENT_IDS = ['champions', 'loyal', 'potential-loyalists', 'new', 'promising', 'need-attention', 'about-to-sleep', 'at-risk', 'cant-lose', 'hibernating'] as const;
const TIER_IDS = ['high', 'medium', 'low', 'new', 'at-risk'] as const;
const CALL_REASONS = ['overdue-regular', 'high-value-at-risk', 'detractor', 'promoter', 'birthday'] as const;

export const contract = {
  'customers:create': { input: CustomerFields, output: returns<Customer>() },
  'customers:update': {
    input: z.object({ id: Id, patch: CustomerFields.partial() }),
    output: returns<Customer>(),
  },
  'customers:delete': { input: z.object({ id: Id }), output: returns<{ deleted: true }>() },
  'customers:get': { input: z.object({ id: Id }), output: returns<CustomerDetail>() },
  'customers:list': {
    input: z.object({
      query: z.string().max(200, 'Search text is too long.').default(''),
      sort: z.enum(CUSTOMER_SORTS).default('name'),
      direction: z.enum(['asc', 'desc']).default('asc'),
      ids: z.array(Id).max(100_000).optional(),
      ...Paging,
    }),
    output: returns<Page<CustomerRow>>(),
  },
  'customers:search': {
    input: z.object({
      query: z.string().max(200, 'Search text is too long.'),
      limit: z.number().int().min(1).max(500).default(20),
    }),
    output: returns<CustomerRow[]>(),
  },
  'visits:log': { input: VisitFields, output: returns<Visit>() },
  'visits:update': {
    input: z.object({ id: Id, patch: VisitFields.partial() }),
    output: returns<Visit>(),
  },
  'visits:delete': { input: z.object({ id: Id }), output: returns<{ deleted: true }>() },
  'visits:quickLog': {
    input: z
      .object({
        customerId: Id.optional(),
        newCustomer: z.object({ name: CustomerFields.shape.name, phone: CustomerFields.shape.phone }).optional(),
        date: LocalDateInput,
        amountCents: AmountCents.nullable(),
        nps: Nps.nullable().optional(),
        rating: Rating.nullable().optional(),
        comment: z.string().max(5000).optional(),
      })
      .refine((q) => (q.customerId === undefined) !== (q.newCustomer === undefined), {
        message: 'Pick a customer or type a new name.',
        path: ['customer'],
      })
      .refine((q) => q.amountCents !== null || q.nps != null || q.rating != null || (q.comment ?? '').trim() !== '', {
        message: 'Enter an amount, a score or a comment.',
        path: ['amount'],
      }),
    output: returns<QuickLogResult>(),
  },
  'feedback:log': { input: FeedbackFields, output: returns<Feedback>() },
  'feedback:list': {
    input: z.object({ filter: z.enum(FEEDBACK_FILTERS).default('all'), ...Paging }),
    output: returns<Page<FeedbackRow>>(),
  },
  'feedback:setFollowUp': {
    input: z.object({ id: Id, done: z.boolean(), note: z.string().max(2000).default('') }),
    output: returns<Feedback>(),
  },
  'feedback:delete': { input: z.object({ id: Id }), output: returns<{ deleted: true }>() },
  'settings:get': { input: z.object({}), output: returns<Settings>() },
  'settings:update': { input: SettingsSchema.partial(), output: returns<Settings>() },
  'shop:overview': { input: z.object({}), output: returns<ShopOverview>() },
  'metrics:compute': { input: z.object(MetricsOptions), output: returns<ShopMetrics>(), long: true },
  'insights:get': { input: z.object({ asOf: LocalDateInput.optional() }), output: returns<InsightsView>(), long: true },
  'insights:members': {
    input: z
      .object({ segment: z.enum(SEGMENT_IDS).optional(), tier: z.enum(TIER_IDS).optional(), asOf: LocalDateInput.optional() })
      .refine((i) => (i.segment === undefined) !== (i.tier === undefined), { message: 'Give a segment or a tier.', path: ['segment'] }),
    output: returns<{ label: string; ids: number[] }>(),
    long: true,
  },
  'customers:insight': { input: z.object({ id: Id }), output: returns<{ model: ModelSummary; customer: CustomerMetrics | null }>(), long: true },
  'today:get': { input: z.object({}), output: returns<TodayView>(), long: true },
  'today:done': {
    input: z.object({ customerId: Id, reason: z.enum(CALL_REASONS), feedbackId: Id.optional(), note: z.string().max(2000).optional() }),
    output: returns<{ done: true }>(),
  },
  // Data safety. backups:list/inspect/restore and data:check/status also work when the data file
  // cannot be opened (damaged, newer version), so the app can still offer "restore the latest backup".
  'backups:list': { input: z.object({ folder: FolderPath.optional() }), output: returns<BackupList>() },
  'backups:create': { input: z.object({ folder: FolderPath.optional() }), output: returns<BackupCreated>() },
  'backups:inspect': { input: z.object({ file: BackupFile }), output: returns<BackupInspection>() },
  'backups:restore': { input: z.object({ file: BackupFile }), output: returns<RestoreOutcome>(), reopensDatabase: true },
  'data:export': { input: z.object({ folder: FolderPath.optional() }), output: returns<ExportResult>() },
  'data:check': { input: z.object({}), output: returns<DataCheckReport>() },
  'data:status': { input: z.object({}), output: returns<DataStatus>() },
  'customers:export': { input: z.object({ id: Id, folder: FolderPath.optional() }), output: returns<CustomerExportResult>() },
  'customers:erase': { input: z.object({ id: Id }), output: returns<EraseResult>() },
  // Answered by the Electron main process with the system folder dialog; elsewhere (browser, CLI)
  // there is no dialog, so the answer says so and the page asks for a typed folder instead.
  'system:chooseFolder': {
    input: z.object({ purpose: z.enum(['backup', 'export']) }),
    output: returns<{ folder: string | null; canChoose: boolean }>(),
  },
  'customers:eraseInactive': {
    input: z.object({ years: InactiveYears, dryRun: z.boolean().default(false) }),
    output: returns<EraseInactiveResult>(),
  },
  // The monthly summary (issue 5). Without a file, savePdf saves into the Reports folder beside the
  // data file; inside Electron the main process asks with a save dialog instead.
  'report:get': { input: z.object(ReportRequest), output: returns<ReportDocument>(), long: true },
  'report:saveHtml': { input: z.object({ ...ReportRequest, file: reportFile('.html') }), output: returns<ReportSaved>(), long: true },
  'report:savePdf': { input: z.object({ ...ReportRequest, file: reportFile('.pdf').optional() }), output: returns<ReportSaved>(), long: true },
  // At start-up: save last month's PDF into Settings › monthlyReportFolder if it is not there yet
  // (dryRun only says what is due; Electron's main process then prints it itself).
  'report:scheduled': { input: z.object({ dryRun: z.boolean().default(false) }), output: returns<ScheduledReport>(), long: true },
  // Spreadsheet import (issue 3). The flow:
  //  1. import:stage — hand over the file (path in Electron/CLI, base64 bytes in the browser). It is
  //     copied to a staging folder beside the data file and gets a stageId. Nothing is read yet.
  //  2. import:preview (long) — reads the file and answers everything the review screen shows: sheets,
  //     detected kind with reasons, each column's field + samples, date/money column decisions,
  //     blockers (a missing column, an ambiguous date column: "choose dmy or mdy"), the first rows as
  //     they will be stored, row errors, probable duplicates, counts. Call it again with the owner's
  //     choices (sheet, kind, mapping, dateOrders, decimals) after every change; nothing is written.
  //  3. import:commit (long, progress phases 'reading' → 'checking' → 'saving') — same choices plus
  //     skipInvalid and merge (duplicate keys to merge). Fails with BAD_INPUT naming the reasons when a
  //     blocker remains or (without skipInvalid) any row has an error; writes all or nothing. The
  //     confirmed mapping is remembered for the next file with the same headers.
  //  4. import:cancel — stops the running preview/commit (the worker pool cancels its in-flight long
  //     call; the commit rolls back: nothing is written) and deletes the staged file unless keepFile.
  //  imports:list is the history; imports:undo restores the data as it was before an import, or fails
  //  with CONFLICT naming the records edited since.
  'import:stage': { input: ImportStageInput, output: returns<StagedFile>() },
  'import:preview': { input: ImportPreviewInput, output: returns<ImportPreview>(), long: true },
  'import:commit': { input: ImportCommitInput, output: returns<ImportCommitResult>(), long: true },
  'import:cancel': { input: ImportCancelInput, output: returns<{ cancelled: true }>() },
  'imports:list': { input: z.object({}), output: returns<ImportHistoryEntry[]>() },
  'imports:undo': { input: ImportsUndoInput, output: returns<ImportUndoResult>() },
} satisfies Record<string, OperationSpec>;

export type Contract = typeof contract;
export type OpName = keyof Contract;
/** What a caller sends (before defaults and trimming). */
export type In<K extends OpName> = z.input<Contract[K]['input']>;
/** What a service receives (after validation). */
export type Parsed<K extends OpName> = z.output<Contract[K]['input']>;
export type Out<K extends OpName> = Contract[K]['output'] extends Returns<infer T> ? T : never;

export const OP_NAMES = Object.keys(contract) as OpName[];

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
