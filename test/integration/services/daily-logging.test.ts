import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/services/dispatch';
import { dump, op, tempShop } from '../../support/db';

describe('customers', () => {
  it('creates, reads, updates and deletes a customer on a real SQLite file', async () => {
    const shop = tempShop();
    const created = await op(shop, 'customers:create', { name: '  Anna   Smith ', email: 'Anna@Example.COM', phone: '+44 7700 900123' });
    expect(created).toMatchObject({ name: 'Anna Smith', email: 'anna@example.com', phone: '+44 7700 900123', tags: [], marketingConsent: false });
    const updated = await op(shop, 'customers:update', { id: created.id, patch: { notes: 'Likes rye', marketingConsent: true } });
    expect(updated).toMatchObject({ name: 'Anna Smith', notes: 'Likes rye', marketingConsent: true, email: 'anna@example.com' });
    const cleared = await op(shop, 'customers:update', { id: created.id, patch: { email: '' } });
    expect(cleared.email).toBeNull();
    await op(shop, 'customers:delete', { id: created.id });
    const gone = await dispatch(shop, 'customers:get', { id: created.id });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a second customer with the same external reference', async () => {
    const shop = tempShop();
    await op(shop, 'customers:create', { name: 'A', externalRef: 'SQ-1' });
    const again = await dispatch(shop, 'customers:create', { name: 'B', externalRef: 'SQ-1' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('keeps visit totals on the customer row in step with visits (log, edit, delete)', async () => {
    const shop = tempShop();
    const c = await op(shop, 'customers:create', { name: 'Ben' });
    const v1 = await op(shop, 'visits:log', { customerId: c.id, date: '2026-03-01', amountCents: 1250 });
    await op(shop, 'visits:log', { customerId: c.id, date: '2026-01-15', amountCents: 800 });
    let detail = await op(shop, 'customers:get', { id: c.id });
    expect(detail.stats).toEqual({ visits: 2, totalSpentCents: 2050, firstVisit: '2026-01-15', lastVisit: '2026-03-01' });
    await op(shop, 'visits:update', { id: v1.id, patch: { amountCents: -300, date: '2026-02-01' } });
    detail = await op(shop, 'customers:get', { id: c.id });
    expect(detail.stats).toEqual({ visits: 2, totalSpentCents: 500, firstVisit: '2026-01-15', lastVisit: '2026-02-01' });
    await op(shop, 'visits:delete', { id: v1.id });
    detail = await op(shop, 'customers:get', { id: c.id });
    expect(detail.stats).toEqual({ visits: 1, totalSpentCents: 800, firstVisit: '2026-01-15', lastVisit: '2026-01-15' });
  });

  it('lists a timeline of visits and feedback, newest first', async () => {
    const shop = tempShop();
    const c = await op(shop, 'customers:create', { name: 'Cleo' });
    await op(shop, 'visits:log', { customerId: c.id, date: '2026-05-01', amountCents: 500 });
    await op(shop, 'feedback:log', { customerId: c.id, date: '2026-05-03', rating: 5, comment: 'Lovely' });
    await op(shop, 'visits:log', { customerId: c.id, date: '2026-04-01', amountCents: 700 });
    const detail = await op(shop, 'customers:get', { id: c.id });
    expect(detail.timeline.map((e) => (e.kind === 'visit' ? `v${e.visit.date}` : `f${e.feedback.date}`))).toEqual([
      'f2026-05-03',
      'v2026-05-01',
      'v2026-04-01',
    ]);
  });
});

describe('search and list', () => {
  async function shopWithPeople() {
    const shop = tempShop();
    const people = [
      { name: 'Zoë Martin', phone: '+33 6 12 34 56 78', email: 'zoe@example.fr' },
      { name: 'Martin Zola', phone: '+44 7700 900456', email: 'mz@example.co.uk' },
      { name: 'Ann 50% Off', phone: null, email: null },
      { name: "Bob O'Brien", phone: '07700 111222', email: 'bob@pub.ie' },
    ];
    for (const p of people) await op(shop, 'customers:create', p);
    return shop;
  }

  it.each([
    ['zoe', ['Zoë Martin']],
    ['MART', ['Martin Zola', 'Zoë Martin']],
    ['1234', ['Zoë Martin']],
    ['0612', ['Zoë Martin']],
    ['7700', ['Martin Zola', "Bob O'Brien"]],
    ['bob@', ["Bob O'Brien"]],
    ['mz@ex', ['Martin Zola']],
    ['50%', ['Ann 50% Off']],
    ['%', ['Ann 50% Off']],
    ['_', []],
    ["o'b", ["Bob O'Brien"]],
    ["'; DROP TABLE customers; --", []],
  ])('search %j finds %j', async (query, names) => {
    const shop = await shopWithPeople();
    const found = await op(shop, 'customers:search', { query });
    expect(found.map((c) => c.name).sort()).toEqual([...names].sort());
    expect((await op(shop, 'shop:overview', {})).customers).toBe(4);
  });

  it('pages and sorts the list; people with no visits sort last by last visit', async () => {
    const shop = await shopWithPeople();
    const [zoe, martin] = (await op(shop, 'customers:list', { sort: 'name' })).rows.filter((r) => /Mart/.test(r.name)).sort((a, b) => a.id - b.id);
    await op(shop, 'visits:log', { customerId: zoe!.id, date: '2026-01-01', amountCents: 100 });
    await op(shop, 'visits:log', { customerId: martin!.id, date: '2026-02-01', amountCents: 5000 });
    await op(shop, 'visits:log', { customerId: martin!.id, date: '2026-02-02', amountCents: 10 });
    const byLast = await op(shop, 'customers:list', { sort: 'lastVisit', direction: 'desc' });
    expect(byLast.rows.map((r) => r.name).slice(0, 2)).toEqual(['Martin Zola', 'Zoë Martin']);
    expect(byLast.rows.slice(2).every((r) => r.lastVisit === null)).toBe(true);
    const bySpend = await op(shop, 'customers:list', { sort: 'totalSpent', direction: 'desc', limit: 1 });
    expect(bySpend).toMatchObject({ total: 4, rows: [{ name: 'Martin Zola', totalSpentCents: 5010, visits: 2 }] });
    const page2 = await op(shop, 'customers:list', { sort: 'name', offset: 2, limit: 2 });
    expect(page2.rows.map((r) => r.name)).toEqual(['Martin Zola', 'Zoë Martin']);
  });
});

describe('feedback', () => {
  it.each([
    [{ nps: 3 }, 'open'],
    [{ nps: 6 }, 'open'],
    [{ nps: 7 }, 'none'],
    [{ rating: 2 }, 'open'],
    [{ rating: 3 }, 'none'],
    [{ nps: 10, rating: 1 }, 'open'],
    [{ comment: 'ok' }, 'none'],
    [{ nps: 9, followUp: true }, 'open'],
    [{ nps: 0, followUp: false }, 'none'],
  ])('%j opens follow-up: %s', async (answer, state) => {
    const shop = tempShop();
    const f = await op(shop, 'feedback:log', { date: '2026-06-01', ...answer });
    expect(f.followUp).toBe(state);
  });

  it('filters the list and marks a follow-up done with a note', async () => {
    const shop = tempShop();
    const c = await op(shop, 'customers:create', { name: 'Dee' });
    const bad = await op(shop, 'feedback:log', { customerId: c.id, date: '2026-06-01', nps: 2, comment: 'Cold coffee' });
    await op(shop, 'feedback:log', { customerId: c.id, date: '2026-06-02', rating: 1 });
    await op(shop, 'feedback:log', { date: '2026-06-03', nps: 10 });
    expect((await op(shop, 'feedback:list', { filter: 'open' })).total).toBe(2);
    expect((await op(shop, 'feedback:list', { filter: 'detractors' })).rows.map((r) => r.comment)).toEqual(['Cold coffee']);
    expect((await op(shop, 'feedback:list', { filter: 'lowRatings' })).total).toBe(1);
    expect((await op(shop, 'feedback:list', {})).rows[2]).toMatchObject({ customerName: 'Dee', customerId: c.id });
    const done = await op(shop, 'feedback:setFollowUp', { id: bad.id, done: true, note: ' Called, offered a cake ' });
    expect(done).toMatchObject({ followUp: 'done', followUpNote: 'Called, offered a cake' });
    expect((await op(shop, 'shop:overview', {})).openFollowUps).toBe(1);
  });
});

describe('quick log', () => {
  it('creates a new customer, the visit and the feedback together', async () => {
    const shop = tempShop();
    const r = await op(shop, 'visits:quickLog', { newCustomer: { name: 'Eve Adams', phone: '0612345678' }, date: '2026-11-20', amountCents: 1250, nps: 9, comment: 'Great bread' });
    expect(r).toMatchObject({ createdCustomer: true, customer: { name: 'Eve Adams' }, visit: { amountCents: 1250 }, feedback: { nps: 9, comment: 'Great bread', visitId: r.visit!.id } });
  });

  it('logs for an existing customer without feedback', async () => {
    const shop = tempShop();
    const c = await op(shop, 'customers:create', { name: 'Finn' });
    const r = await op(shop, 'visits:quickLog', { customerId: c.id, date: '2026-11-20', amountCents: 480 });
    expect(r).toMatchObject({ createdCustomer: false, feedback: null, visit: { customerId: c.id } });
  });

  it('a failing quick log leaves nothing behind', async () => {
    const shop = tempShop();
    const before = dump(shop.db);
    const r = await dispatch(shop, 'visits:quickLog', { customerId: 999, date: '2026-11-20', amountCents: 480 });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(dump(shop.db)).toEqual(before);
  });
});

describe('settings', () => {
  it('starts with defaults and saves changes', async () => {
    const shop = tempShop();
    expect(await op(shop, 'settings:get', {})).toMatchObject({ currency: 'EUR', activeWindowDays: 90 });
    const saved = await op(shop, 'settings:update', { shopName: 'Rise & Shine Bakery', currency: 'GBP', marginPct: 35 });
    expect(saved).toMatchObject({ shopName: 'Rise & Shine Bakery', currency: 'GBP', marginPct: 35, locale: 'en-GB' });
    expect(await op(shop, 'settings:get', {})).toEqual(saved);
  });
});

describe('bad input gets BAD_INPUT with a sentence a person understands, and changes nothing', () => {
  it.each([
    ['customers:create', { name: '   ' }, /Name: Please enter a name/],
    ['customers:create', { name: 'A', email: 'not-an-email' }, /Email: That email address does not look right/],
    ['customers:create', { name: 'A', phone: 'call me' }, /Phone: A phone number may only hold digits/],
    ['customers:create', { name: 'A', birthday: '2024-02-30' }, /Birthday: That is not a valid date/],
    ['visits:log', { customerId: 1, date: '2026-01-01', amountCents: 'abc' }, /Amount: The amount must be a number/],
    ['visits:log', { customerId: 1, date: '2026-01-01', amountCents: 12.5 }, /Amount: The amount must be in whole cents/],
    ['visits:log', { customerId: 1, date: 'yesterday', amountCents: 100 }, /Date: That is not a valid date/],
    ['feedback:log', { date: '2026-01-01', nps: 11 }, /Recommend score: The recommend score must be from 0 to 10/],
    ['feedback:log', { date: '2026-01-01', rating: 0 }, /Rating: The rating must be from 1 to 5 stars/],
    ['feedback:log', { date: '2026-01-01' }, /needs a recommend score, a rating or a comment/],
    ['settings:update', { currency: 'euros' }, /Currency: Currency must be a three-letter code/],
    ['settings:update', { activeWindowDays: 3 }, /Active window: Active window must be at least 7 days/],
    ['customers:get', { id: -1 }, /positive number/],
    ['nope:nothing', {}, /Unknown operation/],
  ])('%s %j', async (name, input, message) => {
    const shop = tempShop();
    await op(shop, 'customers:create', { name: 'Existing' });
    const before = dump(shop.db);
    const result = await dispatch(shop, name, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BAD_INPUT');
    expect(result.error.message).toMatch(message);
    expect(dump(shop.db)).toEqual(before);
  });
});
