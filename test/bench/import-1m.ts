import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DIST } from '../support/web-app';
import { BENCH_DIR, result, type Benchmark } from './harness';
import { salesCsv } from './import-data';

const ROWS = 1_000_000;
const LIMIT_MB = 500;

/** Peak resident memory of a running process so far (Linux: VmHWM), in MB; null once it has gone. */
function peakMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * A 1,000,000-row sales CSV imported by `regulars import` in its own process, so the peak memory
 * measured is the import's alone (not the benchmark runner's). Target: peak RSS < 500 MB.
 */
export const import1m: Benchmark = {
  name: 'import-1m',
  description: 'regulars import of a 1,000,000-row sales CSV: peak memory of the process',
  async run() {
    const csv = await salesCsv(ROWS);
    const db = path.join(BENCH_DIR, 'import-1m.sqlite');
    for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(DIST, 'electron/cli.cjs'), 'import', csv, '--db', db, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    let peak = 0;
    const timer = setInterval(() => {
      const mb = child.pid === undefined ? null : peakMb(child.pid);
      if (mb !== null) peak = Math.max(peak, mb);
    }, 20);
    const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
    clearInterval(timer);
    const ms = performance.now() - started;
    for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
    let visits = 0;
    try {
      visits = (JSON.parse(stdout) as { visitsCreated: number }).visitsCreated;
    } catch {
      console.error(`import-1m: the import failed (exit ${code}): ${stderr.trim()}`);
    }
    return result({ name: 'import-1m', n: ROWS, ms, baselineMs: null, rssMb: peak, target: `peak RSS < ${LIMIT_MB} MB`, pass: code === 0 && visits === ROWS && peak < LIMIT_MB });
  },
};
