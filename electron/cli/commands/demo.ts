import { generateDemoShop } from '../../services/demo';
import type { CliCommand } from '../command';
import { intOption } from '../io';

export const demoCommand: CliCommand = {
  name: 'demo',
  usage: 'demo [--customers N] [--seed S] [--years Y] [--until YYYY-MM-DD]   fill the data file with a demo bakery',
  options: { customers: { type: 'string' }, seed: { type: 'string' }, years: { type: 'string' }, until: { type: 'string' } },
  run({ ctx, values, out }) {
    const started = Date.now();
    const summary = generateDemoShop(ctx, {
      customers: intOption(values.customers, 'customers', 1500, 1, 1_000_000),
      seed: intOption(values.seed, 'seed', 42),
      years: intOption(values.years, 'years', 2, 1, 20),
      ...(typeof values.until === 'string' ? { until: values.until } : {}),
    });
    out.print(
      `Demo bakery created: ${summary.customers} customers, ${summary.visits} visits, ${summary.feedback} feedback entries ` +
        `(${summary.firstDate} to ${summary.lastDate}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      summary,
    );
  },
};
