import { call } from '../../services/dispatch';
import type { CliCommand } from '../command';
import { intOption, UsageError } from '../io';

export const eraseCustomerCommand: CliCommand = {
  name: 'erase-customer',
  usage: 'erase-customer ID   erase a customer\'s personal details (visits and totals stay)',
  options: {},
  async run({ ctx, positionals, out }) {
    if (positionals.length !== 1) throw new UsageError('Give exactly one customer id: regulars erase-customer ID');
    const id = intOption(positionals[0], 'id', 0, 1);
    const result = await call(ctx, 'customers:erase', { id });
    out.print(result.message, result);
  },
};
