import path from 'node:path';
import { plural } from '../../../shared/domain/text';
import { call } from '../../services/dispatch';
import type { CliCommand } from '../command';
import { intOption, UsageError } from '../io';

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export --out DIR [--customer ID]   write all data (or one customer\'s) as CSV and JSON files',
  options: { out: { type: 'string' }, customer: { type: 'string' } },
  async run({ ctx, values, out }) {
    if (typeof values.out !== 'string' || values.out.trim() === '') throw new UsageError('Give a folder to export to: --out DIR');
    const folder = path.resolve(values.out);
    if (values.customer !== undefined) {
      const id = intOption(values.customer, 'customer', 0, 1);
      const result = await call(ctx, 'customers:export', { id, folder });
      out.print(`Exported customer #${id} (${plural(result.data.visits.length, 'visit', 'visits')}, ${result.data.feedback.length.toLocaleString('en-GB')} feedback) to ${result.folder}`, result);
      return;
    }
    const result = await call(ctx, 'data:export', { folder });
    out.print(
      `Exported ${plural(result.customers, 'customer', 'customers')}, ${plural(result.visits, 'visit', 'visits')} and ${plural(result.feedback, 'feedback entry', 'feedback entries')} to ${result.folder}:\n` +
        result.files.map((f) => `  ${path.basename(f)}`).join('\n'),
      result,
    );
  },
};
