import type { Db } from '../connection';
import type { Customer, CustomerRow, Page } from '../../../shared/domain/types';
import { CUSTOMER_COLUMNS, toCustomer, type CustomerRecordRow } from '../rows';
import type { CustomerSort } from '../../../shared/ipc/schemas';
import { phoneDigits, searchKey } from '../../../shared/domain/text';

interface CustomerListRow {
  id: number;
  name: string;
  phone: string | null;
  email: string | null;
  visit_count: number;
  total_cents: number;
  first_visit: string | null;
  last_visit: string | null;
}

/** The editable fields of a customer, as stored. */
export interface CustomerWrite {
  name: string;
  phone: string | null;
  email: string | null;
  birthday: string | null;
  tags: string[];
  notes: string;
  marketingConsent: boolean;
  externalRef: string | null;
}

const LIST_COLUMNS = 'id, name, phone, email, visit_count, total_cents, first_visit, last_visit';

function toListRow(row: CustomerListRow): CustomerRow {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    visits: row.visit_count,
    totalSpentCents: row.total_cents,
    firstVisit: row.first_visit,
    lastVisit: row.last_visit,
  };
}

function writeParams(fields: CustomerWrite) {
  return {
    name: fields.name,
    name_key: searchKey(fields.name),
    phone: fields.phone,
    phone_digits: fields.phone ? phoneDigits(fields.phone) || null : null,
    email: fields.email,
    birthday: fields.birthday,
    tags: JSON.stringify(fields.tags),
    notes: fields.notes,
    marketing_consent: fields.marketingConsent ? 1 : 0,
    external_ref: fields.externalRef,
  };
}

// Sort columns are whitelisted here; user text never reaches ORDER BY.
const SORT_SQL: Record<CustomerSort, string> = {
  name: 'name_key',
  lastVisit: 'last_visit',
  visits: 'visit_count',
  totalSpent: 'total_cents',
};

/** Escapes LIKE wildcards so "50%" or "a_b" typed in search mean themselves. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * How typed search text is matched: digits look in phone numbers, text with "@" in emails, anything
 * else in names (any part) and emails (start).
 */
function searchWhere(query: string): { sql: string; params: Record<string, string> } | null {
  const text = query.trim();
  if (text === '') return null;
  const digits = phoneDigits(text);
  const key = searchKey(text);
  if (digits.length >= 3 && digits.length >= text.replace(/[\s+()./-]/g, '').length) {
    // "0612…" typed the local way must find "+33 6 12…": the trunk 0 is not stored in international numbers.
    const core = digits.replace(/^0+/, '') || digits;
    return { sql: `phone_digits LIKE :digits ESCAPE '\\'`, params: { digits: `%${likeEscape(core)}%` } };
  }
  if (text.includes('@')) {
    return { sql: `email LIKE :email ESCAPE '\\'`, params: { email: `${likeEscape(text.toLowerCase())}%` } };
  }
  return {
    sql: `(name_key LIKE :name ESCAPE '\\' OR email LIKE :email ESCAPE '\\')`,
    params: { name: `%${likeEscape(key)}%`, email: `${likeEscape(text.toLowerCase())}%` },
  };
}

export function createCustomersRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO customers (name, name_key, phone, phone_digits, email, birthday, tags, notes, marketing_consent,
       external_ref, created_at, updated_at, import_id)
     VALUES (:name, :name_key, :phone, :phone_digits, :email, :birthday, :tags, :notes, :marketing_consent,
       :external_ref, :now, :now, :import_id)`,
  );
  const update = db.prepare(
    `UPDATE customers SET name = :name, name_key = :name_key, phone = :phone, phone_digits = :phone_digits,
       email = :email, birthday = :birthday, tags = :tags, notes = :notes, marketing_consent = :marketing_consent,
       external_ref = :external_ref, updated_at = :now
     WHERE id = :id`,
  );
  const byId = db.prepare<[number], CustomerRecordRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = ?`);
  const statsById = db.prepare<[number], CustomerListRow>(`SELECT ${LIST_COLUMNS} FROM customers WHERE id = ?`);
  const remove = db.prepare('DELETE FROM customers WHERE id = ?');

  return {
    insert(fields: CustomerWrite, now: string, importId: number | null = null): number {
      return Number(insert.run({ ...writeParams(fields), now, import_id: importId }).lastInsertRowid);
    },
    update(id: number, fields: CustomerWrite, now: string): void {
      update.run({ ...writeParams(fields), now, id });
    },
    get(id: number): Customer | null {
      const row = byId.get(id);
      return row ? toCustomer(row) : null;
    },
    stats(id: number): CustomerRow | null {
      const row = statsById.get(id);
      return row ? toListRow(row) : null;
    },
    delete(id: number): boolean {
      return remove.run(id).changes > 0;
    },
    findByExternalRef(ref: string): Customer | null {
      const row = db.prepare<[string], CustomerRecordRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE external_ref = ?`).get(ref);
      return row ? toCustomer(row) : null;
    },
    /** One page of the customer list, sorted and filtered; customers with no visits sort last by date. */
    list(options: { query: string; sort: CustomerSort; direction: 'asc' | 'desc'; offset: number; limit: number; ids?: number[] }): Page<CustomerRow> {
      const where: string[] = [];
      const params: Record<string, string | number> = {};
      const search = searchWhere(options.query);
      if (search) {
        where.push(search.sql);
        Object.assign(params, search.params);
      }
      if (options.ids) {
        where.push(`id IN (SELECT value FROM json_each(:ids))`);
        params.ids = JSON.stringify(options.ids);
      }
      const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const dir = options.direction === 'desc' ? 'DESC' : 'ASC';
      const nulls = options.sort === 'lastVisit' ? 'NULLS LAST' : '';
      const total = (db.prepare(`SELECT count(*) AS n FROM customers ${whereSql}`).get(params) as { n: number }).n;
      const rows = db
        .prepare<Record<string, string | number>, CustomerListRow>(
          `SELECT ${LIST_COLUMNS} FROM customers ${whereSql}
           ORDER BY ${SORT_SQL[options.sort]} ${dir} ${nulls}, name_key ASC, id ASC LIMIT :limit OFFSET :offset`,
        )
        .all({ ...params, limit: options.limit, offset: options.offset });
      return { rows: rows.map(toListRow), total };
    },
    /** Search as you type: names starting with the text first, then the most recent customers. */
    search(query: string, limit: number): CustomerRow[] {
      const search = searchWhere(query);
      if (!search) {
        return db
          .prepare<[number], CustomerListRow>(`SELECT ${LIST_COLUMNS} FROM customers ORDER BY last_visit DESC NULLS LAST LIMIT ?`)
          .all(limit)
          .map(toListRow);
      }
      const key = searchKey(query);
      return db
        .prepare<Record<string, string | number>, CustomerListRow>(
          `SELECT ${LIST_COLUMNS} FROM customers WHERE ${search.sql}
           ORDER BY (name_key LIKE :prefix ESCAPE '\\') DESC, last_visit DESC NULLS LAST, id LIMIT :limit`,
        )
        .all({ ...search.params, prefix: `${likeEscape(key)}%`, limit })
        .map(toListRow);
    },
    count(): number {
      return (db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
    },
  };
}

export type CustomersRepository = ReturnType<typeof createCustomersRepository>;
