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
