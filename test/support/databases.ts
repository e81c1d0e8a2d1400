// Fresh databases for tests: PGlite in memory always; a new database on the PostgreSQL server of
// TEST_DATABASE_URL when it is set (dropped afterwards).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type OpenDatabase } from '@pact/events';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export interface TestDatabase extends OpenDatabase {
  url?: string;
}

export interface DatabaseKind {
  name: 'pglite' | 'postgres';
  open(): Promise<TestDatabase>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function freshPostgres(): Promise<TestDatabase> {
  const name = `pact_t_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const opened = openPostgres(url.toString(), { max: 12 });
  return {
    ...opened,
    url: url.toString(),
    async close() {
      await opened.close();
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** PGlite always; PostgreSQL when TEST_DATABASE_URL is set. */
export const databaseKinds: DatabaseKind[] = [
  { name: 'pglite', open: () => openPglite() },
  ...(TEST_DATABASE_URL ? [{ name: 'postgres' as const, open: freshPostgres }] : []),
];
