/**
 * `npm run bench [-- name…] [-- --json]`: runs the benchmarks and prints a table (or one JSON object
 * per line: { name, n, ms, baselineMs, ratio, rssMb }). Exit code 1 when a target is missed.
 */
import { bgnbdCdnow } from './bgnbd-cdnow';
import { customersUi1m } from './customers-ui-1m';
import { demo1m } from './demo-1m';
import type { Benchmark, BenchResult } from './harness';
import { metrics1m } from './metrics-1m';
import { open1m } from './open-1m';
import { report1m } from './report-1m';
import { search1m } from './search-1m';
import { import100k, importCdnow } from './import-100k';
import { import1m } from './import-1m';

const benchmarks: Benchmark[] = [open1m, search1m, customersUi1m, demo1m, metrics1m, bgnbdCdnow, report1m, import100k, importCdnow, import1m];

function table(results: BenchResult[]): string {
  const head = ['benchmark', 'n', 'ms', 'floor ms', 'ratio', 'RSS MB', 'target', ''];
  const rows = results.map((r) => [r.name, String(r.n), String(r.ms), r.baselineMs === null ? '-' : String(r.baselineMs), r.ratio === null ? '-' : String(r.ratio), String(r.rssMb), r.target, r.pass ? 'ok' : 'MISSED']);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const names = args.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !benchmarks.some((b) => b.name === n));
  if (unknown.length) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${benchmarks.map((b) => b.name).join(', ')}`);
    process.exit(2);
  }
  const chosen = names.length ? benchmarks.filter((b) => names.includes(b.name)) : benchmarks;
  const results: BenchResult[] = [];
  for (const bench of chosen) {
    if (!json) console.error(`running ${bench.name}: ${bench.description}…`);
    const r = await bench.run();
    results.push(r);
    if (json) console.log(JSON.stringify({ name: r.name, n: r.n, ms: r.ms, baselineMs: r.baselineMs, ratio: r.ratio, rssMb: r.rssMb, target: r.target, pass: r.pass }));
  }
  if (!json) console.log(table(results));
  process.exitCode = results.every((r) => r.pass) ? 0 : 1;
}

void main();
