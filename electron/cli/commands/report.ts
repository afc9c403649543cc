import { spawn } from 'node:child_process';
import path from 'node:path';
import { call } from '../../services/dispatch';
import type { CliCommand } from '../command';
import { UsageError } from '../io';

/** Opens a file with the system's default program, without waiting for it. */
function openWithSystem(file: string): void {
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', file]] : process.platform === 'darwin' ? ['open', [file]] : ['xdg-open', [file]];
  try {
    const child = spawn(command, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => process.stderr.write(`Could not open ${file} automatically; open it yourself.\n`));
    child.unref();
  } catch {
    process.stderr.write(`Could not open ${file} automatically; open it yourself.\n`);
  }
}

export const reportCommand: CliCommand = {
  name: 'report',
  usage: 'report --out FILE.html|FILE.pdf [--month YYYY-MM] [--paper a4|letter] [--open]   the monthly summary (default: last complete month)',
  options: { month: { type: 'string' }, out: { type: 'string' }, paper: { type: 'string' }, open: { type: 'boolean' } },
  async run({ ctx, values, out }) {
    if (typeof values.out !== 'string' || values.out.trim() === '') throw new UsageError('Say where to save the summary: --out summary.pdf (or .html)');
    const file = path.resolve(values.out);
    const extension = path.extname(file).toLowerCase();
    if (!['.pdf', '.html', '.htm'].includes(extension)) throw new UsageError(`--out must end in .pdf or .html, not "${path.basename(file)}".`);
    if (values.paper !== undefined && values.paper !== 'a4' && values.paper !== 'letter') throw new UsageError(`--paper must be a4 or letter, not "${String(values.paper)}".`);
    const input = {
      file,
      ...(typeof values.month === 'string' ? { month: values.month } : {}),
      ...(typeof values.paper === 'string' ? { paper: values.paper } : {}),
    };
    const saved = extension === '.pdf' ? await call(ctx, 'report:savePdf', input) : await call(ctx, 'report:saveHtml', input);
    const pages = saved.pages === null ? '' : ` (${saved.pages} page${saved.pages === 1 ? '' : 's'})`;
    out.print(`Monthly summary for ${saved.month} saved to ${saved.file}${pages}`, saved);
    if (values.open === true && saved.file) openWithSystem(saved.file);
  },
};
