// Who is asking: an API token (`Authorization: Bearer pact_…`) or a session cookie. And the CSRF guard: a
// state-changing request on a session cookie must come from our own origin (SameSite=Strict cookie, and an
// `Origin` or `Sec-Fetch-Site` that says so, or the custom header `X-Pact-Request`); token requests are exempt.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { ApiError } from '../http/errors.ts';
import type { AppEnv } from '../http/context.ts';
import type { Principal } from './roles.ts';
import type { AuthStore } from './store.ts';

export const SESSION_COOKIE = 'pact_session';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * In-process only: the environment key under which a PDF print job passes the principal who asked for it, so
 * the headless browser reads exactly what that principal may see (exports/pdf.ts). No request from outside the
 * process can set it: there is no header, cookie or token for it.
 */
export const PRINT_AS = Symbol('printAs');
export type PrintEnv = { [PRINT_AS]: Principal };

export function authenticate(auth: AuthStore, trustProxy = false): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const printing = (c.env as Partial<PrintEnv> | undefined)?.[PRINT_AS];
    if (printing) {
      if (!SAFE.has(c.req.method)) throw new ApiError(403, 'FORBIDDEN', 'Een afdruktaak mag alleen lezen');
      c.set('principal', printing);
      return next();
    }
    const header = c.req.header('authorization');
    if (header) {
      const [scheme, token] = header.split(/\s+/, 2);
      const principal = scheme?.toLowerCase() === 'bearer' && token ? await auth.tokenPrincipal(token) : undefined;
      if (!principal) throw new ApiError(401, 'INVALID_TOKEN', 'Onbekend, verlopen of ingetrokken API-token', undefined, { 'WWW-Authenticate': 'Bearer' });
      c.set('principal', principal);
      return next();
    }
    const id = getCookie(c, SESSION_COOKIE);
    const session = id ? await auth.session(id) : undefined;
    c.set('principal', session ? { subject: session.subject, role: session.role, scope: session.scope, via: 'session', mustChangePassword: session.mustChangePassword } : null);
    // Only a request that carries a session can be forged into acting as someone; login checks for itself.
    if (id && !SAFE.has(c.req.method)) checkSameOrigin(c, trustProxy);
    return next();
  };
}

/** Throws 403 unless a cookie-carrying, state-changing request demonstrably comes from this site (scheme and host). */
export function checkSameOrigin(c: Context, trustProxy = false): void {
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  const refuse = (why: string) => {
    throw new ApiError(403, 'CSRF', `Verzoek geweigerd: ${why}`);
  };
  if (origin && origin !== 'null') {
    let from: URL | undefined;
    try {
      from = new URL(origin);
    } catch {
      refuse('ongeldige Origin');
    }
    const scheme = onHttps(c, trustProxy) ? 'https:' : 'http:';
    if (from!.host !== host || from!.protocol !== scheme) refuse('het komt van een andere site');
    return;
  }
  if (site) {
    if (site !== 'same-origin' && site !== 'none') refuse('het komt van een andere site');
    return;
  }
  if (c.req.header('x-pact-request') === undefined) refuse('zonder Origin, Sec-Fetch-Site of X-Pact-Request');
}

/** Is the request on https (directly, or per X-Forwarded-Proto behind a trusted proxy)? */
export function onHttps(c: Context, trustProxy: boolean): boolean {
  return new URL(c.req.url).protocol === 'https:' || (trustProxy && c.req.header('x-forwarded-proto') === 'https');
}

/** The client's address: the socket's, or the first X-Forwarded-For behind a trusted proxy. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}
