// Every read-model row in a stable order, as text: two dumps are equal when the read models are identical.
import { setImmediate } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Db } from '@pact/events';
import { READ_MODEL_TABLES } from '@pact/projections';

/** Table pages read per query: PGlite runs in this thread, and one long query would hold it (vitest's worker RPC times out after 60 s). */
const PAGES_PER_READ = 256;

export async function dumpReadModels(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of READ_MODEL_TABLES) {
    const { rows } = await sql<{ pages: number }>`select (pg_relation_size(${table}) / current_setting('block_size')::int)::int as pages`.execute(db);
    const lines: string[] = [];
    for (let from = 0; from < rows[0].pages; from += PAGES_PER_READ) {
      const slice = await sql<{ line: string }>`
        select t::text as line from ${sql.table(table)} t
        where t.ctid >= ${`(${from},0)`}::tid and t.ctid < ${`(${from + PAGES_PER_READ},0)`}::tid`.execute(db);
      for (const { line } of slice.rows) lines.push(line);
      await setImmediate();
    }
    out[table] = lines.sort();
  }
  return out;
}

/**
 * Every table of every schema, the system catalogs too (the planner's statistics hold sampled column values), in
 * which some row, read as text, contains one of `needles` (letters, digits and hyphens only).
 */
export async function tablesContaining(db: Db, needles: readonly string[]): Promise<string[]> {
  const { rows: tables } = await sql<{ name: string }>`
    select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p', 'm') and n.nspname <> 'pg_toast' order by 1`.execute(db);
  const pattern = needles.map((n) => n.toLowerCase()).join('|');
  const found: string[] = [];
  for (const { name } of tables) {
    const { rows } = await sql<{ hit: boolean }>`select exists (select 1 from ${sql.raw(name)} t where lower(t::text) ~ ${pattern}) as hit`.execute(db);
    if (rows[0].hit) found.push(name);
  }
  return found;
}
