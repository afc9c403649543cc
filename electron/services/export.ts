/**
 * Export: all the shop's data as three CSV files (customers, visits, feedback) that open cleanly in
 * Excel and LibreOffice, plus one JSON file with everything; and one person's data on its own, for
 * a customer who asks what the shop holds about them.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Out, Parsed } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { UTF8_BOM, csvLine, moneyCell, type CsvCell } from '../../shared/domain/csv';
import type { Feedback, Visit } from '../../shared/domain/types';
import type { CustomerDataExport } from '../../shared/domain/data-safety';
import { createExportRepository, type CustomerExport } from '../db/repositories/export';
import { nowIso, type ServiceContext } from './context';
import { requireCustomer } from './customers';
import { writeTextFile } from './file-writer';

type Columns<T> = readonly (readonly [header: string, cell: (row: T) => CsvCell])[];

/** Customer columns, shared by the full export and a person's own export. */
const CUSTOMER_COLUMNS: Columns<CustomerExport> = [
  ['id', (c) => c.id],
  ['name', (c) => c.name],
  ['phone', (c) => c.phone],
  ['email', (c) => c.email],
  ['birthday', (c) => c.birthday],
  ['tags', (c) => c.tags.join('; ')],
  ['notes', (c) => c.notes],
  ['marketing_consent', (c) => c.marketingConsent],
  ['external_ref', (c) => c.externalRef],
  ['visits', (c) => c.visits],
  ['total_spent', (c) => moneyCell(c.totalSpentCents)],
  ['first_visit', (c) => c.firstVisit],
  ['last_visit', (c) => c.lastVisit],
  ['created_at', (c) => c.createdAt],
  ['updated_at', (c) => c.updatedAt],
  ['erased_at', (c) => c.erasedAt],
];

const VISIT_COLUMNS: Columns<Visit> = [
  ['id', (v) => v.id],
  ['customer_id', (v) => v.customerId],
  ['date', (v) => v.date],
  ['amount', (v) => moneyCell(v.amountCents)],
  ['items', (v) => v.items],
  ['staff', (v) => v.staff],
  ['payment_method', (v) => v.paymentMethod],
  ['import_id', (v) => v.importId],
  ['created_at', (v) => v.createdAt],
];

const FEEDBACK_COLUMNS: Columns<Feedback> = [
  ['id', (f) => f.id],
  ['customer_id', (f) => f.customerId],
  ['visit_id', (f) => f.visitId],
  ['date', (f) => f.date],
  ['nps', (f) => f.nps],
  ['rating', (f) => f.rating],
  ['comment', (f) => f.comment],
  ['follow_up', (f) => f.followUp],
  ['follow_up_note', (f) => f.followUpNote],
  ['source', (f) => f.source],
  ['created_at', (f) => f.createdAt],
];

/** Streams rows into a CSV file; returns how many rows were written. */
function writeCsv<T>(file: string, columns: Columns<T>, rows: Iterable<T>): number {
  let count = 0;
  writeTextFile(file, (write) => {
    write(UTF8_BOM + csvLine(columns.map(([header]) => header)));
    for (const row of rows) {
      write(csvLine(columns.map(([, cell]) => cell(row))));
      count++;
    }
  });
  return count;
}

/** Writes a JSON array member by member so a large table is never one string. */
function writeJsonArray<T>(write: (text: string) => void, key: string, rows: Iterable<T>, last = false): void {
  write(`  ${JSON.stringify(key)}: [`);
  let first = true;
  for (const row of rows) {
    write(`${first ? '' : ','}\n    ${JSON.stringify(row)}`);
    first = false;
  }
  write(`${first ? '' : '\n  '}]${last ? '' : ','}\n`);
}

function stampFor(ctx: ServiceContext): string {
  return nowIso(ctx).replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
}

function prepareFolder(folder: string): string {
  const resolved = path.resolve(folder);
  try {
    mkdirSync(resolved, { recursive: true });
  } catch (error) {
    throw new AppError('UNAVAILABLE', `Regulars cannot write to the folder ${resolved} (${(error as Error).message}). Pick another folder.`);
  }
  return resolved;
}

function defaultExportFolder(ctx: ServiceContext, name: string): string {
  if (ctx.dbFile === ':memory:') throw new AppError('BAD_INPUT', 'Choose a folder to export to.');
  return path.join(path.dirname(path.resolve(ctx.dbFile)), 'exports', name);
}

export function exportAllData(ctx: ServiceContext, input: Parsed<'data:export'>): Out<'data:export'> {
  const folder = prepareFolder(input.folder ?? defaultExportFolder(ctx, `regulars-export-${stampFor(ctx)}`));
  const rows = createExportRepository(ctx.db);
  const settings = ctx.repos.settings.get();
  // One read transaction: the four files describe the same moment even if the app is busy.
  return ctx.db.transaction(() => {
    const files = [path.join(folder, 'customers.csv'), path.join(folder, 'visits.csv'), path.join(folder, 'feedback.csv')];
    const customers = writeCsv(files[0]!, CUSTOMER_COLUMNS, rows.customers());
    const visits = writeCsv(files[1]!, VISIT_COLUMNS, rows.visits());
    const feedback = writeCsv(files[2]!, FEEDBACK_COLUMNS, rows.feedback());
    const json = writeTextFile(path.join(folder, 'regulars-export.json'), (write) => {
      write('{\n');
      write(`  "format": "regulars-export",\n  "formatVersion": 1,\n  "exportedAt": ${JSON.stringify(nowIso(ctx))},\n`);
      write(`  "settings": ${JSON.stringify(settings)},\n`);
      writeJsonArray(write, 'customers', rows.customers());
      writeJsonArray(write, 'visits', rows.visits());
      writeJsonArray(write, 'feedback', rows.feedback(), true);
      write('}\n');
    });
    return { folder, files: [...files, json], customers, visits, feedback };
  })();
}

/** Everything about one person: profile, visits and feedback. */
export function customerData(ctx: ServiceContext, id: number): CustomerDataExport {
  requireCustomer(ctx, id);
  const rows = createExportRepository(ctx.db);
  const [customer] = [...rows.customers(id)];
  return {
    exportedAt: nowIso(ctx),
    shopName: ctx.repos.settings.get().shopName,
    customer: customer!,
    visits: [...rows.visits(id)],
    feedback: [...rows.feedback(id)],
  };
}

export function exportCustomer(ctx: ServiceContext, input: Parsed<'customers:export'>): Out<'customers:export'> {
  const data = ctx.db.transaction(() => customerData(ctx, input.id))();
  const folder = prepareFolder(input.folder ?? defaultExportFolder(ctx, `customer-${input.id}-${stampFor(ctx)}`));
  const base = path.join(folder, `customer-${input.id}`);
  const files = [
    writeTextFile(`${base}.json`, (write) => write(`${JSON.stringify(data, null, 2)}\n`)),
    // The profile as "field,value" lines: one person reads better down than across.
    writeTextFile(`${base}-profile.csv`, (write) => {
      write(UTF8_BOM + csvLine(['field', 'value']));
      for (const [header, cell] of CUSTOMER_COLUMNS) write(csvLine([header, cell(data.customer)]));
    }),
    `${base}-visits.csv`,
    `${base}-feedback.csv`,
  ];
  writeCsv(files[2]!, VISIT_COLUMNS, data.visits);
  writeCsv(files[3]!, FEEDBACK_COLUMNS, data.feedback);
  return { folder, files, data };
}

