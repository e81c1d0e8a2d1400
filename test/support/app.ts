// The real app (`createApp`) on an in-memory PGlite (or a given database) with the projections and the auth store migrated, for
// tests through `app.request()` without a port; with helpers to make API tokens and sessions per role.
import { openPglite, PostgresEventStore, type OpenDatabase, type PactEvent } from '@pact/events';
import { Projector } from '@pact/projections';
import { createApp } from '../../backend/src/app.ts';
import type { Role, UserScope } from '../../backend/src/auth/roles.ts';
import { AuthStore } from '../../backend/src/auth/store.ts';
import { configFromEnv, type Config } from '../../backend/src/config.ts';
import { ingest } from '../../backend/src/ingest.ts';
import type { Runtime } from '../../backend/src/runtime.ts';
import type { RateLimiter } from '../../backend/src/auth/rate-limit.ts';
import { PublicationStore } from '../../backend/src/reports/publications.ts';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  runtime: Runtime;
  projector: Projector;
  auth: AuthStore;
  publications: PublicationStore;
  /** Appends events as an admin import would (historical when they carry recordedAt) and projects them. */
  load(events: PactEvent[]): Promise<void>;
  /** An API token for the role, with the scope codes given. */
  token(role: Role, codes?: string[]): Promise<string>;
  close(): Promise<void>;
}

const scopeOf = (codes: string[]): UserScope => ({ gemeenten: codes.filter((c) => c.startsWith('GM')), swvs: codes.filter((c) => !c.startsWith('GM')) });

/** `database`: another than a fresh in-memory PGlite (e.g. PostgreSQL from test/support/databases.ts). */
export async function testApp(options: { clock?: () => Date; config?: Partial<Config>; loginLimiter?: RateLimiter; database?: OpenDatabase } = {}): Promise<TestApp> {
  const database = options.database ?? (await openPglite());
  const clock = options.clock ?? (() => new Date());
  const store = await PostgresEventStore.create(database.db, database.kind, { clock });
  const runtime: Runtime = {
    config: configFromEnv({}, options.config),
    store,
    db: database.db,
    storeKind: database.kind,
    clock,
    async close() {
      await store.close();
      await database.close();
    },
  };
  const projector = new Projector(database.db, store);
  await projector.migrate();
  const auth = new AuthStore(database.db, clock);
  await auth.migrate();
  const publications = new PublicationStore(database.db, runtime.config.region, clock);
  await publications.migrate();
  const app = createApp({ runtime, auth, projector, publications, projectionLag: () => projector.status(), loginLimiter: options.loginLimiter });
  return {
    app,
    runtime,
    projector,
    auth,
    publications,
    async load(events) {
      const historical = events.some((e) => e.recordedAt !== undefined);
      const result = await ingest(store, events.map((value, i) => ({ line: i + 1, value })), { historical, clock });
      if (!result.ok) throw new Error(`load failed: ${JSON.stringify(result).slice(0, 1000)}`);
      await projector.catchUp();
    },
    async token(role, codes = []) {
      return (await auth.addToken(`test ${role}`, role, scopeOf(codes), 'test')).token;
    },
    close: () => runtime.close(),
  };
}
