// /api/publications: the fixed moments at which a whole scope's figures are published for bestuur and raad
// (../reports/publications.ts). beleid (in its scope) and admin make them; every role that reads reports lists them.
import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../app.ts';
import { reportScope } from '../auth/roles.ts';
import { authorised, router, SECURITY } from '../http/context.ts';
import { errorResponses } from '../http/errors.ts';
import { asOfParam, gemeenteParam, swvParam } from '../params.ts';
import { scopeCode } from '../reports/publications.ts';

const Scope = z.object({ gemeente: z.string().optional(), swv: z.string().optional() });
const Publication = z.object({ id: z.number().int(), scope: Scope, asOf: z.string(), createdAt: z.string(), createdBy: z.string() }).openapi('Publication');
const ScopeQuery = z.object({
  gemeente: gemeenteParam.optional().openapi({ description: 'CBS-code, bijvoorbeeld GM0344' }),
  swv: swvParam.optional().openapi({ description: 'Code samenwerkingsverband, bijvoorbeeld PO2601' }),
});
const NewPublication = z
  .strictObject({
    gemeente: gemeenteParam.optional(),
    swv: swvParam.optional(),
    asOf: asOfParam.optional().openapi({ type: 'string', description: 'Het moment van de stand van registratie (standaard nu; niet in de toekomst)' }),
  })
  .openapi('NewPublication');

export function publicationRoutes(deps: AppDeps) {
  const { auth, publications } = deps;
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        summary: 'De publicaties van een hele gemeente of een heel samenwerkingsverband, nieuwste eerst',
        security: SECURITY,
        request: { query: ScopeQuery },
        responses: { 200: { description: 'Publicaties', content: { 'application/json': { schema: z.array(Publication) } } }, ...errorResponses() },
      }),
      async (c) => {
        const principal = authorised(c, 'read-reports');
        const scope = reportScope(principal, c.req.valid('query'));
        scopeCode(scope);
        return c.json(await publications.list(scope), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        summary: 'Publiceren: de cijfers van een hele gemeente of een heel samenwerkingsverband op een vast moment, voor bestuur en raad',
        security: SECURITY,
        request: { body: { content: { 'application/json': { schema: NewPublication } }, required: true } },
        responses: { 201: { description: 'Gepubliceerd', content: { 'application/json': { schema: Publication } } }, ...errorResponses(409) },
      }),
      async (c) => {
        const principal = authorised(c, 'publish');
        const body = c.req.valid('json');
        const scope = reportScope(principal, { ...(body.gemeente ? { gemeente: body.gemeente } : {}), ...(body.swv ? { swv: body.swv } : {}) });
        const made = await publications.publish(scope, principal.subject, body.asOf);
        await auth.audit({ subject: principal.subject, role: principal.role, action: 'publish', target: `publications/${made.id}`, params: { scope: made.scope, asOf: made.asOf } });
        return c.json(made, 201);
      },
    );
}
