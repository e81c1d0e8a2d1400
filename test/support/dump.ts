// Every read-model row in a stable order, as text: two dumps are equal when the read models are identical.
import { sql } from 'kysely';
import type { Db } from '@pact/events';
import { READ_MODEL_TABLES } from '@pact/projections';

export async function dumpReadModels(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of READ_MODEL_TABLES) {
    const { rows } = await sql<{ line: string }>`select t::text as line from ${sql.table(table)} t order by 1`.execute(db);
    out[table] = rows.map((r) => r.line);
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
