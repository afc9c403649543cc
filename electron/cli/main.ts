#!/usr/bin/env node
/**
 * `regulars <command> [--db FILE] [--json]` — the command line over the same services as the app.
 * Exit 0 on success; on failure a one-line reason on stderr and a non-zero code, and (because every
 * service runs in a transaction) the data file exactly as it was.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataFile } from '../db/paths';
import { DataConnection, createHostedContext } from '../services/data-connection';
import { AppError } from '../../shared/ipc/result';
import type { CliCommand } from './command';
import { customersCommand } from './commands/customers';
import { demoCommand } from './commands/demo';
import { backupCommand, backupsCommand, restoreCommand } from './commands/backups';
import { checkCommand } from './commands/check';
import { eraseCustomerCommand } from './commands/erase-customer';
import { exportCommand } from './commands/export';
import { metricsCommand } from './commands/metrics';
import { reportCommand } from './commands/report';
import { importCommand, importsCommand, undoImportCommand } from './commands/import';
import { createOutput, UsageError } from './io';

const commands: CliCommand[] = [demoCommand, customersCommand, metricsCommand, reportCommand, backupCommand, backupsCommand, restoreCommand, exportCommand, eraseCustomerCommand, checkCommand, importCommand, undoImportCommand, importsCommand];

function usage(): string {
  return [
    'Usage: regulars <command> [--db FILE] [--json]',
    '',
    ...commands.map((c) => `  ${c.usage}`),
    '',
    `--db FILE   the data file (default: ${defaultDataFile()})`,
    '--json      print one JSON document instead of text',
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Unknown command "${name}". Run "regulars --help" for the list.\n`);
    return 2;
  }
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, db: { type: 'string' }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${command.usage}\n`);
    return 2;
  }
  const dbFile = path.resolve(typeof values.db === 'string' ? values.db : defaultDataFile());
  try {
    // A hosted context, so restore can swap the file and backups/restore/check work even when the
    // file cannot be opened; any other command fails with the reason when it first needs the data.
    const connection = new DataConnection(dbFile);
    connection.open();
    if (connection.readOnlyReason) process.stderr.write(`Note: ${connection.readOnlyReason}\n`);
    try {
      const ctx = createHostedContext(connection);
      await command.run({ ctx, values, positionals, out: createOutput(values.json === true) });
    } finally {
      connection.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    const message = error instanceof AppError ? error.message : `Unexpected error: ${(error as Error).message}`;
    process.stderr.write(`${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return 1;
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
