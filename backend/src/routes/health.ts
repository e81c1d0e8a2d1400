// GET /api/health: liveness, event-store and database reachability, log position and projection lag.
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { AppDeps } from '../app.ts';
import { router } from '../http/context.ts';

async function probe<T>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    eventStore: z.object({ kind: z.string(), reachable: z.boolean(), position: z.string().nullable(), error: z.string().optional() }),
    database: z.object({ reachable: z.boolean(), error: z.string().optional() }),
    projection: z.union([z.object({ position: z.string(), lag: z.number() }), z.object({ error: z.string() }), z.null()]),
    instance: z
      .object({ id: z.string(), projecting: z.boolean(), projector: z.string().nullable().openapi({ description: 'De instantie die de projecties uitvoert (null: op dit moment geen)' }) })
      .optional(),
  })
  .openapi('Health');

export function healthRoutes(deps: AppDeps) {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'Leeft de dienst; zijn eventlog en database bereikbaar; hoe ver lopen de projecties achter',
      responses: { 200: { description: 'Alles bereikbaar', content: { 'application/json': { schema: Health } } }, 503: { description: 'Iets is niet bereikbaar', content: { 'application/json': { schema: Health } } } },
    }),
    async (c) => {
      const { runtime } = deps;
      const { leadership } = deps;
      const [position, database, lag, projector] = await Promise.all([
        probe(() => runtime.store.head()),
        probe(() => sql`select 1`.execute(runtime.db)),
        probe(async () => (deps.projectionLag ? deps.projectionLag() : null)),
        probe(async () => (leadership ? leadership.projector() : null)),
      ]);
      const ok = position.ok && database.ok;
      const body = {
        status: ok ? ('ok' as const) : ('degraded' as const),
        eventStore: { kind: runtime.storeKind, reachable: position.ok, position: position.ok ? position.value : null, ...(position.ok ? {} : { error: position.error }) },
        database: { reachable: database.ok, ...(database.ok ? {} : { error: database.error }) },
        projection: lag.ok ? lag.value : { error: lag.error },
        ...(leadership ? { instance: { id: leadership.instance, projecting: leadership.projecting(), projector: projector.ok ? projector.value : null } } : {}),
      };
      return ok ? c.json(body, 200) : c.json(body, 503);
    },
  );
}
