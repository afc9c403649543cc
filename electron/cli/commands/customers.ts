import { call } from '../../services/dispatch';
import type { CliCommand } from '../command';
import { intOption } from '../io';

export const customersCommand: CliCommand = {
  name: 'customers',
  usage: 'customers [--search TEXT] [--limit N]   list customers (name, phone, visits, total, last visit)',
  options: { search: { type: 'string' }, limit: { type: 'string' } },
  async run({ ctx, values, out }) {
    const page = await call(ctx, 'customers:list', {
      query: typeof values.search === 'string' ? values.search : '',
      sort: 'name',
      limit: intOption(values.limit, 'limit', 50, 1, 1000),
    });
    const lines = page.rows.map(
      (c) => `${String(c.id).padStart(6)}  ${c.name.padEnd(28)} ${(c.phone ?? '').padEnd(15)} ${String(c.visits).padStart(5)} visits  ${(c.totalSpentCents / 100).toFixed(2).padStart(10)}  ${c.lastVisit ?? '-'}`,
    );
    out.print([...lines, `${page.rows.length} of ${page.total} customers`].join('\n'), page);
  },
};
