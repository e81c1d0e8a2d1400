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

/** A file of the build (or, with `path`, that one file), with how long a browser may keep it. */
const send = (options: { root: string } | { path: string }, cacheControl: (requestPath: string) => string) => async (c: Context, next: Next) => {
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
