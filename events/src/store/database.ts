// One way to open a PostgreSQL database for the event log and the read models: in-process PGlite (a data dir,
// or memory) or a server through `pg`. Both give a Kysely handle with the same value types:
// int8 and numeric as numbers, dates as `YYYY-MM-DD` strings, timestamps as Date.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';

export type Db = Kysely<any>;

export interface OpenDatabase {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const asNumber = (v: string) => Number(v);
const asText = (v: string) => v;

/** PGlite in `dataDir` (created when missing), or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir?: string): Promise<OpenDatabase> {
  // One options object: PGlite.create(undefined, options) would ignore the options.
  const client = await PGlite.create({ dataDir, parsers: { [INT8]: asNumber, [NUMERIC]: asNumber, [DATE]: asText } });
  await client.exec(`set work_mem = '32MB'`); // as on a server (openPostgres): report sorts stay in memory
  const db: Db = new Kysely({ dialect: new PGliteDialect(client) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

let pgTypesSet = false;

/** A PostgreSQL server through a `pg` pool. */
export function openPostgres(url: string, options: { max?: number } = {}): OpenDatabase {
  if (!pgTypesSet) {
    pg.types.setTypeParser(INT8, asNumber);
    pg.types.setTypeParser(NUMERIC, asNumber);
    pg.types.setTypeParser(DATE, asText);
    pgTypesSet = true;
  }
  // Reports are analytic queries of tenths of seconds: JIT compilation costs more than it saves on them (a
  // whole-country year report spent a third of its time compiling), and their sorts should not spill to disk.
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, options: '-c jit=off -c work_mem=32MB' });
  // An idle connection the server ends (a restart, a terminated backend) is dropped by the pool and replaced
  // on the next query; unhandled, its error would end the whole process.
  pool.on('error', (error) => console.warn(`PostgreSQL: een ongebruikte verbinding is verbroken (${error.message}); de volgende vraag opent een nieuwe`));
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}
