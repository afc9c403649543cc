/**
 * The loopback web bridge: serves the built renderer and the contract over HTTP so the real UI runs
 * in a browser against the real services and SQLite file (Electron cannot start on our build
 * machines). It listens on 127.0.0.1 only and every request must carry the per-run token, so nothing
 * else on the machine or the network can read the shop's data.
 */
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Result } from '../../shared/ipc/result';
import type { Progress } from '../services/context';

export interface WebBridgeOptions {
  staticDir: string;
  call: (op: string, input: unknown, onProgress?: (p: Progress) => void) => Promise<Result<unknown>>;
  port?: number;
  token?: string;
}

export interface WebBridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const TOKEN_HEADER = 'x-regulars-token';
const COOKIE = 'regulars_token';
const MAX_BODY = 50 * 1024 * 1024; // a dropped spreadsheet travels as base64 in one request

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** True for 127.0.0.0/8 and ::1 (also as IPv4-mapped IPv6). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/, '');
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

/** Host header must name this machine: stops DNS-rebinding pages from talking to the bridge. */
function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host.toLowerCase());
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(header: string | undefined): string | undefined {
  return header
    ?.split(';')
    .map((c) => c.trim().split('='))
    .find(([k]) => k === COOKIE)?.[1];
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    ...extra,
  });
  res.end(body);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const staticDir = path.resolve(options.staticDir);
  let port = 0;

  const server = http.createServer(async (req, res) => {
    if (!isLoopbackAddress(req.socket.remoteAddress) || !isLoopbackHost(req.headers.host, port)) {
      return send(res, 403, 'Regulars only answers this computer.');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const given = req.headers[TOKEN_HEADER] as string | undefined ?? url.searchParams.get('token') ?? cookieToken(req.headers.cookie);
    if (!sameToken(given, token)) return send(res, 401, 'Missing or wrong token. Open the address that `npm run web` printed.');

    if (url.pathname === '/api/call') {
      if (req.method !== 'POST') return send(res, 405, 'POST only.');
      // Only the header counts for the API: a cookie alone would let another page post on our behalf.
      if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) return send(res, 401, 'Missing token header.');
      let request: { op?: unknown; input?: unknown; stream?: unknown };
      try {
        request = JSON.parse(await readBody(req)) as typeof request;
      } catch {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'BAD_INPUT', message: 'The request was not valid JSON.' } }), 'application/json');
      }
      if (request.stream === true) {
        // Long operations stream newline-delimited JSON: progress lines, then the Result.
        res.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
        const result = await options.call(String(request.op), request.input, (progress) => res.write(`${JSON.stringify({ progress })}\n`));
        res.end(`${JSON.stringify({ result })}\n`);
        return;
      }
      const result = await options.call(String(request.op), request.input);
      return send(res, 200, JSON.stringify(result), 'application/json');
    }

    if (req.method !== 'GET') return send(res, 405, 'GET only.');
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(staticDir, relative);
    if (!file.startsWith(staticDir + path.sep)) return send(res, 404, 'Not found.');
    try {
      const body = await readFile(file);
      const extra: Record<string, string> =
        url.searchParams.get('token') === token ? { 'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` } : {};
      return send(res, 200, body, TYPES[path.extname(file)] ?? 'application/octet-stream', extra);
    } catch {
      return send(res, 404, 'Not found.');
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            // A browser tab keeps connections open (keep-alive, a long call): end them, we are quitting.
            server.closeAllConnections();
          }),
      });
    });
  });
}
