import type { Migration } from '../migration-types';

/**
 * Remembers, with a file layout's column mapping, which way round the owner said its dates are
 * (03/04 as 3 April or 4 March), so next month's export from the same till is not asked again.
 * JSON object: column index → 'dmy' | 'mdy' | 'ymd'. Older mappings remember no order.
 */
export const mappingDateOrders: Migration = {
  version: 6,
  name: 'mapping-date-orders',
  up: (db) => {
    db.exec(`ALTER TABLE import_mappings ADD COLUMN date_orders TEXT NOT NULL DEFAULT '{}'`);
  },
};
