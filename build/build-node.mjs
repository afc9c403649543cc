// Bundles every Node-side entry point (Electron main, preload, workers, web bridge, CLI, benchmarks)
// with esbuild into build/dist/. better-sqlite3 stays external: it loads its own prebuilt N-API
// binary, which is the same file for Node and Electron.
import { build } from 'esbuild';
import { existsSync, chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'build/dist');

const entries = [
  ['electron/main/main.ts', 'electron/main.cjs'],
  ['electron/preload/preload.ts', 'electron/preload.cjs'],
  ['electron/workers/service-worker.ts', 'electron/service-worker.cjs'],
  ['electron/web/main.ts', 'electron/web.cjs'],
  ['electron/cli/main.ts', 'electron/cli.cjs'],
  ['test/bench/run.ts', 'bench/run.cjs'],
];

const started = Date.now();
await Promise.all(
  entries
    .filter(([src]) => existsSync(path.join(root, src)))
    .map(([src, dest]) =>
      build({
        entryPoints: [path.join(root, src)],
        outfile: path.join(out, dest),
        bundle: true,
        platform: 'node',
        target: 'node22',
        format: 'cjs',
        sourcemap: 'inline',
        external: ['electron', 'better-sqlite3', 'playwright-core'],
        logLevel: 'warning',
        // import.meta.url is used by a few modules to find files beside the bundle.
        define: { 'import.meta.url': 'importMetaUrl' },
        banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
      }),
    ),
);
const cli = path.join(out, 'electron/cli.cjs');
if (existsSync(cli)) chmodSync(cli, 0o755);
if (!process.argv.includes('--quiet')) console.error(`built node bundles in ${Date.now() - started} ms`);
