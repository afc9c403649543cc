import type { Db } from '../connection';
import type { RememberedMapping } from '../../../shared/import/headers';
import { IMPORT_FIELDS, type DateOrder, type ImportField, type ImportKind } from '../../../shared/import/types';

const KNOWN_FIELDS = new Set<string>(['ignore', ...IMPORT_FIELDS]);
const DATE_ORDERS = new Set<string>(['dmy', 'mdy', 'ymd']);

/** A mapping as remembered: the fields, the kind, and the date orders the owner chose, by column. */
export type StoredMapping = RememberedMapping & { kind: ImportKind; dateOrders: Record<number, DateOrder> };

/** The stored date orders, keeping only what makes sense (a damaged entry remembers none). */
function parseDateOrders(text: string): Record<number, DateOrder> {
  const orders: Record<number, DateOrder> = {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const [column, order] of Object.entries(parsed)) {
        if (/^\d+$/.test(column) && typeof order === 'string' && DATE_ORDERS.has(order)) orders[Number(column)] = order as DateOrder;
      }
    }
  } catch {
    // Nothing remembered.
  }
  return orders;
}

/** Column mappings the owner confirmed, by header signature. */
export function createImportMappingsRepository(db: Db) {
  const all = db.prepare<[], { signature: string; fields: string; kind: ImportKind; date_orders: string }>('SELECT signature, fields, kind, date_orders FROM import_mappings');
  const upsert = db.prepare(
    `INSERT INTO import_mappings (signature, fields, kind, date_orders, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(signature) DO UPDATE SET fields = excluded.fields, kind = excluded.kind, date_orders = excluded.date_orders, updated_at = excluded.updated_at`,
  );
  return {
    /** Every remembered mapping; one whose stored fields no longer make sense is skipped. */
    list(): StoredMapping[] {
      const out: StoredMapping[] = [];
      for (const row of all.all()) {
        try {
          const fields = JSON.parse(row.fields) as unknown;
          if (Array.isArray(fields) && fields.every((f) => typeof f === 'string' && KNOWN_FIELDS.has(f))) {
            out.push({ signature: row.signature, fields: fields as ImportField[], kind: row.kind, dateOrders: parseDateOrders(row.date_orders) });
          }
        } catch {
          // A damaged entry is simply not remembered.
        }
      }
      return out;
    },
    remember(signature: string, fields: readonly ImportField[], kind: ImportKind, dateOrders: Readonly<Record<number, DateOrder>>, now: string): void {
      upsert.run(signature, JSON.stringify(fields), kind, JSON.stringify(dateOrders), now);
    },
  };
}
