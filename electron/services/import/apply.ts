/**
 * Writes mapped spreadsheet rows into the shop's data — in one transaction, recording every customer it
 * creates, updates or merges (with before- and after-images) so the whole import can be undone exactly.
 * Visits and feedback carry the import's id and a row fingerprint: importing the same file twice adds
 * nothing, and undo removes exactly what this import added.
 */
import { phoneDigits, searchKey } from '../../../shared/domain/text';
import { perTextCache } from '../../../shared/import/per-text-cache';
import { AppError } from '../../../shared/ipc/result';
import type { CustomerImage, ImportKind, ImportsRepository, VisitLoader } from '../../db/repositories/imports';
import { createImportsRepository } from '../../db/repositories/imports';
import { nowIso, type ServiceContext } from '../context';
import { defaultFollowUp } from '../feedback';
import { backupBefore } from '../backups';
import { createProgressReporter } from './progress';
import type { CustomerFacts, CustomerRecord, FeedbackRecord, ImportRecord, MappedRecords, VisitRecord } from '../../../shared/import/types';

/**
 * The rows come straight from shared/import's mapRows: the record types are defined there once.
 * The older names stay as aliases for callers and tests written against them.
 */
export type { CustomerFacts };
export type CustomerRowIn = CustomerRecord;
export type VisitRowIn = VisitRecord;
export type FeedbackRowIn = FeedbackRecord;
export type ApplyRows = MappedRecords;

export interface ApplyOptions {
  fileName: string;
  rowsRead: number;
  /**
   * The owner's answers to the duplicate review: a file identity (see {@link identityOf}) the owner
   * said is the same person as an existing customer.
   */
  mergeInto?: Record<string, number>;
  dryRun?: boolean;
}

export interface ApplySummary {
  importId: number | null;
  kind: ImportKind;
  rowsRead: number;
  customersCreated: number;
  customersUpdated: number;
  customersMerged: number;
  visitsCreated: number;
  visitsRevenueCents: number;
  firstDate: string | null;
  lastDate: string | null;
  feedbackCreated: number;
  duplicatesSkipped: number;
}

/** A stable key for "the person this row names", used for duplicate-review answers. */
export function identityOf(facts: CustomerFacts): string {
  return [facts.externalRef ?? '', facts.email ?? '', facts.phone ? phoneDigits(facts.phone) : '', facts.name ? searchKey(facts.name) : ''].join('|');
}

/** Finds existing customers by external id, then email, then phone, then exact name. */
export class CustomerMatcher {
  private byRef = new Map<string, number>();
  private byEmail = new Map<string, number>();
  private byPhone = new Map<string, number>();
  private byName = new Map<string, number | 'ambiguous'>();
  /** Rows repeat the same few thousand names: each one's search key is worked out once. */
  readonly nameKey = perTextCache(searchKey, 100_000);

  constructor(keys: ReturnType<ImportsRepository['matchKeys']>) {
    for (const k of keys) this.add(k.id, k.external_ref, k.email, k.phone_digits, k.name_key);
  }

  add(id: number, ref: string | null, email: string | null, digits: string | null, nameKey: string | null): void {
    if (ref && !this.byRef.has(ref)) this.byRef.set(ref, id);
    if (email && !this.byEmail.has(email)) this.byEmail.set(email, id);
    if (digits && digits.length >= 6 && !this.byPhone.has(digits)) this.byPhone.set(digits, id);
    if (nameKey) {
      const seen = this.byName.get(nameKey);
      // Two different people with the same name: a name alone can no longer decide.
      this.byName.set(nameKey, seen === undefined || seen === id ? id : 'ambiguous');
    }
  }

  find(facts: CustomerFacts): number | null {
    if (facts.externalRef) {
      const id = this.byRef.get(facts.externalRef);
      if (id !== undefined) return id;
    }
    if (facts.email) {
      const id = this.byEmail.get(facts.email);
      if (id !== undefined) return id;
    }
    if (facts.phone) {
      const id = this.byPhone.get(phoneDigits(facts.phone));
      if (id !== undefined) return id;
    }
    if (facts.name) {
      const id = this.byName.get(this.nameKey(facts.name));
      if (typeof id === 'number') return id;
    }
    return null;
  }
}

/** Fills empty fields of a stored customer from a row; never replaces stored data with blanks. */
function fillEmpty(image: CustomerImage, facts: CustomerFacts): CustomerImage {
  const tags = JSON.parse(image.tags) as string[];
  const mergedTags = [...new Set([...tags, ...facts.tags])];
  return {
    ...image,
    phone: image.phone ?? facts.phone,
    email: image.email ?? facts.email,
    birthday: image.birthday ?? facts.birthday,
    notes: image.notes !== '' ? image.notes : (facts.notes ?? ''),
    external_ref: image.external_ref ?? facts.externalRef,
    marketing_consent: image.marketing_consent === 1 || facts.marketingConsent === true ? 1 : 0,
    tags: JSON.stringify(mergedTags),
  };
}

/**
 * The details a visit or feedback row gives about its customer beyond who they are, as one key; null
 * when it gives none (most sales rows: a name and an amount).
 */
function detailsKey(facts: CustomerFacts): string | null {
  const { email, phone, birthday, externalRef, notes, tags, marketingConsent } = facts;
  if (email === null && phone === null && birthday === null && externalRef === null && !notes && tags.length === 0 && marketingConsent !== true) return null;
  return [email, phone, birthday, externalRef, notes, tags.join('\u001e'), marketingConsent].join('\u001f');
}

function sameEditableFields(a: CustomerImage, b: CustomerImage): boolean {
  return (
    a.phone === b.phone &&
    a.email === b.email &&
    a.birthday === b.birthday &&
    a.notes === b.notes &&
    a.external_ref === b.external_ref &&
    a.marketing_consent === b.marketing_consent &&
    a.tags === b.tags
  );
}

class DryRunRollback extends Error {}

/**
 * Applies the rows. Runs in one transaction: any error, or a cancel, leaves the data exactly as it was.
 * With `dryRun` it does all the work and then rolls back, so the summary is exactly what a real import
 * would do.
 */
export function applyImport(ctx: ServiceContext, rows: ApplyRows, options: ApplyOptions): ApplySummary {
  return applyImportBatches(ctx, rows.kind, [rows.rows], { ...options, totalRows: rows.rows.length });
}

export interface BatchOptions extends Omit<ApplyOptions, 'rowsRead'> {
  /** Rows to save, for progress. */
  totalRows: number;
  /** Data rows of the file; a function when it is only known once every batch has been produced. */
  rowsRead: number | (() => number);
  /** Rows of the file left out with an error (the owner chose to import only the good ones), for the history. */
  rowsLeftOut?: () => number;
}

/**
 * The same as {@link applyImport}, with the records handed over batch by batch inside the one
 * transaction — so a big file never has all its records in memory at once. A batch source that throws
 * (a bad row found late, a cancel) rolls everything back.
 */
export function applyImportBatches(ctx: ServiceContext, kind: ImportKind, batches: Iterable<readonly ImportRecord[]>, options: BatchOptions): ApplySummary {
  const repo = createImportsRepository(ctx.db);
  const rowsRead = () => (typeof options.rowsRead === 'function' ? options.rowsRead() : options.rowsRead);
  const summary: ApplySummary = {
    importId: null,
    kind,
    rowsRead: 0,
    customersCreated: 0,
    customersUpdated: 0,
    customersMerged: 0,
    visitsCreated: 0,
    visitsRevenueCents: 0,
    firstDate: null,
    lastDate: null,
    feedbackCreated: 0,
    duplicatesSkipped: 0,
  };
  const progress = createProgressReporter(ctx, 'saving', options.totalRows);
  const now = nowIso(ctx);
  // A consistent copy first, so even an import the owner regrets after undo is impossible can be rolled back.
  if (!options.dryRun) backupBefore(ctx, 'import');

  const run = () => {
    const importId = repo.start(options.fileName, kind, now);
    summary.importId = importId;
    const matcher = new CustomerMatcher(repo.matchKeys());
    const touched = new Set<number>();
    const created = new Set<number>();
    // The duplicate review's answers can grow as batches arrive (commit.ts fills them per batch).
    const mergeAnswers = options.mergeInto ?? {};
    let hasMerges = false;

    // Per customer, the details of the last visit or feedback row looked at for filling in empty fields:
    // a regular's rows repeat the same email and phone, and only something new is worth a look.
    const detailsSeen = new Map<number, string>();
    const bringsNewDetails = (id: number, facts: CustomerFacts): boolean => {
      const key = detailsKey(facts);
      if (key === null || detailsSeen.get(id) === key) return false;
      detailsSeen.set(id, key);
      return true;
    };

    /**
     * The customer a row names, created if new. A customer row ('all') fills the stored customer's
     * empty fields; a visit or feedback row ('new') too, when it brings details not seen before for
     * them (an email the customer has none of yet). Nothing stored is ever replaced.
     */
    const resolveCustomer = (facts: CustomerFacts, fillDetails: 'all' | 'new'): number | null => {
      // Only the duplicate review's answers need a row's identity: most imports skip building it.
      const mergeTarget = hasMerges ? mergeAnswers[identityOf(facts)] : undefined;
      const found = mergeTarget ?? matcher.find(facts);
      if (found !== null && found !== undefined) {
        if (!created.has(found) && (fillDetails === 'all' || mergeTarget !== undefined || bringsNewDetails(found, facts))) {
          const before = repo.customerImage(found);
          if (!before) throw new AppError('NOT_FOUND', `Customer #${found} chosen for merging no longer exists.`);
          const after = { ...fillEmpty(before, facts), updated_at: now };
          if (!sameEditableFields(before, after)) {
            repo.writeCustomer(after);
            // The first touch keeps the true before-image; later rows only move the after-image on.
            if (!touched.has(found)) {
              repo.recordChange(importId, found, mergeTarget !== undefined ? 'merge' : 'update', before, after);
              if (mergeTarget !== undefined) summary.customersMerged++;
              else summary.customersUpdated++;
              touched.add(found);
            } else {
              ctx.db.prepare('UPDATE import_changes SET after = ? WHERE import_id = ? AND row_id = ?').run(JSON.stringify(after), importId, found);
            }
          }
        }
        return found;
      }
      if (!facts.name) return null;
      const id = repo.insertCustomer(
        {
          name: facts.name,
          phone: facts.phone,
          email: facts.email,
          birthday: facts.birthday,
          tags: JSON.stringify(facts.tags),
          notes: facts.notes ?? '',
          marketing_consent: facts.marketingConsent ? 1 : 0,
          external_ref: facts.externalRef,
        },
        now,
        importId,
      );
      matcher.add(id, facts.externalRef, facts.email, facts.phone ? phoneDigits(facts.phone) : null, matcher.nameKey(facts.name));
      created.add(id);
      repo.recordChange(importId, id, 'create', null, repo.customerImage(id) ?? null);
      summary.customersCreated++;
      return id;
    };

    // The same row twice in one file is a real second sale: number the repeats so both are kept,
    // while a re-import of the file produces the very same keys and adds nothing.
    // Most rows are seen once: only repeats get a count.
    const seen = new Set<string>();
    const repeats = new Map<string, number>();
    const keyFor = (fingerprint: string) => {
      if (!seen.has(fingerprint)) {
        seen.add(fingerprint);
        return fingerprint;
      }
      const n = (repeats.get(fingerprint) ?? 1) + 1;
      repeats.set(fingerprint, n);
      return `${fingerprint}#${n}`;
    };

    let visits: VisitLoader | null = null;
    let index = -1;
    const saveRow = (row: ImportRecord) => {
      index++;
      if (index % 2000 === 0) {
        if (ctx.signal?.cancelled) throw new AppError('CANCELLED', 'Import cancelled; nothing was saved.');
        progress.report(index);
      }
      if (kind === 'customers') {
        resolveCustomer((row as CustomerRowIn).customer, 'all');
        return;
      }
      if (kind === 'visits') {
        const v = row as VisitRowIn;
        const customerId = resolveCustomer(v.customer, 'new');
        if (customerId === null) throw new AppError('BAD_INPUT', `Row ${v.row}: no customer name, email, phone or id to attach the visit to.`);
        if (visits!.add(customerId, v, keyFor(v.fingerprint)) === null) {
          summary.duplicatesSkipped++;
          return;
        }
        summary.visitsCreated++;
        summary.visitsRevenueCents += v.amountCents;
        if (summary.firstDate === null || v.date < summary.firstDate) summary.firstDate = v.date;
        if (summary.lastDate === null || v.date > summary.lastDate) summary.lastDate = v.date;
        return;
      }
      const f = row as FeedbackRowIn;
      const customerId = f.customer ? resolveCustomer(f.customer, 'new') : null;
      const inserted = repo.insertFeedback(
        { customerId, date: f.date, nps: f.nps, rating: f.rating, comment: f.comment, followUp: defaultFollowUp(f.nps, f.rating) },
        importId,
        keyFor(f.fingerprint),
        now,
      );
      if (inserted) summary.feedbackCreated++;
      else summary.duplicatesSkipped++;
    };
    const saveAll = () => {
      for (const batch of batches) {
        hasMerges = Object.keys(mergeAnswers).length > 0;
        for (const row of batch) saveRow(row);
      }
    };
    // Visits are loaded in bulk: totals added once per customer at the end (see bulkLoadVisits).
    if (kind === 'visits') {
      repo.bulkLoadVisits(importId, now, options.totalRows, (loader) => {
        visits = loader;
        saveAll();
      });
    } else saveAll();
    progress.report(index + 1);
    summary.rowsRead = rowsRead();
    repo.finish(importId, nowIso(ctx), summary.rowsRead, { ...summary, rowsLeftOut: options.rowsLeftOut?.() ?? 0 });
    if (options.dryRun) throw new DryRunRollback();
  };

  try {
    repo.withImportSettings(() => ctx.db.transaction(run)());
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
    summary.importId = null;
  }
  return summary;
}
