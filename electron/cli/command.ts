import type { ServiceContext } from '../services/context';
import type { CliOutput } from './io';

export interface CliCommand {
  name: string;
  usage: string;
  options: Record<string, { type: 'string' | 'boolean' }>;
  run(args: { ctx: ServiceContext; values: Record<string, string | boolean | undefined>; positionals: string[]; out: CliOutput }): void | Promise<void>;
}
