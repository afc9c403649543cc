import { AppError } from '../../../shared/ipc/result';
import { call } from '../../services/dispatch';
import type { CliCommand } from '../command';

export const checkCommand: CliCommand = {
  name: 'check',
  usage: 'check   check the data file (integrity, links, folder, disk); exits 1 with the reason when it is not healthy',
  options: {},
  async run({ ctx, out }) {
    const report = await call(ctx, 'data:check', {});
    if (report.ok) {
      out.print(`The data file ${report.file} is healthy.`, report);
      return;
    }
    out.print([...report.problems, ...(report.advice ? [report.advice] : [])].join('\n'), report);
    throw new AppError('UNAVAILABLE', [...report.problems, report.advice ?? ''].join(' ').trim());
  },
};
