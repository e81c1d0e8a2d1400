import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDashboard } from './dashboard.ts';

// A built dashboard as frontend/scripts/build.ts leaves it: index.html, hashed assets with .br/.gz beside them.
let dir: string;
const INDEX = '<!doctype html><html lang="nl"><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = 'console.log("pactmonitor");';

function site(distDir: string) {
  const app = new Hono();
  app.get('/api/health', (c) => c.json({ ok: true }));
  serveDashboard(app, distDir);
  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND' } }, 404));
  return app;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-dist-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(dir, 'assets/index-abc123.js'), SCRIPT);
  fs.writeFileSync(path.join(dir, 'assets/index-abc123.js.br'), zlib.brotliCompressSync(SCRIPT));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('serving the dashboard', () => {
  it('answers every page of the app with index.html, never cached, with a CSP for its own scripts only', async () => {
    for (const page of ['/', '/jaarrapportage', '/casus/42fd3381-ed82-4450-9858-f2e52bc8f00d', '/print/jaarrapportage?year=2023-2024']) {
      const res = await site(dir).request(page);
      expect(res.status, page).toBe(200);
      expect(await res.text()).toBe(INDEX);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('serves hashed assets for a year, compressed when the browser accepts it, and 404 for a missing one', async () => {
    const plain = await site(dir).request('/assets/index-abc123.js');
    expect(await plain.text()).toBe(SCRIPT);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-type')).toMatch(/javascript/);
    const br = await site(dir).request('/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(zlib.brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(SCRIPT);
    expect((await site(dir).request('/assets/gone-999.js')).status).toBe(404);
    expect((await site(dir).request('/favicon.svg')).headers.get('content-type')).toMatch(/svg/);
  });

  it('leaves /api alone and serves nothing outside the build', async () => {
    expect(await (await site(dir).request('/api/health')).json()).toEqual({ ok: true });
    const unknown = await site(dir).request('/api/nope');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: 'NOT_FOUND' } });
    expect(unknown.headers.get('content-security-policy')).toBeNull();
    const outside = await site(dir).request('/..%2Fpackage.json');
    expect(await outside.text()).not.toContain('"name"');
  });

  it('says so when the dashboard has not been built', async () => {
    const res = await site(path.join(dir, 'nowhere')).request('/jaarrapportage');
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/npm run build/);
  });
});

describe('Range requests on the dashboard files', () => {
  const ranged = (range: string, file = '/assets/index-abc123.js') => site(dir).request(file, { headers: { range } });

  it('serves one range of a file, a suffix range as the last bytes, an open range to the end', async () => {
    const size = SCRIPT.length;
    for (const [range, start, end] of [['bytes=0-6', 0, 6], ['bytes=5-', 5, size - 1], ['bytes=-5', size - 5, size - 1], ['bytes=3-99999', 3, size - 1]] as const) {
      const res = await ranged(range);
      expect(res.status, range).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${size}`);
      expect(await res.text()).toBe(SCRIPT.slice(start, end + 1));
    }
  });

  it('answers 416 with the size for a range outside the file or backwards, never a 5xx or an empty 206', async () => {
    for (const range of ['bytes=5-1', 'bytes=99999999-100000000', 'bytes=-0', 'bytes=-', `bytes=${SCRIPT.length}-`, 'bytes=x-y']) {
      const res = await ranged(range);
      expect(res.status, range).toBe(416);
      expect(res.headers.get('content-range')).toBe(`bytes */${SCRIPT.length}`);
    }
  });

  it('sends the whole file for several ranges or another unit, and stays inside the build', async () => {
    for (const range of ['bytes=0-1,3-4', 'items=0-1']) expect((await ranged(range)).status, range).toBe(200);
    const outside = await ranged('bytes=0-10', '/assets/..%2f..%2f..%2fetc%2fpasswd');
    expect(outside.status).not.toBe(206);
  });
});
