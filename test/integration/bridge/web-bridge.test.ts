import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { dispatch } from '../../../electron/services/dispatch';
import { isLoopbackAddress, startWebBridge, type WebBridge } from '../../../electron/web/server';
import { tempShop } from '../../support/db';
import { tempDir } from '../../support/web-app';

/** A raw request, so the test controls every header (fetch would add its own Host). */
function request(port: number, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('web bridge', () => {
  let bridge: WebBridge;
  const shop = tempShop();
  const host = () => ({ host: `127.0.0.1:${bridge.port}` });
  const api = (headers: Record<string, string>, body: unknown) =>
    request(bridge.port, { path: '/api/call', method: 'POST', headers: { ...host(), 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    const staticDir = tempDir();
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Regulars</title>');
    mkdirSync(path.join(staticDir, 'assets'));
    writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(path.dirname(staticDir), 'secret.txt'), 'secret');
    bridge = await startWebBridge({ staticDir, call: (op, input) => dispatch(shop, op, input) });
  });
  afterAll(() => bridge.close());

  it('listens on 127.0.0.1 only and prints a URL with a long random token', () => {
    expect(bridge.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${bridge.port}/\\?token=[0-9a-f]{48}$`));
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { 'x-regulars-token': 'f'.repeat(48) }],
    ['a token of another length', { 'x-regulars-token': 'abc' }],
  ])('refuses an API call with %s and does nothing', async (_label, headers) => {
    const res = await api(headers, { op: 'customers:create', input: { name: 'Intruder' } });
    expect(res.status).toBe(401);
    expect((await dispatch(shop, 'customers:search', { query: 'Intruder' })).ok && shop.repos.customers.count()).toBe(0);
  });

  it('refuses an API call that carries the token only as a cookie (no cross-site posting)', async () => {
    const res = await api({ cookie: `regulars_token=${bridge.token}` }, { op: 'shop:overview', input: {} });
    expect(res.status).toBe(401);
  });

  it('refuses a request whose Host is not this machine (DNS rebinding)', async () => {
    const res = await request(bridge.port, { path: `/?token=${bridge.token}`, headers: { host: 'evil.example:80' } });
    expect(res.status).toBe(403);
  });

  it.each([
    ['127.0.0.1:PORT', 200],
    ['localhost:PORT', 200],
    ['LOCALHOST:PORT', 200],
    ['[::1]:PORT', 200],
    ['127.0.0.1', 403],
    ['127.0.0.1:1', 403],
    ['localhost.evil.example:PORT', 403],
    ['127.0.0.1:PORT.evil.example', 403],
    ['evil.example', 403],
    ['192.168.1.20:PORT', 403],
    ['0.0.0.0:PORT', 403],
  ])('Host header %s → %i (with the right token)', async (hostHeader, status) => {
    const res = await api({ host: hostHeader.replace('PORT', String(bridge.port)), 'x-regulars-token': bridge.token }, { op: 'shop:overview', input: {} });
    expect(res.status).toBe(status);
  });

  it('refuses a request with no Host header at all', async () => {
    // Node's http client always adds Host, so send the request line by hand.
    const net = await import('node:net');
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(bridge.port, '127.0.0.1', () => socket.end(`GET /?token=${bridge.token} HTTP/1.0\r\n\r\n`));
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.[01] 403/);
  });

  it('refuses an API call that carries the token only in the address, and changes nothing', async () => {
    const res = await request(bridge.port, {
      path: `/api/call?token=${bridge.token}`,
      method: 'POST',
      headers: { ...host(), 'content-type': 'application/json' },
      body: JSON.stringify({ op: 'customers:create', input: { name: 'Via Address' } }),
    });
    expect(res.status).toBe(401);
    expect(shop.repos.customers.count()).toBe(0);
  });

  it('refuses pages without the token', async () => {
    expect((await request(bridge.port, { path: '/', headers: host() })).status).toBe(401);
    expect((await request(bridge.port, { path: '/assets/app.js', headers: host() })).status).toBe(401);
  });

  it('serves the page with the token, sets a strict cookie for its assets, and sends a CSP', async () => {
    const page = await request(bridge.port, { path: `/?token=${bridge.token}`, headers: host() });
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    const asset = await request(bridge.port, { path: '/assets/app.js', headers: { ...host(), cookie: `regulars_token=${bridge.token}` } });
    expect(asset.status).toBe(200);
  });

  it('does not serve files outside the app folder', async () => {
    const res = await request(bridge.port, { path: `/..%2fsecret.txt?token=${bridge.token}`, headers: host() });
    expect(res.status).toBe(404);
  });

  it('answers contract calls with the token header, validating input like every caller', async () => {
    const ok = await api({ 'x-regulars-token': bridge.token }, { op: 'customers:create', input: { name: 'Gail' } });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { name: 'Gail' } });
    const bad = await api({ 'x-regulars-token': bridge.token }, { op: 'feedback:log', input: { date: '2026-01-01', nps: 11 } });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const junk = await request(bridge.port, { path: '/api/call', method: 'POST', headers: { ...host(), 'x-regulars-token': bridge.token }, body: '{nope' });
    expect(JSON.parse(junk.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});

describe('isLoopbackAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.168.1.20', false],
    ['10.0.0.1', false],
    ['::ffff:192.168.1.2', false],
    ['fe80::1', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });
});
