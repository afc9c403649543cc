import { describe, expect, it } from 'vitest';
import { applyImport, identityOf, type CustomerFacts, type VisitRowIn } from '../../../electron/services/import/apply';
import { undoImport } from '../../../electron/services/import/undo';
import { AppError } from '../../../shared/ipc/result';
import { dump, op, tempShop } from '../../support/db';

const facts = (over: Partial<CustomerFacts>): CustomerFacts => ({
  externalRef: null, name: null, email: null, phone: null, birthday: null, notes: null, tags: [], marketingConsent: null, ...over,
});

const visit = (row: number, customer: Partial<CustomerFacts>, date: string, amountCents: number): VisitRowIn => ({
  row, fingerprint: `fp-${row}-${date}-${amountCents}-${customer.name ?? customer.email ?? ''}`, customer: facts(customer), date, amountCents, items: '', staff: null, paymentMethod: null,
});

/** The shop's data without the import history tables (which keep a record of the undone import). */
const data = (d: Record<string, unknown[]>) => ({ customers: d.customers, visits: d.visits, feedback: d.feedback, settings: d.settings });

async function shopWithCustomers() {
  const shop = tempShop();
  const anna = await op(shop, 'customers:create', { name: 'Anna Smith', email: 'anna@example.com' });
  const bob = await op(shop, 'customers:create', { name: 'Bob Jones', phone: '+44 7700 900111', notes: 'Allergic to nuts' });
  await op(shop, 'visits:log', { customerId: anna.id, date: '2026-01-05', amountCents: 900 });
  return { shop, anna, bob };
}

describe('applying an import', () => {
  it('matches by external id, then email, then phone, then exact name, and creates the rest', async () => {
    const { shop, anna, bob } = await shopWithCustomers();
    const rows = [
      visit(2, { name: 'A. Smith', email: 'anna@example.com' }, '2026-02-01', 1200),
      visit(3, { name: 'Robert Jones', phone: '07700 900111' }, '2026-02-02', 500),
      visit(4, { name: 'anna smith' }, '2026-02-03', 700),
      visit(5, { name: 'Cara New' }, '2026-02-04', 300),
      visit(6, { name: 'Cara New' }, '2026-02-05', -100),
    ];
    // phone "07700 900111" and "+44 7700 900111" differ in digits: only a normalised phone matches,
    // which the parsing layer provides; here the row carries the normalised form.
    rows[1]!.customer.phone = '+44 7700 900111';
    const s = applyImport(shop, { kind: 'visits', rows }, { fileName: 'sales.csv', rowsRead: 5 });
    expect(s).toMatchObject({ customersCreated: 1, visitsCreated: 5, visitsRevenueCents: 2600, firstDate: '2026-02-01', lastDate: '2026-02-05', duplicatesSkipped: 0 });
    const annaNow = await op(shop, 'customers:get', { id: anna.id });
    expect(annaNow.stats.visits).toBe(3);
    expect((await op(shop, 'customers:get', { id: bob.id })).stats.visits).toBe(1);
  });

  it('importing the same file twice adds nothing the second time; true repeats in one file are kept', async () => {
    const { shop } = await shopWithCustomers();
    const rows = [visit(2, { name: 'Dan' }, '2026-03-01', 450), visit(3, { name: 'Dan' }, '2026-03-01', 450)];
    const first = applyImport(shop, { kind: 'visits', rows }, { fileName: 'x.csv', rowsRead: 2 });
    expect(first.visitsCreated).toBe(2);
    const before = data(dump(shop.db));
    const second = applyImport(shop, { kind: 'visits', rows }, { fileName: 'x.csv', rowsRead: 2 });
    expect(second).toMatchObject({ visitsCreated: 0, duplicatesSkipped: 2, customersCreated: 0 });
    expect(data(dump(shop.db))).toEqual(before);
  });

  it('visit and feedback rows fill in a known customer\'s empty details too, and undo takes them back', async () => {
    const { shop, anna, bob } = await shopWithCustomers();
    const before = data(dump(shop.db));
    // Bob (matched by name) has no email yet; the file has one on every row. Anna's email is kept.
    const rows = [
      visit(2, { name: 'Bob Jones', email: 'bob@jones.uk' }, '2026-02-01', 500),
      visit(3, { name: 'Bob Jones', email: 'bob@jones.uk' }, '2026-02-08', 600),
      visit(4, { name: 'Anna Smith', email: 'anna@other.example' }, '2026-02-09', 700),
    ];
    const s = applyImport(shop, { kind: 'visits', rows }, { fileName: 'sales.csv', rowsRead: 3 });
    expect(s).toMatchObject({ customersUpdated: 1, customersCreated: 0, visitsCreated: 3 });
    expect((await op(shop, 'customers:get', { id: bob.id })).customer).toMatchObject({ email: 'bob@jones.uk', notes: 'Allergic to nuts' });
    expect((await op(shop, 'customers:get', { id: anna.id })).customer.email).toBe('anna@example.com');
    // One change record for Bob, however many of his rows there were.
    expect(shop.db.prepare(`SELECT action, count(*) AS n FROM import_changes WHERE import_id = ? AND row_id = ? GROUP BY action`).all(s.importId, bob.id)).toEqual([{ action: 'update', n: 1 }]);

    const feedback = applyImport(
      shop,
      { kind: 'feedback', rows: [{ row: 2, fingerprint: 'nps-1', customer: facts({ name: 'Bob Jones', phone: '+44 7700 900999', birthday: '1980-02-03' }), date: '2026-02-10', nps: 9, rating: null, comment: '' }] },
      { fileName: 'survey.csv', rowsRead: 1 },
    );
    // The stored phone stays; the empty birthday is filled.
    expect(feedback).toMatchObject({ feedbackCreated: 1, customersUpdated: 1 });
    expect((await op(shop, 'customers:get', { id: bob.id })).customer).toMatchObject({ phone: '+44 7700 900111', birthday: '1980-02-03' });

    undoImport(shop, feedback.importId!);
    undoImport(shop, s.importId!);
    expect(data(dump(shop.db))).toEqual(before);
  });

  it('customer rows fill empty fields and never wipe data with blanks', async () => {
    const { shop, bob } = await shopWithCustomers();
    const s = applyImport(
      shop,
      { kind: 'customers', rows: [{ row: 2, fingerprint: 'c2', customer: facts({ name: 'Bob Jones', phone: '+44 7700 900111', email: 'bob@jones.uk', notes: null, birthday: '1980-04-01' }) }] },
      { fileName: 'clients.xlsx', rowsRead: 1 },
    );
    expect(s).toMatchObject({ customersUpdated: 1, customersCreated: 0 });
    const now = (await op(shop, 'customers:get', { id: bob.id })).customer;
    expect(now).toMatchObject({ email: 'bob@jones.uk', birthday: '1980-04-01', notes: 'Allergic to nuts', phone: '+44 7700 900111' });
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    const { shop } = await shopWithCustomers();
    const before = dump(shop.db);
    const s = applyImport(shop, { kind: 'visits', rows: [visit(2, { name: 'Eve' }, '2026-03-01', 450)] }, { fileName: 'x.csv', rowsRead: 1, dryRun: true });
    expect(s).toMatchObject({ importId: null, customersCreated: 1, visitsCreated: 1 });
    expect(dump(shop.db)).toEqual(before);
  });

  it('cancelling mid-import leaves nothing', async () => {
    const { shop } = await shopWithCustomers();
    const before = dump(shop.db);
    const rows = Array.from({ length: 5000 }, (_, i) => visit(i + 2, { name: `P${i}` }, '2026-03-01', 100 + i));
    const signal = { cancelled: false };
    let reports = 0;
    const ctx = { ...shop, signal, onProgress: () => { reports++; signal.cancelled = true; } };
    expect(() => applyImport(ctx, { kind: 'visits', rows }, { fileName: 'big.csv', rowsRead: rows.length })).toThrow(/cancelled/);
    expect(reports).toBeGreaterThan(0);
    expect(dump(shop.db)).toEqual(before);
  });

  it('a bad row in the middle rolls the whole import back', async () => {
    const { shop } = await shopWithCustomers();
    const before = dump(shop.db);
    const rows = [visit(2, { name: 'Fay' }, '2026-03-01', 100), visit(3, {}, '2026-03-02', 100)];
    expect(() => applyImport(shop, { kind: 'visits', rows }, { fileName: 'x.csv', rowsRead: 2 })).toThrow(/Row 3/);
    expect(dump(shop.db)).toEqual(before);
  });
});

describe('undoing an import', () => {
  it('restores an identical database after an import that created, updated and merged', async () => {
    const { shop, anna, bob } = await shopWithCustomers();
    const before = data(dump(shop.db));
    const merged = facts({ name: 'J. Smith', email: 'js@work.com', phone: '+44 7000 123456' });
    const s1 = applyImport(
      shop,
      {
        kind: 'customers',
        rows: [
          { row: 2, fingerprint: 'a', customer: facts({ name: 'Bob Jones', phone: '+44 7700 900111', email: 'bob@jones.uk' }) },
          { row: 3, fingerprint: 'b', customer: facts({ name: 'Gus New', email: 'gus@new.io' }) },
          { row: 4, fingerprint: 'c', customer: merged },
        ],
      },
      { fileName: 'clients.csv', rowsRead: 3, mergeInto: { [identityOf(merged)]: anna.id } },
    );
    expect(s1).toMatchObject({ customersUpdated: 1, customersCreated: 1, customersMerged: 1 });
    const s2 = applyImport(shop, { kind: 'visits', rows: [visit(2, { name: 'Gus New', email: 'gus@new.io' }, '2026-04-01', 800), visit(3, { email: 'bob@jones.uk' }, '2026-04-02', 600)] }, { fileName: 'v.csv', rowsRead: 2 });
    expect(s2.visitsCreated).toBe(2);
    expect((await op(shop, 'customers:get', { id: anna.id })).customer.phone).toBe('+44 7000 123456');

    undoImport(shop, s2.importId!);
    undoImport(shop, s1.importId!);
    expect(data(dump(shop.db))).toEqual(before);
    expect((await op(shop, 'customers:get', { id: bob.id })).customer.email).toBeNull();
  });

  it('refuses and names the record when a customer was edited after the import', async () => {
    const { shop, bob } = await shopWithCustomers();
    const s = applyImport(shop, { kind: 'customers', rows: [{ row: 2, fingerprint: 'a', customer: facts({ name: 'Bob Jones', phone: '+44 7700 900111', email: 'bob@jones.uk' }) }] }, { fileName: 'c.csv', rowsRead: 1 });
    await op(shop, 'customers:update', { id: bob.id, patch: { notes: 'Now likes rye' } });
    const before = dump(shop.db);
    let error: unknown;
    try {
      undoImport(shop, s.importId!);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CONFLICT');
    expect((error as AppError).message).toMatch(/Bob Jones was edited after the import/);
    expect((error as AppError).message).not.toMatch(/#\d|later import/);
    expect(dump(shop.db)).toEqual(before);
  });

  it('refuses when a visit was logged by hand for a customer the import created', async () => {
    const { shop } = await shopWithCustomers();
    const s = applyImport(shop, { kind: 'visits', rows: [visit(2, { name: 'Hal' }, '2026-04-01', 800)] }, { fileName: 'v.csv', rowsRead: 1 });
    const hal = (await op(shop, 'customers:search', { query: 'Hal' }))[0]!;
    await op(shop, 'visits:log', { customerId: hal.id, date: '2026-05-01', amountCents: 100 });
    expect(() => undoImport(shop, s.importId!)).toThrow(/Hal has visits or feedback added after the import/);
  });

  it('names the later import that changed its customers, and says to undo that one first', async () => {
    const { shop } = await shopWithCustomers();
    const sales = applyImport(shop, { kind: 'visits', rows: [visit(2, { name: 'Rui Costa' }, '2026-04-01', 800), visit(3, { name: 'Ines Sousa' }, '2026-04-02', 500)] }, { fileName: 'Visits sheet', rowsRead: 2 });
    const details = applyImport(
      shop,
      { kind: 'customers', rows: [{ row: 2, fingerprint: 'r', customer: facts({ name: 'Rui Costa', email: 'rui@costa.pt' }) }] },
      { fileName: 'Customers sheet', rowsRead: 1 },
    );
    const more = applyImport(shop, { kind: 'visits', rows: [visit(2, { name: 'Ines Sousa' }, '2026-05-02', 700)] }, { fileName: 'May sales.csv', rowsRead: 1 });
    const before = dump(shop.db);
    let message = '';
    try {
      undoImport(shop, sales.importId!);
    } catch (e) {
      message = (e as AppError).message;
    }
    expect(message).toContain('Rui Costa was changed by the later import of Customers sheet');
    expect(message).toContain('Ines Sousa has visits or feedback from the later import of May sales.csv');
    expect(message).toContain('Undo the later import first');
    expect(dump(shop.db)).toEqual(before);
    // Undone newest first, each goes.
    undoImport(shop, more.importId!);
    undoImport(shop, details.importId!);
    expect(undoImport(shop, sales.importId!)).toMatchObject({ customersRemoved: 2, visitsRemoved: 2 });
  });

  it('cannot undo twice', async () => {
    const { shop } = await shopWithCustomers();
    const s = applyImport(shop, { kind: 'visits', rows: [visit(2, { name: 'Ivy' }, '2026-04-01', 800)] }, { fileName: 'v.csv', rowsRead: 1 });
    undoImport(shop, s.importId!);
    expect(() => undoImport(shop, s.importId!)).toThrow(/already undone/);
  });
});
