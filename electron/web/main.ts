/**
 * `npm run web [-- --port N] [-- --db FILE]`: the real app in a browser, on this machine only.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataFile } from '../db/paths';
import { startServicePool } from '../workers/pool';
import { startWebBridge } from './server';

async function main() {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, db: { type: 'string' }, token: { type: 'string' } },
    allowPositionals: false,
  });
  const dbFile = path.resolve(values.db ?? defaultDataFile());
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not "${values.port}".`);
    process.exit(2);
  }
  const client = await startServicePool(dbFile);
  if (client.openError && !client.openError.ok) {
    // Still serve the UI: it shows the reason and the way forward instead of a blank page.
    console.error(`Warning: ${client.openError.error.message}`);
  }
  const bridge = await startWebBridge({
    staticDir: path.join(__dirname, '../renderer'),
    call: (op, input, onProgress) => client.call(op, input, onProgress),
    port,
    ...(values.token ? { token: values.token } : {}),
  });
  console.log(`Regulars is running in browser mode with data file ${dbFile}`);
  console.log(`Open: ${bridge.url}`);
  const stop = async () => {
    await bridge.close();
    await client.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
