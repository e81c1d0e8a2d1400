// /api/admin (admin only): local users, API tokens for machine imports, erasure on request, and the audit trail.
import { createRoute, z } from '@hono/zod-openapi';
import { CHILD_REF, CHILD_REF_MESSAGE } from '@pact/events';
import type { AppDeps } from '../app.ts';
import { parseScopeCodes, ROLES } from '../auth/roles.ts';
import { authorised, router, SECURITY } from '../http/context.ts';
import { ApiError, errorResponses } from '../http/errors.ts';
import { eraseChild } from '../erasure.ts';

const ScopeCodes = z.array(z.string()).default([]).openapi({ description: 'Gemeentecodes (GM…) en codes van samenwerkingsverbanden (PO…/VO…)', example: ['GM0344'] });
const Scope = z.object({ gemeenten: z.array(z.string()), swvs: z.array(z.string()) });
const User = z.object({ username: z.string(), role: z.enum(ROLES), scope: Scope, mustChangePassword: z.boolean(), createdAt: z.string() }).openapi('User');
const NewUser = z.object({ username: z.string().min(2).max(64).regex(/^[a-z0-9][a-z0-9._@-]*$/i, { error: 'Ongeldige gebruikersnaam: letters, cijfers, . _ @ -' }), role: z.enum(ROLES), scope: ScopeCodes }).openapi('NewUser');
const Token = z
  .object({ id: z.string(), name: z.string(), role: z.enum(ROLES), scope: Scope, createdBy: z.string(), createdAt: z.string(), expiresAt: z.string().nullable(), revokedAt: z.string().nullable(), lastUsedAt: z.string().nullable() })
  .openapi('Token');
const NewToken = z.object({ name: z.string().min(1).max(100).regex(/^[^\u0000-\u001f\u007f]*$/, { error: 'Geen stuurtekens toegestaan' }), role: z.enum(ROLES), scope: ScopeCodes, expiresAt: z.iso.datetime({ offset: true }).optional() }).openapi('NewToken');
const AuditRow = z.object({ at: z.string(), subject: z.string(), role: z.string(), action: z.string(), target: z.string().nullable().optional(), params: z.record(z.string(), z.unknown()).optional() });

const ErasureRequest = z.strictObject({ childRef: z.string().regex(CHILD_REF, { error: CHILD_REF_MESSAGE }) }).openapi('ErasureRequest');
const Erased = z.object({ cases: z.number().int(), events: z.number().int() }).openapi('Erased');

const json = <S extends z.ZodType>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });

function scopeOf(codes: string[]) {
  const scope = parseScopeCodes(codes);
  if ('invalid' in scope) {
    const message = 'Ongeldige code in scope: verwacht GM, PO of VO en 4 cijfers';
    throw new ApiError(400, 'INVALID_REQUEST', message, codes.flatMap((code, i) => (scope.invalid.includes(code) ? [{ field: `scope.${i}`, code: 'INVALID_FIELD', message }] : [])));
  }
  return scope;
}

export function adminRoutes(deps: AppDeps) {
  const { auth } = deps;
  return router()
    .openapi(createRoute({ method: 'get', path: '/users', summary: 'Lokale gebruikers', security: SECURITY, responses: { 200: json(z.array(User), 'Gebruikers'), ...errorResponses() } }), async (c) => {
      authorised(c, 'administer');
      return c.json(await auth.listUsers(), 200);
    })
    .openapi(
      createRoute({
        method: 'post',
        path: '/users',
        summary: 'Gebruiker toevoegen; het eenmalige wachtwoord staat alleen in dit antwoord',
        security: SECURITY,
        request: { body: { content: { 'application/json': { schema: NewUser } }, required: true } },
        responses: { 201: json(z.object({ username: z.string(), oneTimePassword: z.string() }), 'Toegevoegd'), ...errorResponses(409) },
      }),
      async (c) => {
        const principal = authorised(c, 'administer');
        const body = c.req.valid('json');
        let result: { oneTimePassword?: string };
        try {
          result = await auth.addUser(body.username, body.role, scopeOf(body.scope));
        } catch (error) {
          const message = (error as Error).message;
          throw new ApiError(message.includes('bestaat al') ? 409 : 400, message.includes('bestaat al') ? 'USER_EXISTS' : 'INVALID_REQUEST', message);
        }
        await auth.audit({ subject: principal.subject, role: principal.role, action: 'user-add', target: `users/${body.username}`, params: { role: body.role, scope: body.scope } });
        return c.json({ username: body.username, oneTimePassword: result.oneTimePassword! }, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/users/{username}',
        summary: 'Gebruiker verwijderen (en afmelden)',
        security: SECURITY,
        request: { params: z.object({ username: z.string() }) },
        responses: { 204: { description: 'Verwijderd' }, ...errorResponses(404, 409) },
      }),
      async (c) => {
        const principal = authorised(c, 'administer');
        const { username } = c.req.valid('param');
        const removed = await auth.removeUser(username);
        if (removed === 'last-admin') throw new ApiError(409, 'LAST_ADMIN', 'Dit is de laatste beheerder: maak eerst een andere beheerder aan');
        if (!removed) throw new ApiError(404, 'NOT_FOUND', 'Onbekende gebruiker');
        await auth.audit({ subject: principal.subject, role: principal.role, action: 'user-remove', target: `users/${username}` });
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/users/{username}/reset-password',
        summary: 'Nieuw eenmalig wachtwoord (de gebruiker wordt afgemeld)',
        security: SECURITY,
        request: { params: z.object({ username: z.string() }) },
        responses: { 200: json(z.object({ username: z.string(), oneTimePassword: z.string() }), 'Het nieuwe eenmalige wachtwoord'), ...errorResponses(404) },
      }),
      async (c) => {
        const principal = authorised(c, 'administer');
        const { username } = c.req.valid('param');
        const password = await auth.resetPassword(username);
        if (!password) throw new ApiError(404, 'NOT_FOUND', 'Onbekende gebruiker');
        await auth.audit({ subject: principal.subject, role: principal.role, action: 'user-reset-password', target: `users/${username}` });
        return c.json({ username, oneTimePassword: password }, 200);
      },
    )
    .openapi(createRoute({ method: 'get', path: '/tokens', summary: 'API-tokens (zonder de geheimen)', security: SECURITY, responses: { 200: json(z.array(Token), 'Tokens'), ...errorResponses() } }), async (c) => {
      authorised(c, 'administer');
      return c.json(await auth.listTokens(), 200);
    })
    .openapi(
      createRoute({
        method: 'post',
        path: '/tokens',
        summary: 'API-token maken voor machine-imports; het token staat alleen in dit antwoord',
        security: SECURITY,
        request: { body: { content: { 'application/json': { schema: NewToken } }, required: true } },
        responses: { 201: json(z.object({ id: z.string(), token: z.string() }), 'Gemaakt'), ...errorResponses() },
      }),
      async (c) => {
        const principal = authorised(c, 'administer');
        const body = c.req.valid('json');
        let created: { id: string; token: string };
        try {
          created = await auth.addToken(body.name, body.role, scopeOf(body.scope), principal.subject, body.expiresAt ? new Date(body.expiresAt) : undefined, (id) => ({
            subject: principal.subject,
            role: principal.role,
            action: 'token-add',
            target: `tokens/${id}`,
            params: { name: body.name, role: body.role, scope: body.scope },
          }));
        } catch (error) {
          if (error instanceof ApiError || (error as { code?: string }).code !== undefined) throw error;
          throw new ApiError(400, 'INVALID_REQUEST', (error as Error).message);
        }
        return c.json(created, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/tokens/{id}',
        summary: 'API-token intrekken',
        security: SECURITY,
        request: { params: z.object({ id: z.string() }) },
        responses: { 204: { description: 'Ingetrokken' }, ...errorResponses(404) },
      }),
      async (c) => {
        const principal = authorised(c, 'administer');
        const { id } = c.req.valid('param');
        if (!(await auth.revokeToken(id))) throw new ApiError(404, 'NOT_FOUND', 'Onbekend of al ingetrokken token');
        await auth.audit({ subject: principal.subject, role: principal.role, action: 'token-revoke', target: `tokens/${id}` });
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/erasures',
        summary: 'Wissen op verzoek (AVG): elke casus van één kind uit het eventlog en de projecties; de cijfers worden herberekend',
        description:
          'De childRef staat in de body, niet in de URL, zodat hij in geen toegangslog komt. De auditregel noemt alleen wie, wanneer en hoeveel casussen en events; eerdere auditregels van het bekijken van die casussen noemen de casus niet meer.',
        security: SECURITY,
        request: { body: { content: { 'application/json': { schema: ErasureRequest } }, required: true } },
        responses: { 200: json(Erased, 'Gewist (0 casussen als het kind niet voorkomt)'), ...errorResponses() },
      }),
      async (c) => {
        const principal = authorised(c, 'administer');
        const result = await eraseChild({ store: deps.runtime.store, projector: deps.projector, auth, db: deps.runtime.db }, c.req.valid('json').childRef, principal);
        return c.json(result, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/audit',
        summary: 'Wie heeft wat bekeken of geëxporteerd (nieuwste eerst)',
        security: SECURITY,
        request: { query: z.object({ limit: z.coerce.number().int().min(1).max(1000).optional() }) },
        responses: { 200: json(z.array(AuditRow), 'Auditregels'), ...errorResponses() },
      }),
      async (c) => {
        authorised(c, 'administer');
        return c.json(await auth.auditLog(c.req.valid('query').limit ?? 100), 200);
      },
    );
}
