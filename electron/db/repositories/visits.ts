import type { Db } from '../connection';
import type { Visit } from '../../../shared/domain/types';
import { VISIT_COLUMNS as COLUMNS, toVisit, type VisitRecordRow } from '../rows';
import { bulkLoadVisits, type VisitLoader } from './visit-loader';

export interface VisitWrite {
  customerId: number;
  date: string;
  amountCents: number;
  items: string;
  staff: string | null;
  paymentMethod: string | null;
}


export function createVisitsRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO visits (customer_id, date, amount_cents, items, staff, payment_method, import_id, fingerprint, created_at)
     VALUES (:customerId, :date, :amountCents, :items, :staff, :paymentMethod, :importId, :fingerprint, :now)`,
  );
  const update = db.prepare(
    `UPDATE visits SET customer_id = :customerId, date = :date, amount_cents = :amountCents, items = :items,
       staff = :staff, payment_method = :paymentMethod WHERE id = :id`,
  );
  const byId = db.prepare<[number], VisitRecordRow>(`SELECT ${COLUMNS} FROM visits WHERE id = ?`);
  const byCustomer = db.prepare<[number], VisitRecordRow>(
    `SELECT ${COLUMNS} FROM visits WHERE customer_id = ? ORDER BY date DESC, id DESC`,
  );
  const remove = db.prepare('DELETE FROM visits WHERE id = ?');

  return {
    insert(fields: VisitWrite, now: string, source: { importId: number; fingerprint: string } | null = null): number {
      return Number(
        insert.run({ ...fields, now, importId: source?.importId ?? null, fingerprint: source?.fingerprint ?? null }).lastInsertRowid,
      );
    },
    update(id: number, fields: VisitWrite): void {
      update.run({ ...fields, id });
    },
    get(id: number): Visit | null {
      const row = byId.get(id);
      return row ? toVisit(row) : null;
    },
    forCustomer(customerId: number): Visit[] {
      return byCustomer.all(customerId).map(toVisit);
    },
    delete(id: number): boolean {
      return remove.run(id).changes > 0;
    },
    /** Many visits made up at once (the demo shop), inside the caller's transaction: see bulkLoadVisits. */
    bulkLoad<T>(now: string, plannedVisits: number, work: (loader: VisitLoader) => T): T {
      return bulkLoadVisits(db, { importId: null, now, plannedVisits }, work);
    },
  };
}

export type VisitsRepository = ReturnType<typeof createVisitsRepository>;
