// Opens the event store and the read-model database the configuration asks for.
import path from 'node:path';
import { KurrentEventStore, openPglite, openPostgres, PostgresEventStore, type Db, type EventStore, type OpenDatabase } from '@pact/events';
import type { Config } from './config.ts';
import { lockDataDir } from './data-dir-lock.ts';

export interface Runtime {
  config: Config;
  store: EventStore;
  /** The read models (and, on PostgreSQL/PGlite, the event log too). */
  db: Db;
  /** `pglite` (embedded), `postgres` or `kurrentdb`: which event store runs. */
  storeKind: 'pglite' | 'postgres' | 'kurrentdb';
  clock: () => Date;
  close(): Promise<void>;
}

export async function openRuntime(config: Config, options: { clock?: () => Date } = {}): Promise<Runtime> {
  const clock = options.clock ?? (() => new Date());
  let release = () => {};
  let database: OpenDatabase;
  if (config.databaseUrl) {
    database = openPostgres(config.databaseUrl);
  } else {
    release = lockDataDir(config.dataDir);
    try {
      database = await openPglite(path.join(config.dataDir, 'pglite'));
    } catch (error) {
      release();
      throw error;
    }
  }
  const store: EventStore = config.eventstoreUrl
    ? await KurrentEventStore.connect(config.eventstoreUrl, { clock })
    : await PostgresEventStore.create(database.db, database.kind, { clock });
  return {
    config,
    store,
    db: database.db,
    storeKind: config.eventstoreUrl ? 'kurrentdb' : database.kind,
    clock,
    async close() {
      await store.close();
      await database.close();
      release();
    },
  };
}
