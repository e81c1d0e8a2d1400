// /api/auth: login with a local user (session cookie), logout, who am I, change password, and OpenID Connect.
import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps } from '../app.ts';
import { checkSameOrigin, clientAddress, onHttps, SESSION_COOKIE } from '../auth/middleware.ts';
import { principalFromClaims, type PendingLogin } from '../auth/oidc.ts';
import { passwordProblem } from '../auth/passwords.ts';
import { RateLimiter } from '../auth/rate-limit.ts';
import { ROLES } from '../auth/roles.ts';
import { principalOf, router } from '../http/context.ts';
import { ApiError, errorResponses } from '../http/errors.ts';

const OIDC_COOKIE = 'pact_oidc';

const ScopeSchema = z.object({ gemeenten: z.array(z.string()), swvs: z.array(z.string()) }).openapi('Scope');
export const MeSchema = z
  .object({ subject: z.string(), role: z.enum(ROLES), scope: ScopeSchema, via: z.enum(['session', 'token', 'cli']), mustChangePassword: z.boolean() })
  .openapi('Me');
// no control characters (a NUL byte cannot be stored, and has no place in a name)
const Text = (max: number) => z.string().min(1).max(max).regex(/^[^\u0000-\u001f\u007f]*$/, { error: 'Geen stuurtekens toegestaan' });
const Credentials = z.object({ username: Text(64), password: z.string().min(1).max(1024) }).openapi('Credentials');
const PasswordChange = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) }).openapi('PasswordChange');

const json = <S extends z.ZodType>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });

export function authRoutes(deps: AppDeps) {
  const { auth, runtime } = deps;
  const trustProxy = runtime.config.trustProxy;
  const perUser = deps.loginLimiter ?? new RateLimiter(5, 60_000);
  const perAddress = new RateLimiter(50, 60_000);
  const passwordChanges = new RateLimiter(5, 15 * 60_000);

  const sessionCookie = (c: Parameters<typeof onHttps>[0], id: string) =>
    setCookie(c, SESSION_COOKIE, id, { httpOnly: true, sameSite: 'Strict', secure: onHttps(c, trustProxy), path: '/', maxAge: runtime.config.sessionHours * 3600 });

  return router()
    .openapi(
      createRoute({
        method: 'post',
        path: '/login',
        summary: 'Aanmelden met gebruikersnaam en wachtwoord (zet een sessiecookie)',
        request: { body: { content: { 'application/json': { schema: Credentials } }, required: true } },
        responses: { 200: json(MeSchema, 'Aangemeld'), ...errorResponses(429) },
      }),
      async (c) => {
        checkSameOrigin(c, trustProxy); // no login CSRF: a foreign site cannot log the browser in as someone else
        const { username, password } = c.req.valid('json');
        const address = clientAddress(c, trustProxy);
        const wait = Math.max(perUser.hit(`${address}|${username.toLowerCase()}`), perAddress.hit(address));
        if (wait > 0) throw new ApiError(429, 'TOO_MANY_ATTEMPTS', `Te veel pogingen; probeer het over ${wait} seconden opnieuw`, undefined, { 'Retry-After': String(wait) });
        const user = await auth.checkPassword(username, password);
        if (!user) {
          await auth.audit({ subject: username, role: '-', action: 'login-failed', params: { address } });
          throw new ApiError(401, 'INVALID_CREDENTIALS', 'Onbekende gebruikersnaam of verkeerd wachtwoord');
        }
        perUser.reset(`${address}|${username.toLowerCase()}`);
        // A new session id at every login (no session fixation); an old session of this browser ends.
        const old = getCookie(c, SESSION_COOKIE);
        if (old) await auth.endSession(old);
        const principal = { subject: user.username, role: user.role, scope: user.scope, mustChangePassword: user.mustChangePassword };
        sessionCookie(c, await auth.createSession(principal));
        await auth.audit({ subject: user.username, role: user.role, action: 'login', params: { address } });
        return c.json({ ...principal, via: 'session' as const }, 200);
      },
    )
    .openapi(
      createRoute({ method: 'post', path: '/logout', summary: 'Afmelden', responses: { 204: { description: 'Afgemeld' } } }),
      async (c) => {
        const id = getCookie(c, SESSION_COOKIE);
        if (id) await auth.endSession(id);
        deleteCookie(c, SESSION_COOKIE, { path: '/', secure: onHttps(c, trustProxy) });
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({ method: 'get', path: '/me', summary: 'Wie ben ik: rol en bereik', responses: { 200: json(MeSchema, 'De aangemelde gebruiker'), ...errorResponses() } }),
      (c) => {
        const p = principalOf(c, { allowPasswordChange: true });
        return c.json({ subject: p.subject, role: p.role, scope: p.scope, via: p.via, mustChangePassword: p.mustChangePassword ?? false }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/password',
        summary: 'Eigen wachtwoord wijzigen (verplicht na een eenmalig wachtwoord)',
        request: { body: { content: { 'application/json': { schema: PasswordChange } }, required: true } },
        responses: { 204: { description: 'Gewijzigd' }, ...errorResponses(429) },
      }),
      async (c) => {
        const principal = principalOf(c, { allowPasswordChange: true });
        if (principal.via !== 'session' || principal.subject.startsWith('oidc:')) throw new ApiError(403, 'FORBIDDEN', 'Alleen lokale gebruikers hebben hier een wachtwoord');
        const { currentPassword, newPassword } = c.req.valid('json');
        const problem = passwordProblem(newPassword, principal.subject);
        if (problem) throw new ApiError(400, 'WEAK_PASSWORD', problem, [{ field: 'newPassword', code: 'WEAK_PASSWORD', message: problem }]);
        if (newPassword === currentPassword) throw new ApiError(400, 'WEAK_PASSWORD', 'Kies een ander wachtwoord dan het huidige');
        // every try of the current password counts (5 per 15 minutes), so a stolen session cannot guess it
        const wait = passwordChanges.hit(principal.subject);
        if (wait > 0) throw new ApiError(429, 'TOO_MANY_ATTEMPTS', `Te veel pogingen; probeer het over ${wait} seconden opnieuw`, undefined, { 'Retry-After': String(wait) });
        if (!(await auth.checkPassword(principal.subject, currentPassword))) throw new ApiError(403, 'INVALID_CREDENTIALS', 'Het huidige wachtwoord klopt niet');
        passwordChanges.reset(principal.subject);
        const session = await auth.session(getCookie(c, SESSION_COOKIE)!);
        await auth.setPassword(principal.subject, newPassword, session?.sessionHash);
        await auth.audit({ subject: principal.subject, role: principal.role, action: 'password-changed' });
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({ method: 'get', path: '/oidc/login', summary: 'Aanmelden via OpenID Connect (doorsturen naar de identity provider)', responses: { 302: { description: 'Naar de identity provider' }, ...errorResponses(404) } }),
      async (c) => {
        if (!deps.oidc) throw new ApiError(404, 'OIDC_NOT_CONFIGURED', 'Aanmelden via OpenID Connect is niet ingesteld (OIDC_ISSUER)');
        const { url, pending } = await deps.oidc.start();
        // Lax, not Strict: the provider sends the browser back with a cross-site top-level GET.
        setCookie(c, OIDC_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), { httpOnly: true, sameSite: 'Lax', secure: onHttps(c, trustProxy), path: '/api/auth/oidc', maxAge: 600 });
        return c.redirect(url.href, 302);
      },
    )
    .openapi(
      createRoute({ method: 'get', path: '/oidc/callback', summary: 'Terugkeer van de identity provider', responses: { 200: { description: 'Aangemeld; de pagina stuurt door naar /' }, ...errorResponses(404) } }),
      async (c) => {
        if (!deps.oidc) throw new ApiError(404, 'OIDC_NOT_CONFIGURED', 'Aanmelden via OpenID Connect is niet ingesteld (OIDC_ISSUER)');
        const raw = getCookie(c, OIDC_COOKIE);
        deleteCookie(c, OIDC_COOKIE, { path: '/api/auth/oidc' });
        if (!raw) throw new ApiError(400, 'OIDC_STATE_MISSING', 'Aanmelding verlopen; begin opnieuw');
        let claims: Record<string, unknown>;
        try {
          claims = await deps.oidc.finish(new URL(c.req.url).search, JSON.parse(Buffer.from(raw, 'base64url').toString()) as PendingLogin);
        } catch (error) {
          throw new ApiError(401, 'OIDC_FAILED', `Aanmelden via OpenID Connect mislukt: ${(error as Error).message}`);
        }
        const principal = principalFromClaims(claims, deps.oidc.settings);
        if ('error' in principal) throw new ApiError(403, 'NO_ROLE', principal.error);
        sessionCookie(c, await auth.createSession(principal));
        await auth.audit({ subject: principal.subject, role: principal.role, action: 'login', params: { via: 'oidc' } });
        // A same-site navigation, so the SameSite=Strict cookie goes along with the next request.
        return c.html('<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=/"><title>Aangemeld</title></head><body><a href="/">Verder</a></body></html>', 200);
      },
    );
}
