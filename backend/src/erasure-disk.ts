// After an erasure the deleted rows are gone from the tables but not from the disk: PostgreSQL (and PGlite, which
// never vacuums by itself) keeps dead row versions in the heap and index files until their space is reused, and
// the WAL holds every insert (and full page images) until its segment is removed. `removeFromDisk` rewrites every
// table that can have held the child (VACUUM FULL: new heap and index files, the old ones truncated), the planner's
// statistics included, then starts a new WAL segment and checkpoints, with WAL recycling off, so that the segments
// that held the child are deleted rather than renamed for reuse.
//
// On PGlite this runs in the one backend and does all of it. On a PostgreSQL server the rewrite needs the table
// owner (the app's user), `pg_statistic` and the WAL steps a superuser (or `pg_checkpoint`); what the user may not
// do is skipped and reported, and `wal_recycle = off` must be set in the server's configuration (the checkpointer is
// another process). WAL archives and backups keep their own copies for their retention (README, Erasure).
import { sql } from 'kysely';
import type { Db } from '@pact/events';

export interface DiskResult {
  /** Tables rewritten. */
  rewritten: number;
  /** Steps the database user may not take (PostgreSQL without superuser): left to operations. */
  skipped: string[];
}

/** Schemas of ours whose tables can hold a child's childRef, case ids or event ids (log, read models, audit). */
const SCHEMAS = ['eventlog', 'readmodel', 'app'];

export async function removeFromDisk(db: Db): Promise<DiskResult> {
  const { rows } = await sql<{ name: string }>`
    select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and n.nspname = any(${SCHEMAS}::text[]) order by 1`.execute(db);
  const skipped: string[] = [];
  const attempt = async (step: string, query: ReturnType<typeof sql.raw>) => {
    try {
      await query.execute(db);
    } catch (error) {
      if ((error as { code?: string }).code !== '42501') throw error; // insufficient privilege
      skipped.push(step);
    }
  };
  for (const { name } of rows) await sql.raw(`vacuum (full, analyze) ${name}`).execute(db);
  await attempt('vacuum full pg_statistic', sql.raw('vacuum full pg_catalog.pg_statistic'));
  await attempt('wal_recycle = off', sql.raw('set wal_recycle = off'));
  await attempt('pg_switch_wal()', sql.raw('select pg_switch_wal()'));
  await attempt('checkpoint', sql.raw('checkpoint'));
  return { rewritten: rows.length, skipped };
}
