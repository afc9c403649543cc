/**
 * The api module against a stubbed transport: the fetch the web bridge answers, or the preload's
 * `window.regulars`. The real back end behind both is covered by the end-to-end tests.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, apiWithProgress, ApiError, fieldErrors, initApi, onApiFailure, resetApiForTests } from '../../renderer/src/lib/api';
import type { Result } from '../../shared/ipc/result';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('api over the web bridge', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    resetApiForTests();
    sessionStorage.clear();
    window.history.replaceState(null, '', '/?token=abc123#/customers/7');
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('takes the token from the address, keeps it for reloads and tidies the address bar', () => {
    initApi();
    expect(sessionStorage.getItem('regulars.bridgeToken')).toBe('abc123');
    expect(window.location.search).toBe('');
    expect(window.location.hash).toBe('#/customers/7');
  });

  it('still finds the token after a reload (address without token)', async () => {
    initApi();
    resetApiForTests();
    window.history.replaceState(null, '', '/#/');
    fetchMock.mockResolvedValue(jsonResponse({ ok: true, value: [] }));
    await api('customers:search', { query: 'an' });
    const [, init] = fetchMock.mock.calls[0]!;
    expect(new Headers(init?.headers).get('x-regulars-token')).toBe('abc123');
  });

  it('posts {op, input} and returns the value of a good Result', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ ok: true, value: { shopName: 'Crumbs' } }));
    const settings = await api('settings:get', {});
    expect(settings).toEqual({ shopName: 'Crumbs' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toBe('./api/call');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ op: 'settings:get', input: {} });
  });

  it('throws an ApiError with code, message and field issues for a failed Result', async () => {
    const failed: Result<never> = {
      ok: false,
      error: { code: 'BAD_INPUT', message: 'Email: That email address does not look right.', issues: [{ path: 'patch.email', message: 'That email address does not look right.' }] },
    };
    fetchMock.mockResolvedValue(jsonResponse(failed));
    const error = await api('customers:update', { id: 1, patch: { email: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'BAD_INPUT', op: 'customers:update' });
    expect(fieldErrors(error)).toEqual({ email: 'That email address does not look right.' });
  });

  it('tells listeners when the data file is unavailable', async () => {
    const heard: string[] = [];
    const stop = onApiFailure((e) => heard.push(`${e.code}: ${e.message}`));
    fetchMock.mockResolvedValue(jsonResponse({ ok: false, error: { code: 'UNAVAILABLE', message: 'Saved by a newer version.' } }));
    await expect(api('shop:overview', {})).rejects.toThrow('Saved by a newer version.');
    stop();
    expect(heard).toEqual(['UNAVAILABLE: Saved by a newer version.']);
  });

  it('turns a bridge that went away into UNAVAILABLE, not a crash', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(api('shop:overview', {})).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('streams progress lines, then the result', async () => {
    const lines = [
      { progress: { phase: 'reading', done: 1, total: 3, secondsLeft: null } },
      { progress: { phase: 'reading', done: 3, total: 3, secondsLeft: 0 } },
      { result: { ok: true, value: { customers: 2 } } },
    ];
    // Split mid-line, as a network would.
    const text = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(text);
        controller.enqueue(bytes.slice(0, 25));
        controller.enqueue(bytes.slice(25));
        controller.close();
      },
    });
    fetchMock.mockResolvedValue(new Response(body, { status: 200 }));
    const seen: number[] = [];
    const value = await apiWithProgress('shop:overview', {}, (p) => seen.push(p.done));
    expect(value).toEqual({ customers: 2 });
    expect(seen).toEqual([1, 3]);
    expect(JSON.parse(String(fetchMock.mock.calls[0]![1]?.body))).toMatchObject({ stream: true });
  });
});

describe('api inside Electron', () => {
  afterEach(() => {
    delete window.regulars;
  });

  it('uses window.regulars and never fetch', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const invoke = vi.fn(async () => ({ ok: true as const, value: { deleted: true } }));
    window.regulars = { invoke, on: () => () => undefined };
    await expect(api('customers:delete', { id: 3 })).resolves.toEqual({ deleted: true });
    expect(invoke).toHaveBeenCalledWith('customers:delete', { id: 3 });
    expect(fetchSpy).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});

describe('field errors for forms', () => {
  it.each([
    [[{ path: 'email', message: 'a' }], { email: 'a' }],
    [[{ path: 'patch.email', message: 'a' }], { email: 'a' }],
    [[{ path: 'tags.3', message: 't' }], { tags: 't' }],
    [[{ path: 'newCustomer.name', message: 'n' }], { name: 'n' }],
    [
      [
        { path: 'name', message: 'first' },
        { path: 'name', message: 'second' },
      ],
      { name: 'first' },
    ],
  ])('%o → %o', (issues, expected) => {
    expect(fieldErrors(new ApiError('BAD_INPUT', 'x', issues))).toEqual(expected);
  });

  it('is empty for other errors', () => {
    expect(fieldErrors(new Error('boom'))).toEqual({});
  });
});
