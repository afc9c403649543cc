/** How CLI commands talk back: one JSON document with --json, short human text otherwise. */
export interface CliOutput {
  json: boolean;
  print(human: string, data: unknown): void;
}

export function createOutput(json: boolean, write: (text: string) => void = (t) => process.stdout.write(t)): CliOutput {
  return {
    json,
    print(human, data) {
      write(json ? `${JSON.stringify(data, null, 2)}\n` : `${human}\n`);
    },
  };
}

/** A usage mistake: reported on stderr with exit code 2. */
export class UsageError extends Error {}

export function intOption(value: string | boolean | undefined, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'string') throw new UsageError(`--${name} needs a value.`);
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}".`);
  return n;
}
