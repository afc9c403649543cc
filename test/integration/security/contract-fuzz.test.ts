/**
 * Hostile input over the WHOLE contract (property tests with fast-check). Every caller — Electron
 * IPC, the web bridge, the CLI — goes through `dispatch`, so this is where a malformed input must be
 * stopped: it comes back as BAD_INPUT and nothing in the data file (or beside it) changes.
 *
 * Inputs are made two ways: by mutating a valid input of each operation (a field swapped for a value
 * of another type, a field removed, a value from a list of nasty ones) and as random JSON. The
 * contract's own schema decides whether an input is malformed; the property is that the back end
 * never acts on one. Operations added later without a sample below are still fuzzed with random JSON.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { contract, OP_NAMES, type OpName } from '../../../shared/ipc/contract';
import { dispatch } from '../../../electron/services/dispatch';
import { dump, op, tempShop } from '../../support/db';

const shop = tempShop();
const quietly = () => undefined;

/** A valid input for each operation, against the shop set up in beforeAll (customer, visit, feedback #1). */
const VALID: Partial<Record<OpName, Record<string, unknown>>> = {
  'customers:create': { name: 'Ann Example', phone: '+44 7700 900123', email: 'ann@example.com', tags: ['vip'], notes: 'likes rye' },
  'customers:update': { id: 1, patch: { name: 'Ann B', notes: 'n' } },
  'customers:delete': { id: 1 },
  'customers:get': { id: 1 },
  'customers:list': { query: 'ann', sort: 'name', direction: 'asc', offset: 0, limit: 10 },
  'customers:search': { query: 'ann', limit: 5 },
  'visits:log': { customerId: 1, date: '2026-11-01', amountCents: 450, items: 'bread' },
  'visits:update': { id: 1, patch: { amountCents: 500 } },
  'visits:delete': { id: 1 },
  'visits:quickLog': { customerId: 1, date: '2026-11-01', amountCents: 300, nps: 9 },
  'feedback:log': { customerId: 1, date: '2026-11-01', nps: 3, comment: 'cold coffee' },
  'feedback:list': { filter: 'open', offset: 0, limit: 10 },
  'feedback:setFollowUp': { id: 1, done: true, note: 'called' },
  'feedback:delete': { id: 1 },
  'settings:get': {},
  'settings:update': { shopName: 'The Shop', marginPct: 30 },
  'shop:overview': {},
  'metrics:compute': { asOf: '2026-11-01', horizonDays: 90 },
  'insights:get': { asOf: '2026-11-01' },
  'insights:members': { segment: 'champions' },
  'customers:insight': { id: 1 },
  'today:get': {},
  'today:done': { customerId: 1, reason: 'birthday' },
  'backups:list': { folder: '/tmp' },
  'backups:create': { folder: '/tmp/regulars-fuzz-never' },
  'backups:inspect': { file: 'regulars-2026-11-20T10-00-00-000Z-manual.sqlite' },
  'backups:restore': { file: 'regulars-2026-11-20T10-00-00-000Z-manual.sqlite' },
  'data:export': { folder: '/tmp/regulars-fuzz-never' },
  'data:check': {},
  'data:status': {},
  'customers:export': { id: 1 },
  'customers:erase': { id: 1 },
  'customers:eraseInactive': { years: 3, dryRun: false },
};

/** Values that have broken real programs: wrong types, huge and tiny numbers, odd strings, prototype keys. */
const NASTY: unknown[] = [
  null, undefined, true, 0, -1, 1.5, 2 ** 53, -(2 ** 31), Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY,
  '', ' ', 'x'.repeat(100_000), "'; DROP TABLE customers; --", '%', '_', '\u0000', '../../etc/passwd', '2026-02-30', '9999-99-99',
  [], [1, 2, 3], {}, { __proto__: { polluted: true } }, JSON.parse('{"__proto__": {"polluted": true}}'), { constructor: { prototype: 1 } },
];

type Path = (string | number)[];

/** Every path to a value inside an input (object keys and array items, nested). */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, v]) => pathsOf(v, [...prefix, key]))];
}

function withChange(input: unknown, path: Path, change: { remove: true } | { value: unknown }): unknown {
  if (path.length === 0) return 'remove' in change ? undefined : change.value;
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if ('remove' in change) delete node[last];
  else node[last] = change.value;
  return copy;
}

/** Mutations of one valid input: one or two changes at random places. */
function mutated(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const change = fc.oneof(
    fc.constant({ remove: true as const }),
    fc.constantFrom(...NASTY).map((value) => ({ value })),
    fc.anything({ maxDepth: 2 }).map((value) => ({ value })),
  );
  const step = fc.tuple(fc.constantFrom(...paths), change);
  return fc.array(step, { minLength: 1, maxLength: 2 }).map((steps) => {
    let input: unknown = valid;
    for (const [path, c] of steps) {
      try {
        input = withChange(input, path, c);
      } catch {
        // the path vanished in an earlier step: keep the input as it is
      }
    }
    return input;
  });
}

/** Files beside the data file (backups, exports): a refused call must not write any. */
const filesBeside = () => readdirSync(shop.dir).sort().join('\n');

describe('every contract operation refuses malformed input without side effects', () => {
  beforeAll(async () => {
    const customer = await op(shop, 'customers:create', { name: 'Fuzz Target', email: 'fuzz@example.com' });
    await op(shop, 'visits:log', { customerId: customer.id, date: '2026-10-01', amountCents: 1000 });
    await op(shop, 'feedback:log', { customerId: customer.id, date: '2026-10-01', nps: 2, comment: 'meh' });
  });

  it('has a valid sample for the operations it mutates (the samples themselves are valid)', () => {
    for (const [name, input] of Object.entries(VALID)) {
      const parsed = contract[name as OpName].input.safeParse(input);
      expect(parsed.success, `${name}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    }
  });

  it.each(OP_NAMES)('%s', async (name) => {
    const before = dump(shop.db);
    const filesBefore = filesBeside();
    const schema = contract[name].input;
    const valid = VALID[name];
    let refused = 0;
    const inputs = valid ? fc.oneof({ weight: 3, arbitrary: mutated(valid) }, { weight: 1, arbitrary: fc.jsonValue() }) : fc.jsonValue();
    await fc.assert(
      fc.asyncProperty(inputs, async (input) => {
        if (schema.safeParse(input ?? {}).success) return; // a valid input: not this test's business
        refused++;
        const result = await dispatch(shop, name, input, quietly);
        expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
        expect(dump(shop.db)).toEqual(before);
      }),
      { numRuns: 80, seed: 20261120 },
    );
    expect(filesBeside()).toBe(filesBefore);
    // The property must have been exercised, not skipped: most generated inputs are malformed.
    expect(refused).toBeGreaterThan(20);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('unknown operation names, and names that look like object internals, are refused', async () => {
    for (const name of ['customers:drop', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 42, null, 'CUSTOMERS:GET']) {
      expect(await dispatch(shop, name, {}, quietly)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
  });
});

describe('search text with SQL and wildcard characters is only text', () => {
  const names = ['100% Butter', 'Under_score Bakery', "Pat O'Brien", 'Say "--hi"', 'Semi;colon', 'Plain Person', 'Back\\slash'];

  beforeAll(async () => {
    for (const name of names) await op(shop, 'customers:create', { name });
  });

  it.each([
    ['%', ['100% Butter']],
    ['_', ['Under_score Bakery']],
    ["'", ["Pat O'Brien"]],
    ["o'b", ["Pat O'Brien"]],
    ['"--', ['Say "--hi"']],
    [';', ['Semi;colon']],
    ['\\', ['Back\\slash']],
    ["' OR 1=1 --", []],
    ['%_%', []],
    ["'; DELETE FROM customers; --", []],
  ])('%s finds exactly %j', async (query, expected) => {
    const before = dump(shop.db);
    const found = await op(shop, 'customers:search', { query, limit: 50 });
    expect(found.map((c) => c.name).sort()).toEqual([...expected].sort());
    const listed = await op(shop, 'customers:list', { query });
    expect(listed.rows.map((c) => c.name).sort()).toEqual([...expected].sort());
    expect(dump(shop.db)).toEqual(before);
  });
});
