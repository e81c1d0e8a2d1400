// The EventStore port: what the rest of the program needs from an event log. Two adapters implement it
// (PostgreSQL/PGlite in ./postgres.ts, KurrentDB in ./kurrentdb.ts); one contract suite tests both.
import type { PactEvent, StoredEvent } from '../schemas.ts';

/** An opaque, totally ordered place in the global log; `START` is before the first event. */
export type Position = string;
export const START: Position = 'start';

/** The revision of a stream's last event (0-based), `no_stream` for a stream that must not exist yet, or `any`. */
export type ExpectedRevision = number | 'no_stream' | 'any';

export interface StreamWrite {
  stream: string;
  events: PactEvent[];
  /** Default `any`. Checked only when the write appends at least one new event. */
  expectedRevision?: ExpectedRevision;
}

export interface AppendOptions {
  /** Take `recordedAt` from the events (admin back-load); otherwise the store sets it. */
  historical?: boolean;
}

export interface AppendResult {
  appended: number;
  /** Events skipped because their `eventId` was stored already (or repeated in this append). */
  duplicates: number;
  /** Revision of each written stream's last event after the append. */
  revisions: Record<string, number>;
}

export interface ReadBatch {
  events: StoredEvent[];
  /** Where to continue reading; equals the `from` that was given when nothing was read. */
  next: Position;
}

/** The expected revision did not match: nothing was stored. */
export class ConcurrencyError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`Versieconflict op ${stream}: verwacht ${expected}, huidige revisie ${actual}`);
    this.name = 'ConcurrencyError';
  }
}

/** A historical `recordedAt` that is missing, in the future, or earlier than the stream's last one: nothing was stored. */
export class RecordedAtError extends Error {
  constructor(
    readonly stream: string,
    readonly eventId: string,
    readonly reason: 'missing' | 'future' | 'backwards',
    message: string,
  ) {
    super(message);
    this.name = 'RecordedAtError';
  }
}

/** The stream was erased and can never be written again (KurrentDB keeps a tombstone): nothing was stored. */
export class StreamErasedError extends Error {
  constructor(readonly stream: string) {
    super(`${stream} is gewist en kan niet opnieuw worden beschreven`);
    this.name = 'StreamErasedError';
  }
}

/**
 * An `eventId` that is stored already (anywhere in the log, or earlier in the same append) with other content:
 * nothing was stored. The message names nothing of the event that holds the id.
 */
export class EventIdReusedError extends Error {
  constructor(readonly eventId: string) {
    super(`eventId ${eventId} hoort al bij een ander event`);
    this.name = 'EventIdReusedError';
  }
}

/**
 * Whether an event sent again says the same as the one stored (or sent before) under its `eventId`: the same
 * stream, type, schema version and data (keys in any order), and the same `recordedAt` when both carry one. Only
 * then is it a duplicate; otherwise the id is reused.
 */
export function sameContent(a: PactEvent, b: PactEvent): boolean {
  const recorded = a.recordedAt === undefined || b.recordedAt === undefined || Date.parse(a.recordedAt) === Date.parse(b.recordedAt);
  return a.stream === b.stream && a.type === b.type && a.schemaVersion === b.schemaVersion && recorded && canonical(a.data) === canonical(b.data);
}

/** JSON with the keys of every object sorted (jsonb and KurrentDB do not keep the order they were sent in). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export interface EventStore {
  readonly name: string;
  /** Whether `readAll` and `follow` may still deliver events of deleted streams (KurrentDB, until its next scavenge). */
  readonly deletedEventsLinger: boolean;
  /**
   * Appends to one or more streams, all or nothing; an event whose `eventId` is stored already with the same
   * content (`sameContent`) is skipped, one with other content anywhere in the log is an `EventIdReusedError`.
   * (KurrentDB before 25.1 can only make each stream's part atomic; see kurrentdb.ts.)
   */
  append(writes: StreamWrite[], options?: AppendOptions): Promise<AppendResult>;
  /**
   * The stored events with these `eventId`s, wherever in the log they are (by lower-case id); ids not stored are
   * absent. Ingest checks every incoming id against it, so an id is never taken again by other content.
   */
  eventsById(ids: readonly string[]): Promise<Map<string, StoredEvent>>;
  /** A stream's events in stream order; empty when it does not exist. */
  readStream(stream: string): Promise<StoredEvent[]>;
  /** Several streams at once (for validating a batch); streams that do not exist are absent from the map. */
  readStreams(streams: readonly string[]): Promise<Map<string, StoredEvent[]>>;
  /** Up to `limit` events after `from`, in global order. Reading the same range again gives the same order. */
  readAll(from: Position, limit: number): Promise<ReadBatch>;
  /**
   * Catches up from `from`, then follows the log until `signal` aborts: `handle` gets every event exactly once,
   * in global order, in batches of at most `batchSize`; the next batch comes after `handle` resolves. A batch
   * may carry no events, only progress (`next`) past events that are not ours (KurrentDB `checkpointReached`).
   */
  follow(from: Position, handle: (batch: ReadBatch) => Promise<void>, options: { signal: AbortSignal; batchSize?: number }): Promise<void>;
  /** The position of the last event in the log (`START` when empty). */
  head(): Promise<Position>;
  /** How many events lie after `from`. */
  countAfter(from: Position): Promise<number>;
  /**
   * Removes streams with all their events (erasure on request): reading them gives nothing from then on. Returns
   * the number of events removed. PostgreSQL deletes the rows and the name may be used again; KurrentDB tombstones
   * the streams (writing one again is a `StreamErasedError`), and its reads of `$all` still deliver their events
   * until the server's next scavenge.
   */
  deleteStreams(streams: readonly string[]): Promise<number>;
  close(): Promise<void>;
}

/**
 * The `recordedAt` a store gives the next event of a stream whose last event was recorded at `last`: the clock
 * (never earlier than `last`, so per stream it never goes backwards), or for a historical back-load the event's
 * own `recordedAt`, which must be present, not after `now` and not before `last`.
 */
export function nextRecordedAt(stream: string, event: PactEvent, last: Date, now: Date, historical: boolean): Date {
  if (!historical) return new Date(Math.max(now.getTime(), last.getTime()));
  if (!event.recordedAt) throw new RecordedAtError(stream, event.eventId, 'missing', `Historische import: recordedAt ontbreekt bij event ${event.eventId}`);
  const at = new Date(event.recordedAt);
  if (at.getTime() > now.getTime()) throw new RecordedAtError(stream, event.eventId, 'future', `Historische import: recordedAt van event ${event.eventId} ligt in de toekomst`);
  if (at.getTime() < last.getTime()) {
    throw new RecordedAtError(stream, event.eventId, 'backwards', `Historische import: recordedAt van event ${event.eventId} ligt voor het vorige event van ${stream}; per stream gaat recordedAt nooit terug`);
  }
  return at;
}
