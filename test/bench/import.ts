// Import throughput (file → validated → appended) next to the raw rate of inserting the same rows with
// 500-row multi-row INSERTs into the same table, measured in the same run on the same store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { EVENT_LOG_SCHEMA, PostgresEventStore, type Db, type PactEvent } from '@pact/events';
import { readNdjsonFile } from '../../backend/src/cli/import.ts';
import { ingest } from '../../backend/src/ingest.ts';
import { randomHistory } from '../support/random-history.ts';
import { rate, ratio, timed, type ResultRow, type Target } from './support.ts';

const RAW_CHUNK = 500;

/** The reference: the same rows, 500 per INSERT … VALUES statement, in one transaction. */
async function rawInsert(db: Db, events: PactEvent[], recordedAt: string) {
  for (const statement of EVENT_LOG_SCHEMA) await statement.execute(db);
  const revisions = new Map<string, number>();
  const rows = events.map((e) => {
    const revision = (revisions.get(e.stream) ?? -1) + 1;
    revisions.set(e.stream, revision);
    return sql`(${e.eventId}::uuid, ${e.stream}, ${revision}, ${e.type}, ${JSON.stringify(e.data)}::jsonb, ${recordedAt}::timestamptz, ${e.schemaVersion})`;
  });
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += RAW_CHUNK) {
      await sql`insert into eventlog.events (event_id, stream, revision, type, data, recorded_at, schema_version) values ${sql.join(rows.slice(i, i + RAW_CHUNK))}`.execute(trx);
    }
  });
}

export async function benchImport(targets: Target[], count: number): Promise<ResultRow[]> {
  const events = randomHistory({ seed: 2024, cases: Math.ceil(count / 7) }).slice(0, count);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pact-bench-import-')), 'events.ndjson');
  fs.writeFileSync(file, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  const rows: ResultRow[] = [];
  for (const target of targets) {
    const rawDb = await target.fresh();
    const raw = await timed(() => rawInsert(rawDb.db, events, new Date().toISOString()));
    await rawDb.close();

    const database = await target.fresh();
    const store = await PostgresEventStore.create(database.db, database.kind);
    const imported = await timed(async () => ingest(store, await readNdjsonFile(file)));
    if (!imported.value.ok || imported.value.appended !== events.length) throw new Error(`import failed: ${JSON.stringify(imported.value).slice(0, 500)}`);
    const again = await timed(async () => ingest(store, await readNdjsonFile(file)));
    if (!again.value.ok || again.value.appended !== 0) throw new Error('re-import appended events');
    await database.close();

    rows.push({
      measure: `import ${events.length.toLocaleString('en-US')} events`,
      store: target.name,
      value: rate(events.length, imported.ms),
      reference: `raw INSERT ${rate(events.length, raw.ms)}`,
      ratio: ratio(raw.ms, imported.ms),
      target: '≥ 50%',
    });
    rows.push({ measure: 're-import (all duplicates)', store: target.name, value: rate(events.length, again.ms), reference: '', ratio: '' });
  }
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return rows;
}
