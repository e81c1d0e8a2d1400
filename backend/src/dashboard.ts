// The dashboard's production build (frontend/dist) at /: hashed assets cached for a year, index.html never, and
// every other path outside /api answered with index.html (the app routes in the browser). Files go out
// compressed when the build wrote a .br or .gz beside them (frontend/scripts/build.ts). Its own security
// headers: a CSP that lets only the app's own scripts, styles, images and API calls run (the API keeps
// `default-src 'none'`).
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, Next } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { getMimeType } from 'hono/utils/mime';

export const DASHBOARD_DIR = path.resolve(import.meta.dirname, '../../frontend/dist');

const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // React and recharts write style attributes (positions and sizes of chart parts)
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'no-referrer',
  xFrameOptions: 'DENY',
  xContentTypeOptions: 'nosniff',
  strictTransportSecurity: 'max-age=31536000; includeSubDomains',
});

/**
 * The byte range a `Range` header asks of a file of `size` bytes: one range `a-b`, `a-` or `-n` (RFC 9110), or
 * `unsatisfiable`; `undefined` (send the whole file) for several ranges or another unit, which a server may ignore.
 */
export function byteRange(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return /^bytes=.*,/.test(header) || !header.trim().startsWith('bytes=') ? undefined : 'unsatisfiable';
  const [first, last] = [m[1], m[2]];
  if (first === '' && last === '') return 'unsatisfiable';
  if (first === '') {
    const n = Number(last);
    return n > 0 && size > 0 ? { start: Math.max(0, size - n), end: size - 1 } : 'unsatisfiable';
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return start < size && start <= end && (last === '' || Number(last) >= start) ? { start, end } : 'unsatisfiable';
}

/** A part of a file for a `Range` request (uncompressed), 416 when the range lies outside it, the whole file when ignored. */
function sendRange(file: string, header: string, cacheControl: string): Response {
  const size = fs.statSync(file).size;
  const range = byteRange(header, size) ?? { start: 0, end: size - 1, whole: true };
  if (range === 'unsatisfiable') return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}`, 'Cache-Control': cacheControl } });
  const body = fs.readFileSync(file).subarray(range.start, range.end + 1);
  const type = getMimeType(file) ?? 'application/octet-stream';
  if ('whole' in range) return new Response(body, { status: 200, headers: { 'Content-Type': type, 'Cache-Control': cacheControl } });
  return new Response(body, {
    status: 206,
    headers: { 'Content-Type': type, 'Content-Range': `bytes ${range.start}-${range.end}/${size}`, 'Content-Length': String(body.length), 'Cache-Control': cacheControl },
  });
}

/** The file of the build a request path names, when it is one (never outside the build). */
function fileOf(root: string, requestPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return undefined;
  }
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file.startsWith(root + path.sep) && fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? file : undefined;
}

/** A file of the build (or, with `path`, that one file), with how long a browser may keep it; a `Range` of it too. */
const send = (options: { root: string } | { path: string }, cacheControl: (requestPath: string) => string) => async (c: Context, next: Next) => {
  const range = c.req.header('range');
  if (range) {
    const file = 'path' in options ? options.path : fileOf(options.root, c.req.path);
    // not a file of the build: on to the next handler (index.html), never to serveStatic with the header
    return file ? sendRange(file, range, cacheControl(c.req.path)) : next();
  }
  const res = await serveStatic({ ...options, precompressed: true })(c, next);
  if (res instanceof Response) res.headers.set('Cache-Control', cacheControl(c.req.path));
  return res;
};
const forAssets = (p: string) => (p.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : p === '/' ? 'no-cache' : 'public, max-age=3600');

/** Registers the dashboard on `app`, after the API: paths under /api are left to it. */
export function serveDashboard(app: Hono<any, any, any>, dir = DASHBOARD_DIR): void {
  const outsideApi = (handler: (c: Context, next: Next) => Promise<Response | void>) => (c: Context, next: Next) =>
    c.req.path === '/api' || c.req.path.startsWith('/api/') ? next() : handler(c, next);
  const indexFile = path.join(dir, 'index.html');
  const built = async (c: Context, next: Next) => (fs.existsSync(indexFile) ? next() : c.text('Het dashboard is nog niet gebouwd: voer npm run build uit (npm start doet dat vanzelf).', 503));
  const file = send({ root: dir }, forAssets);
  const index = send({ path: indexFile }, () => 'no-cache');
  app.use('*', outsideApi(headers));
  app.get('*', outsideApi(built));
  app.get('/assets/*', file, (c) => c.text('Niet gevonden', 404));
  app.get('*', outsideApi(file), outsideApi(index));
}
