/**
 * The import operations end to end on real SQLite files: the reference orders file as-is, undo of an
 * import that created, updated and merged, cancel in the middle, remembered mappings, duplicate review,
 * history, and files that cannot be read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forCall } from '../../../electron/services/context';
import { dispatch } from '../../../electron/services/dispatch';
import { commitImport } from '../../../electron/services/import/commit';
import { dump, op, tempShop } from '../../support/db';
import { shopData } from './helpers';

const REFERENCE = path.resolve(__dirname, '../../fixtures/reference/rfm_data_orders.csv');

function writeTemp(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function stagePath(ctx: ReturnType<typeof tempShop>, file: string) {
  return op(ctx, 'import:stage', { fileName: path.basename(file), path: file });
}

describe('the reference orders file (rfm_data_orders.csv)', () => {
  it('imports as-is with the totals the file itself gives', async () => {
    // Expected values straight from the CSV: no quoted commas in it, so a plain split reads it.
    const lines = readFileSync(REFERENCE, 'utf8').trim().split(/\r?\n/).slice(1);
    const rows = lines.map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
    const revenueCents = rows.reduce((sum, r) => sum + Math.round(Number(r[2]) * 100), 0);
    const people = new Set(rows.map((r) => r[0]));
    const dates = rows.map((r) => r[1]!).sort();

    const shop = tempShop();
    const staged = await stagePath(shop, REFERENCE);
    const preview = await op(shop, 'import:preview', { stageId: staged.stageId });
    expect(preview.kind).toBe('visits');
    expect(preview.blockers).toEqual([]);
    const outcome = await op(shop, 'import:commit', { stageId: staged.stageId });
    expect(outcome).toMatchObject({
      kind: 'visits',
      rowsRead: rows.length,
      customersCreated: people.size,
      visitsCreated: rows.length,
      visitsRevenueCents: revenueCents,
      firstDate: dates[0],
      lastDate: dates[dates.length - 1],
      rowErrors: [],
    });
    const stored = shop.db.prepare('SELECT count(*) AS n, sum(amount_cents) AS cents FROM visits').get() as { n: number; cents: number };
    expect(stored).toEqual({ n: rows.length, cents: revenueCents });
  });
});

describe('undo', () => {
  it('restores an identical database after an import that created, updated and merged customers', async () => {
    const shop = tempShop();
    const anna = await op(shop, 'customers:create', { name: 'Anna Smith', email: 'anna@example.com' });
    await op(shop, 'visits:log', { customerId: anna.id, date: '2024-04-30', amountCents: 1250 });
    const john = await op(shop, 'customers:create', { name: 'John Smith', phone: '+44 7700 900123' });
    await op(shop, 'customers:create', { name: 'Bob Jones', notes: 'Allergic to nuts' });
    const before = shopData(dump(shop.db));

    const file = writeTemp(
      shop.dir,
      'customers.csv',
      [
        'Name,Email,Phone',
        'Anna Smith,anna@example.com,+44 7700 900999', // matched by email: her empty phone is filled (update)
        'J. Smith,j.smith@example.com,', // probable duplicate of John Smith: merged on the owner's word
        'Cara New,cara@example.com,', // created
        'Bob Jones,,', // matched by name, nothing to fill
      ].join('\n'),
    );
    const staged = await stagePath(shop, file);
    const preview = await op(shop, 'import:preview', { stageId: staged.stageId });
    expect(preview.duplicates).toHaveLength(1);
    expect(preview.duplicates[0]).toMatchObject({ row: 3, inFile: { name: 'J. Smith' }, existing: { id: john.id, name: 'John Smith' } });
    expect(preview.duplicates[0]!.reason).toMatch(/initial/);

    const outcome = await op(shop, 'import:commit', { stageId: staged.stageId, merge: [preview.duplicates[0]!.key] });
    expect(outcome).toMatchObject({ kind: 'customers', customersCreated: 1, customersUpdated: 1, customersMerged: 1 });
    const merged = shop.db.prepare('SELECT email FROM customers WHERE id = ?').get(john.id) as { email: string };
    expect(merged.email).toBe('j.smith@example.com');
    expect(shopData(dump(shop.db))).not.toEqual(before);

    const history = await op(shop, 'imports:list', {});
    expect(history[0]).toMatchObject({ id: outcome.importId, fileName: 'customers.csv', kind: 'customers', customersCreated: 1, customersUpdated: 1, customersMerged: 1, undone: false, undoable: true });

    const undone = await op(shop, 'imports:undo', { importId: outcome.importId! });
    expect(undone).toMatchObject({ visitsRemoved: 0, customersRemoved: 1, customersRestored: 2 });
    expect(undone.message).toBe('Removed 1 customer. 2 customers were put back as they were before.');
    expect(shopData(dump(shop.db))).toEqual(before);
    expect((await op(shop, 'imports:list', {}))[0]).toMatchObject({ undone: true, undoable: false });
  });

  it('refuses with the names of the records edited since, and changes nothing', async () => {
    const shop = tempShop();
    const file = writeTemp(shop.dir, 'customers.csv', 'Name,Email\nNina Frost,nina@example.com\nOtto Lang,otto@example.com\n');
    const outcome = await op(shop, 'import:commit', { stageId: (await stagePath(shop, file)).stageId });
    const nina = shop.db.prepare("SELECT id FROM customers WHERE name = 'Nina Frost'").get() as { id: number };
    await op(shop, 'customers:update', { id: nina.id, patch: { notes: 'Called back' } });
    const before = dump(shop.db);
    await expect(op(shop, 'imports:undo', { importId: outcome.importId! })).rejects.toThrow(/Nina Frost .* edited after the import/);
    expect(dump(shop.db)).toEqual(before);
  });
});

describe('cancel', () => {
  it('stops an import in the middle of saving and leaves nothing written', async () => {
    const shop = tempShop();
    const rows = Array.from({ length: 6000 }, (_, i) => `2024-01-${String((i % 28) + 1).padStart(2, '0')},Person ${i % 900},${(i % 50) + 1}.25`);
    const file = writeTemp(shop.dir, 'big.csv', ['Date,Customer,Amount', ...rows].join('\n'));
    const staged = await stagePath(shop, file);
    const before = dump(shop.db);

    const signal = { cancelled: false };
    let savedBeforeCancel = -1;
    const ctx = forCall(shop, {
      signal,
      onProgress: (p) => {
        // Cancel once saving has started; the writer notices at its next batch.
        if (p.phase === 'saving' && !signal.cancelled) {
          savedBeforeCancel = p.done;
          signal.cancelled = true;
        }
      },
    });
    const result = await dispatch(ctx, 'import:commit', { stageId: staged.stageId });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(savedBeforeCancel).toBeGreaterThanOrEqual(0);
    expect(dump(shop.db)).toEqual(before);
    // The staged file is still there: the owner can try again, and it then imports in full.
    const retry = await op(shop, 'import:commit', { stageId: staged.stageId });
    expect(retry.visitsCreated).toBe(6000);
  });
});

describe('remembered mappings', () => {
  it('maps the next file with the same headers the way the owner confirmed', async () => {
    const shop = tempShop();
    const header = 'Wann,Wer,Wieviel';
    const first = writeTemp(shop.dir, 'march.csv', `${header}\n2024-03-01,Ute Berg,5.00\n2024-03-02,Ute Berg,6.00\n`);
    const staged = await stagePath(shop, first);
    const preview = await op(shop, 'import:preview', { stageId: staged.stageId });
    expect(preview.rememberedMapping).toBe(false);
    // Nobody says "Wann/Wer/Wieviel" in a synonym table: the owner maps the columns by hand.
    expect(preview.blockers.length).toBeGreaterThan(0);
    await op(shop, 'import:commit', { stageId: staged.stageId, kind: 'visits', mapping: ['date', 'name', 'amount'] });

    const second = writeTemp(shop.dir, 'april.csv', `${header}\n2024-04-01,Ute Berg,7.00\n`);
    const next = await op(shop, 'import:preview', { stageId: (await stagePath(shop, second)).stageId });
    expect(next.rememberedMapping).toBe(true);
    expect(next.kind).toBe('visits');
    expect(next.columns.map((c) => c.field)).toEqual(['date', 'name', 'amount']);
    expect(next.blockers).toEqual([]);
  });

  it('reads next month\'s ambiguous dates the way the owner said last time, and says so', async () => {
    const shop = tempShop();
    const header = 'Date,Name,Amount';
    const march = writeTemp(shop.dir, 'march.csv', `${header}\n03/04/2024,Kim Lee,10.00\n05/06/2024,Ray Fox,20.00\n`);
    const first = await op(shop, 'import:preview', { stageId: (await stagePath(shop, march)).stageId });
    expect(first.blockers.map((b) => b.type)).toEqual(['date-format']);
    await op(shop, 'import:commit', { stageId: first.stageId, dateOrders: { '0': 'dmy' } });

    // April's file is just as ambiguous: no question this time, read day first as the owner said.
    const april = writeTemp(shop.dir, 'april.csv', `${header}\n01/02/2024,Kim Lee,11.00\n03/04/2024,Ray Fox,21.00\n`);
    const next = await op(shop, 'import:preview', { stageId: (await stagePath(shop, april)).stageId });
    expect(next.blockers).toEqual([]);
    expect(next.dateColumns[0]).toMatchObject({ format: 'dmy', decidedBy: 'remembered', needsChoice: false });
    expect(next.dateColumns[0]!.explanation).toBe('Read as day/month/year, as you chose last time for a file with these columns.');
    expect(next.rows[0]!.record).toMatchObject({ date: '2024-02-01' });
    // The owner can still turn it round, and a date order for the whole file (the CLI's) wins.
    const turned = await op(shop, 'import:preview', { stageId: next.stageId, dateOrders: { '0': 'mdy' } });
    expect(turned.rows[0]!.record).toMatchObject({ date: '2024-01-02' });
    const cli = commitImport(shop, { stageId: next.stageId, dateFormat: 'mdy', dryRun: true, skipInvalid: false, merge: [] });
    expect(cli).toMatchObject({ firstDate: '2024-01-02', lastDate: '2024-03-04' });

    // A file whose values settle the order keeps its own reading (25/03 cannot be month first).
    const may = writeTemp(shop.dir, 'may.csv', `${header}\n05/25/2024,Kim Lee,12.00\n`);
    const settled = await op(shop, 'import:preview', { stageId: (await stagePath(shop, may)).stageId });
    expect(settled.dateColumns[0]).toMatchObject({ format: 'mdy', decidedBy: 'values' });
  });
});

describe('the preview', () => {
  it('says which country numbers without a country code are read as, from the shop\'s region', async () => {
    const file = path.resolve(__dirname, '../../fixtures/import/kunden-de.csv');
    const phoneNote = async (locale: string | null) => {
      const shop = tempShop();
      if (locale) await op(shop, 'settings:update', { locale });
      const preview = await op(shop, 'import:preview', { stageId: (await stagePath(shop, file)).stageId });
      const phones = preview.columns.find((c) => c.field === 'phone')!;
      return { note: phones.note, stored: preview.rows[0]!.record?.customer?.phone };
    };
    // The default region is the United Kingdom: the German numbers are read as British ones, and the screen says so.
    const uk = await phoneNote(null);
    expect(uk.note).toMatch(/^\d+ numbers are written without a country code, so read as United Kingdom \(\+44\), the region in Settings\. If they are from another country, change the region in Settings first\.$/);
    expect(uk.stored).toBe('+44301234567');
    const de = await phoneNote('de-DE');
    expect(de.note).toContain('read as Germany (+49)');
    expect(de.stored).toBe('+49301234567');
  });

  it('says when a file of the same name was imported before, until that import is undone', async () => {
    const shop = tempShop();
    const file = path.resolve(__dirname, '../../fixtures/import/square-transactions.csv');
    const first = await op(shop, 'import:preview', { stageId: (await stagePath(shop, file)).stageId });
    expect(first.importedBefore).toBeNull();
    const done = await op(shop, 'import:commit', { stageId: first.stageId });
    const again = await op(shop, 'import:preview', { stageId: (await stagePath(shop, file)).stageId });
    expect(again.importedBefore).toEqual({ importId: done.importId, date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    await op(shop, 'imports:undo', { importId: done.importId! });
    expect((await op(shop, 'import:preview', { stageId: again.stageId })).importedBefore).toBeNull();
  });

  it('says when the amounts are written in another currency than the shop\'s, and converts nothing', async () => {
    const file = path.resolve(__dirname, '../../fixtures/import/square-transactions.csv');
    const euros = tempShop();
    const inEuros = await op(euros, 'import:preview', { stageId: (await stagePath(euros, file)).stageId });
    expect(inEuros.moneyColumns[0]!.currencies).toEqual(['$']);
    expect(inEuros.moneyColumns[0]!.explanation).toContain('The file\'s amounts are in $. Regulars keeps the numbers as they are and shows them in your shop\'s currency (EUR); it does not convert between currencies.');
    expect(inEuros.rows[0]!.record).toMatchObject({ amountCents: 1250 });

    const dollars = tempShop();
    await op(dollars, 'settings:update', { currency: 'USD' });
    const inDollars = await op(dollars, 'import:preview', { stageId: (await stagePath(dollars, file)).stageId });
    expect(inDollars.moneyColumns[0]!.explanation).not.toContain('does not convert');
    expect(inDollars.moneyColumns[0]!.explanation).toBe('Read with a decimal point (12.50 is twelve fifty), as the amounts in this column show.');
  });

  it('shows rows as they will be stored, the date decision, the money mark and the row errors', async () => {
    const shop = tempShop();
    const file = path.resolve(__dirname, '../../fixtures/import/sales-with-errors.csv');
    const preview = await op(shop, 'import:preview', { stageId: (await stagePath(shop, file)).stageId });
    expect(preview.columns.map((c) => c.field)).toEqual(['date', 'name', 'amount']);
    expect(preview.columns[0]!.samples).toEqual(['14/02/2024', '31/02/2024', '15/02/2024']);
    expect(preview.dateColumns[0]).toMatchObject({ column: 0, format: 'dmy', decidedBy: 'values', needsChoice: false });
    // 14/02/2024 only fits day-first: the note says so, not that every date reads either way.
    expect(preview.dateColumns[0]!.explanation).toBe('Read as day/month/year: some dates in this column only fit that order.');
    expect(preview.moneyColumns[0]).toMatchObject({ column: 2, decimal: '.' });
    expect(preview.rows[0]).toMatchObject({ row: 2, cells: ['14/02/2024', 'Ivy Hart', '10.00'], record: { date: '2024-02-14', amountCents: 1000 } });
    expect(preview.rows[1]!.record).toBeNull();
    expect(preview.errorCount).toBe(3);
    expect(preview.rowErrors.map((e) => [e.row, e.column])).toEqual([
      [3, 'Date'],
      [4, 'Amount'],
      [6, null],
    ]);
    expect(preview.counts).toEqual({ rowsRead: 5, rowsValid: 2, rowsWithErrors: 3, people: 2 });
    expect(dump(shop.db).visits).toEqual([]);
  });

  it('reports a row whose values would be shifted by an unquoted comma, keeps the others, and ignores trailing commas', async () => {
    const shop = tempShop();
    const csv = ['Date,Customer,Amount', '14/02/2024,Ivy Hart,10.00,,', '15/02/2024,Smith, John,12.50', '16/02/2024,Ben Ode,8.00', ''].join('\n');
    const staged = await stagePath(shop, writeTemp(shop.dir, 'shifted.csv', csv));
    const preview = await op(shop, 'import:preview', { stageId: staged.stageId });
    expect(preview.rowErrors).toEqual([
      expect.objectContaining({ row: 3, column: null, message: expect.stringContaining("Row 3: there is a value in column 4, which has no header ('12.50')") }),
    ]);
    expect(preview.counts).toMatchObject({ rowsRead: 3, rowsValid: 2, rowsWithErrors: 1 });
    await expect(op(shop, 'import:commit', { stageId: staged.stageId })).rejects.toThrow(/Nothing was imported: 1 problem in the file\. Row 3: there is a value in column 4/);
    expect(dump(shop.db).visits).toEqual([]);
    const outcome = await op(shop, 'import:commit', { stageId: staged.stageId, skipInvalid: true });
    expect(outcome).toMatchObject({ visitsCreated: 2, visitsRevenueCents: 1800, errorCount: 1 });
    // Past imports keeps how many rows were left out.
    expect((await op(shop, 'imports:list', {}))[0]).toMatchObject({ rowsRead: 3, visitsCreated: 2, rowsLeftOut: 1 });
  });

  it('lists the sheets of a workbook and reads the one chosen', async () => {
    const shop = tempShop();
    const file = path.resolve(__dirname, '../../fixtures/import/workbook-multi.xlsx');
    const staged = await stagePath(shop, file);
    const first = await op(shop, 'import:preview', { stageId: staged.stageId });
    expect(first.sheets).toEqual(['Summary', 'Customers', 'Visits']);
    expect(first.sheet).toBe('Customers');
    const visits = await op(shop, 'import:preview', { stageId: staged.stageId, sheet: 'Visits' });
    expect(visits).toMatchObject({ sheet: 'Visits', kind: 'visits' });
    await expect(op(shop, 'import:preview', { stageId: staged.stageId, sheet: 'Nope' })).rejects.toThrow('has no sheet called "Nope". Its sheets are: Summary, Customers, Visits.');
    // The empty sheet: pick another one, not "export the file again".
    await expect(op(shop, 'import:preview', { stageId: staged.stageId, sheet: 'Summary' })).rejects.toThrow('The sheet "Summary" of workbook-multi.xlsx is empty. Pick another sheet.');
  });
});

describe('files that cannot be read', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['empty.csv', '', /is empty/],
    ['photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /is a picture, not a spreadsheet/],
    ['truncated.xlsx', readFileSync(path.resolve(__dirname, '../../fixtures/import/sales.xlsx')).subarray(0, 3000), /damaged or was not completely downloaded/],
    ['header-only.csv', 'Date,Customer,Amount\n', /has a header row but no data/],
    ['no-header.csv', '2024-01-01,12.50\n2024-01-02,13.00\n', /has no header row/],
    ['program.csv', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0]), /not a spreadsheet or text file/],
  ];
  it.each(cases)('%s gets one clear sentence and nothing is written', async (name, content, message) => {
    const shop = tempShop();
    const before = dump(shop.db);
    const staged = await stagePath(shop, writeTemp(shop.dir, name, content));
    const result = await dispatch(shop, 'import:preview', { stageId: staged.stageId });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const text = (result as { error: { message: string } }).error.message;
    expect(text).toMatch(message);
    expect(text).toContain(name);
    expect(dump(shop.db)).toEqual(before);
  });

  it('a missing file and a cancelled stage are named plainly', async () => {
    const shop = tempShop();
    await expect(op(shop, 'import:stage', { fileName: 'gone.csv', path: path.join(shop.dir, 'gone.csv') })).rejects.toThrow('Regulars cannot find gone.csv');
    const staged = await op(shop, 'import:stage', { fileName: 'a.csv', dataBase64: Buffer.from('Name\nAda\n').toString('base64') });
    expect(staged.sizeBytes).toBe(9);
    await op(shop, 'import:cancel', { stageId: staged.stageId });
    await expect(op(shop, 'import:preview', { stageId: staged.stageId })).rejects.toThrow('no longer open for import');
  });
});
