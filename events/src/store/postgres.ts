// The event log in PostgreSQL: one implementation for PGlite (in-process) and a server (`pg`).
//
// Global order is gap-safe under concurrent appends: every row carries the id of the transaction that wrote it
// (`pg_current_xact_id()`), readers order by (tx_id, position) and only read rows of transactions below the
// oldest one still running (`pg_snapshot_xmin(pg_current_snapshot())`). A transaction that commits late can
// therefore never slip in behind a position a reader has passed. Positions are the pair, as `"<tx_id>:<position>"`.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { PactEvent, StoredEvent } from '../schemas.ts';
import type { Db } from './database.ts';
import {
  ConcurrencyError,
  EventIdReusedError,
  nextRecordedAt,
  sameContent,
  START,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type Position,
  type ReadBatch,
  type StreamWrite,
} from './port.ts';

const INSERT_CHUNK = 1000;
const RETRIES = 8;

/** The event log's tables, one statement each (PGlite runs one statement per query). */
export const EVENT_LOG_SCHEMA = [
  sql`create schema if not exists eventlog`,
  sql`create table if not exists eventlog.events (
    position bigint generated always as identity primary key,
    tx_id xid8 not null default pg_current_xact_id(),
    event_id uuid not null unique,
    stream text not null,
    revision integer not null,
    type text not null,
    data jsonb not null,
    recorded_at timestamptz not null,
    schema_version smallint not null,
    unique (stream, revision)
  )`,
  sql`create index if not exists events_global_order on eventlog.events (tx_id, position)`,
];

interface Row {
  position: number;
  tx_id: string;
  event_id: string;
  stream: string;
  revision: number;
  type: string;
  data: Record<string, unknown>;
  recorded_at: Date;
  schema_version: number;
}

// Note: ORDER BY must name the table's columns (`e.tx_id`): a bare `tx_id` would sort by this text alias.
const COLUMNS = sql`position, tx_id::text as tx_id, event_id::text as event_id, stream, revision, type, data, recorded_at, schema_version`;

function toStored(row: Row): StoredEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    stream: row.stream,
    data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
    recordedAt: row.recorded_at.toISOString(),
    schemaVersion: row.schema_version,
    revision: row.revision,
    position: `${row.tx_id}:${row.position}`,
  } as StoredEvent;
}

function parsePosition(position: Position): { tx: string; pos: number } {
  if (position === START) return { tx: '0', pos: 0 };
  const m = /^(\d+):(\d+)$/.exec(position);
  if (!m) throw new Error(`not a PostgreSQL log position: ${position}`);
  return { tx: m[1], pos: Number(m[2]) };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === '23505';
}

export interface PostgresEventStoreOptions {
  /** The clock that sets `recordedAt`; injected so tests pass exact instants. */
  clock?: () => Date;
  /** How often `follow` looks for events written by other processes. */
  pollMs?: number;
}

export class PostgresEventStore implements EventStore {
  readonly name: string;
  readonly deletedEventsLinger = false;
  private readonly clock: () => Date;
  private readonly pollMs: number;
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly db: Db,
    kind: string,
    options: PostgresEventStoreOptions,
  ) {
    this.name = kind;
    this.clock = options.clock ?? (() => new Date());
    this.pollMs = options.pollMs ?? 250;
  }

  /** Creates the schema when missing. */
  static async create(db: Db, kind: 'pglite' | 'postgres', options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    for (const statement of EVENT_LOG_SCHEMA) await statement.execute(db);
    return new PostgresEventStore(db, kind, options);
  }

  async append(writes: StreamWrite[], options: AppendOptions = {}): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.db.transaction().execute((trx) => this.appendIn(trx, writes, options));
        if (result.appended > 0) this.wake();
        return result;
      } catch (error) {
        // A concurrent writer took the same (stream, revision) or eventId: look again with fresh state.
        if (!isUniqueViolation(error) || attempt >= RETRIES) throw error;
        await sleep(Math.random() * 5 * attempt);
      }
    }
  }

  private async appendIn(trx: Db, writes: StreamWrite[], options: AppendOptions): Promise<AppendResult> {
    const streams = [...new Set(writes.map((w) => w.stream))];
    const ids = writes.flatMap((w) => w.events.map((e) => e.eventId.toLowerCase()));
    const heads = new Map<string, { revision: number; recordedAt: Date }>();
    if (streams.length > 0) {
      const { rows } = await sql<{ stream: string; revision: number; recorded_at: Date }>`
        select stream, max(revision) as revision, max(recorded_at) as recorded_at
        from eventlog.events where stream = any(${streams}::text[]) group by stream`.execute(trx);
      for (const r of rows) heads.set(r.stream, { revision: r.revision, recordedAt: r.recorded_at });
    }
    // By id: what the log holds already, then also what this append writes; a known id is a duplicate only with the same content.
    const known = new Map<string, PactEvent>();
    if (ids.length > 0) {
      const { rows } = await sql<Row>`select ${COLUMNS} from eventlog.events where event_id = any(${ids}::uuid[])`.execute(trx);
      for (const r of rows) known.set(r.event_id, toStored(r));
    }

    const now = this.clock();
    const rows: { eventId: string; stream: string; revision: number; event: PactEvent; recordedAt: Date }[] = [];
    const revisions: Record<string, number> = {};
    let duplicates = 0;
    for (const write of writes) {
      const fresh = write.events.filter((e) => {
        const id = e.eventId.toLowerCase();
        const earlier = known.get(id);
        if (earlier) {
          if (!sameContent(earlier, { ...e, stream: write.stream })) throw new EventIdReusedError(id);
          duplicates++;
          return false;
        }
        known.set(id, { ...e, stream: write.stream });
        return true;
      });
      const head = heads.get(write.stream);
      const actual = head ? head.revision : 'no_stream';
      if (fresh.length === 0) {
        if (head) revisions[write.stream] = head.revision;
        continue;
      }
      const expected = write.expectedRevision ?? 'any';
      if (expected !== 'any' && expected !== actual) throw new ConcurrencyError(write.stream, expected, actual);
      let revision = head ? head.revision : -1;
      let last = head?.recordedAt ?? new Date(0);
      for (const event of fresh) {
        const recordedAt = nextRecordedAt(write.stream, event, last, now, options.historical ?? false);
        last = recordedAt;
        rows.push({ eventId: event.eventId.toLowerCase(), stream: write.stream, revision: ++revision, event, recordedAt });
      }
      heads.set(write.stream, { revision, recordedAt: last });
      revisions[write.stream] = revision;
    }

    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      await sql`
        insert into eventlog.events (event_id, stream, revision, type, data, recorded_at, schema_version)
        select * from unnest(
          ${chunk.map((r) => r.eventId)}::uuid[], ${chunk.map((r) => r.stream)}::text[], ${chunk.map((r) => r.revision)}::int[],
          ${chunk.map((r) => r.event.type)}::text[], ${chunk.map((r) => JSON.stringify(r.event.data))}::jsonb[],
          ${chunk.map((r) => r.recordedAt.toISOString())}::timestamptz[], ${chunk.map((r) => r.event.schemaVersion)}::smallint[])`.execute(trx);
    }
    return { appended: rows.length, duplicates, revisions };
  }

  async eventsById(ids: readonly string[]): Promise<Map<string, StoredEvent>> {
    const out = new Map<string, StoredEvent>();
    if (ids.length === 0) return out;
    const { rows } = await sql<Row>`
      select ${COLUMNS} from eventlog.events where event_id = any(${ids.map((id) => id.toLowerCase())}::uuid[])`.execute(this.db);
    for (const row of rows) out.set(row.event_id, toStored(row));
    return out;
  }

  async readStream(stream: string): Promise<StoredEvent[]> {
    return (await this.readStreams([stream])).get(stream) ?? [];
  }

  async readStreams(streams: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    const out = new Map<string, StoredEvent[]>();
    if (streams.length === 0) return out;
    const { rows } = await sql<Row>`
      select ${COLUMNS} from eventlog.events where stream = any(${[...streams]}::text[]) order by stream, revision`.execute(this.db);
    for (const row of rows) {
      const list = out.get(row.stream);
      if (list) list.push(toStored(row));
      else out.set(row.stream, [toStored(row)]);
    }
    return out;
  }

  async readAll(from: Position, limit: number): Promise<ReadBatch> {
    const { tx, pos } = parsePosition(from);
    const { rows } = await sql<Row>`
      select ${COLUMNS} from eventlog.events e
      where (e.tx_id, e.position) > (${tx}::xid8, ${pos}::bigint)
        and e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
      order by e.tx_id, e.position
      limit ${limit}`.execute(this.db);
    const events = rows.map(toStored);
    return { events, next: events.length > 0 ? events[events.length - 1].position : from };
  }

  async follow(from: Position, handle: (batch: ReadBatch) => Promise<void>, options: { signal: AbortSignal; batchSize?: number }): Promise<void> {
    const { signal, batchSize = 500 } = options;
    let position = from;
    while (!signal.aborted) {
      const batch = await this.readAll(position, batchSize);
      if (batch.events.length > 0) {
        await handle(batch);
        position = batch.next;
        continue;
      }
      await this.waitForAppend(signal);
    }
  }

  /** Resolves on the next append in this process, after `pollMs` (other processes), or on abort. */
  private waitForAppend(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      // whichever comes first; it removes the other two, so no timer or abort listener outlives the wait
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.pollMs);
      signal.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }

  private wake() {
    for (const waiter of [...this.waiters]) waiter();
  }

  async head(): Promise<Position> {
    const { rows } = await sql<{ tx_id: string; position: number }>`
      select e.tx_id::text as tx_id, e.position from eventlog.events e order by e.tx_id desc, e.position desc limit 1`.execute(this.db);
    return rows.length > 0 ? `${rows[0].tx_id}:${rows[0].position}` : START;
  }

  async countAfter(from: Position): Promise<number> {
    const { tx, pos } = parsePosition(from);
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from eventlog.events where (tx_id, position) > (${tx}::xid8, ${pos}::bigint)`.execute(this.db);
    return rows[0].n;
  }

  /** Deletes the rows, then refreshes the planner's statistics, which hold sampled values of the table's columns. */
  async deleteStreams(streams: readonly string[]): Promise<number> {
    if (streams.length === 0) return 0;
    const result = await sql`delete from eventlog.events where stream = any(${[...streams]}::text[])`.execute(this.db);
    await sql`analyze eventlog.events`.execute(this.db);
    return Number(result.numAffectedRows ?? 0);
  }

  async close(): Promise<void> {
    this.wake();
  }
}
