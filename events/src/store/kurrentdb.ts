// The event log in KurrentDB / EventStoreDB, through `@kurrent/kurrentdb-client` 1.x.
//
// Mapping. A stream is the KurrentDB stream of the same name. An event is a `jsonEvent` whose id is our `eventId`
// (lower case), whose type and data are ours, and whose metadata is `{ recordedAt, schemaVersion }` (strings).
// Revisions are KurrentDB's stream revisions (0-based, like ours). A position is KurrentDB's `{ commit, prepare }`
// written as the text "<commit>:<prepare>" (decimal); `START` is the beginning of `$all`. Reads of `$all` leave out
// system events (`excludeSystemEvents()`, `$`-prefixed types) and every event whose type is not in our vocabulary.
//
// What is atomic, and what is guaranteed:
// - A write to one stream is atomic: its events are appended all or nothing. The append always carries the stream
//   revision this adapter read as its expected state (`streamState`), also when the caller asked for `any`, so a
//   concurrent writer is always detected: the whole append is then read and planned again (duplicates, revisions and
//   `recordedAt` from the fresh state), and only a real mismatch with the caller's `expectedRevision` becomes a
//   `ConcurrencyError` carrying the current revision.
// - A write to several streams is atomic only when the server offers multi-stream append (KurrentDB 25.1 and later,
//   `multiStreamAppend`): all streams are written with their expected revisions checked, or none is.
// - On older servers (EventStoreDB, KurrentDB before 25.1) the client throws `UnsupportedError` and the adapter falls
//   back to one append per stream, in the order of the writes, after checking every stream's expected revision
//   against what it read. Each of those appends is atomic; together they are not. If one fails midway, the streams
//   before it stay written and the rest are not. A concurrent writer on a later stream makes the adapter plan again,
//   which skips what it already wrote and finishes, unless the caller's `expectedRevision` no longer holds: then it
//   throws `ConcurrencyError` with the earlier streams written. Any other error (network, server) is thrown as is,
//   with the same partial result. So the port's "all or nothing" does not hold here; sending the same append again
//   completes it, because events already stored are skipped by `eventId` and their streams are then not checked.
// - Event ids are unique in the whole log, as on PostgreSQL. KurrentDB has no store-wide index of event ids, so the
//   adapter keeps one itself: every event it appends claims its id in a stream of its own, `pact-eventid-<eventId>`,
//   holding one event `PactEventIdClaimed { stream }` written with expected state `no_stream` in the same
//   multi-stream append (on older servers, just before the stream's own append). A second writer of the same id
//   fails on the claim, reads it and gets `EventIdReusedError` (or skips the event when it is the same one again).
//   `eventsById` reads the claims and then the claimed streams. A claim whose stream never got the event (an older
//   server's append failed after it) keeps the id for that stream: sending the same append again completes it.
//   Claims are not ours (`isOurs`): reads of `$all` leave them out. The cost: one more stream and one more read per
//   event. Events written before these claims existed, or by another tool, are only known in their own stream.
// - `recordedAt` comes from the injected clock and never goes backwards within a stream (the later of the clock and
//   the stream's last `recordedAt`); a historical back-load supplies it and it is checked as in PostgreSQL.
//
// Erasure. `deleteStreams` tombstones (hard-deletes) the streams: reading them gives nothing at once, and the names
// can never be written again (the client's `StreamDeletedError`, or `StreamTombstonedError` from a multi-stream
// append, becomes our `StreamErasedError`). KurrentDB removes the events from disk, and from reads of `$all`
// (`readAll`, `follow`, `countAfter`), only at its next scavenge: run a scavenge after an erasure request. Until then
// they are still read (`deletedEventsLinger`): the projections leave out events whose stream can no longer be read.
import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  START as LOG_START,
  StreamDeletedError,
  StreamNotFoundError,
  StreamTombstonedError,
  UnsupportedError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type AllStreamRecordedEvent,
  type AllStreamResolvedEvent,
  type Direction,
  type EventData,
  type Position as LogPosition,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { EVENT_TYPES, type PactEvent, type StoredEvent } from '../schemas.ts';
import {
  ConcurrencyError,
  EventIdReusedError,
  nextRecordedAt,
  sameContent,
  START,
  StreamErasedError,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type Position,
  type ReadBatch,
  type StreamWrite,
} from './port.ts';

const RETRIES = 8;
const READ_CONCURRENCY = 8;
const COUNT_PAGE = 1000;
const HEAD_PAGE = 16;
const OUR_TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);
const CLAIM_TYPE = 'PactEventIdClaimed';
const CLAIM_PREFIX = 'pact-eventid-';
const CLAIM_READ_CONCURRENCY = 32;

/** The stream in which an event id is claimed (see the top of this file). */
export const claimStream = (eventId: string) => `${CLAIM_PREFIX}${eventId.toLowerCase()}`;

/** The parts of the client this adapter calls; tests pass an in-memory fake. */
export type KurrentClient = Pick<
  KurrentDBClient,
  'appendToStream' | 'multiStreamAppend' | 'readStream' | 'readAll' | 'subscribeToAll' | 'tombstoneStream' | 'dispose'
>;

/** A stored event as the client returns it, from a stream read (position optional) or a `$all` read. */
export type Recorded = Pick<AllStreamRecordedEvent, 'id' | 'streamId' | 'type' | 'revision' | 'data' | 'metadata' | 'created'> & {
  position?: LogPosition;
};

/** Our opaque position as text: `"<commit>:<prepare>"`. */
export function encodePosition(position: LogPosition): Position {
  return `${position.commit}:${position.prepare}`;
}

/** The client's read position for one of ours; `START` is the beginning of `$all`. */
export function decodePosition(position: Position): ReadPosition {
  if (position === START) return LOG_START;
  const m = /^(\d+):(\d+)$/.exec(position);
  if (!m) throw new Error(`not a KurrentDB log position: ${position}`);
  return { commit: BigInt(m[1]), prepare: BigInt(m[2]) };
}

/** Orders two log positions: negative when `a` comes first, 0 when equal, positive when `a` comes later. */
export function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}

/** Whether a recorded event is one of ours: not in a system stream and of a type in our vocabulary. */
export function isOurs(event: Pick<Recorded, 'streamId' | 'type'>): boolean {
  return !event.streamId.startsWith('$') && OUR_TYPES.has(event.type);
}

/** Our stored event from a recorded one; `recordedAt` and `schemaVersion` come from its metadata. */
export function toStoredEvent(event: Recorded): StoredEvent {
  if (!event.position) throw new Error(`KurrentDB returned ${event.streamId}@${event.revision} without a log position (server before 22.6?)`);
  const meta = (typeof event.metadata === 'object' && event.metadata !== null ? event.metadata : {}) as Record<string, unknown>;
  return {
    eventId: event.id.toLowerCase(),
    type: event.type,
    stream: event.streamId,
    data: event.data,
    // Events of our types written by another tool have no metadata: the server's own timestamp is the best we have.
    recordedAt: typeof meta.recordedAt === 'string' ? meta.recordedAt : event.created.toISOString(),
    schemaVersion: Number(meta.schemaVersion ?? 1),
    revision: Number(event.revision),
    position: encodePosition(event.position),
  } as StoredEvent;
}

/** The events to append to one stream, and the stream state the append expects. */
export interface PlannedAppend {
  stream: string;
  /** The stream's state as read: its last revision, or `no_stream`. */
  expectedState: bigint | typeof NO_STREAM;
  events: { event: PactEvent; recordedAt: string }[];
}

/** What the log says of one event id: the event stored under it, or only a claim for a stream (see the top), or an erased id. */
export type IdState = { stored: StoredEvent } | { claimedFor: string } | 'erased';

/**
 * What `append` will write, decided from the streams as read and the state of every id written (a pure function of
 * its arguments): an id stored with the same content is a duplicate, with other content (or claimed for another
 * stream, or erased) an `EventIdReusedError`; each new event gets a claim unless its stream holds one already.
 */
export function planAppend(
  writes: readonly StreamWrite[],
  existing: ReadonlyMap<string, readonly StoredEvent[]>,
  now: Date,
  historical: boolean,
  ids: ReadonlyMap<string, IdState> = new Map(),
): { appends: PlannedAppend[]; claims: PlannedAppend[]; duplicates: number; revisions: Record<string, number> } {
  const known = new Map<string, PactEvent>();
  const heads = new Map<string, { revision: number | 'no_stream'; recordedAt: Date }>();
  for (const [stream, events] of existing) {
    for (const e of events) known.set(e.eventId.toLowerCase(), e);
    const last = events.reduce((max, e) => Math.max(max, Date.parse(e.recordedAt)), 0);
    heads.set(stream, { revision: events.length > 0 ? events[events.length - 1].revision : 'no_stream', recordedAt: new Date(last) });
  }
  for (const [id, state] of ids) if (typeof state === 'object' && 'stored' in state) known.set(id, state.stored);
  const planned = new Map<string, PlannedAppend>();
  const claims: PlannedAppend[] = [];
  const revisions: Record<string, number> = {};
  let duplicates = 0;
  for (const write of writes) {
    const fresh = write.events.filter((e) => {
      const id = e.eventId.toLowerCase();
      const event = { ...e, stream: write.stream };
      const earlier = known.get(id);
      if (earlier) {
        if (!sameContent(earlier, event)) throw new EventIdReusedError(id);
        duplicates++;
        return false;
      }
      const state = ids.get(id);
      if (state === 'erased' || (typeof state === 'object' && 'claimedFor' in state && state.claimedFor !== write.stream)) throw new EventIdReusedError(id);
      if (state === undefined) claims.push({ stream: claimStream(id), expectedState: NO_STREAM, events: [{ event, recordedAt: now.toISOString() }] });
      known.set(id, event);
      return true;
    });
    const head = heads.get(write.stream) ?? { revision: 'no_stream' as const, recordedAt: new Date(0) };
    if (fresh.length === 0) {
      if (head.revision !== 'no_stream') revisions[write.stream] = head.revision;
      continue;
    }
    const expected = write.expectedRevision ?? 'any';
    if (expected !== 'any' && expected !== head.revision) throw new ConcurrencyError(write.stream, expected, head.revision);
    let append = planned.get(write.stream);
    if (!append) {
      const expectedState = head.revision === 'no_stream' ? NO_STREAM : BigInt(head.revision);
      append = { stream: write.stream, expectedState, events: [] };
      planned.set(write.stream, append);
    }
    let last = head.recordedAt;
    for (const event of fresh) {
      last = nextRecordedAt(write.stream, event, last, now, historical);
      append.events.push({ event, recordedAt: last.toISOString() });
    }
    const revision = (head.revision === 'no_stream' ? -1 : head.revision) + fresh.length;
    heads.set(write.stream, { revision, recordedAt: last });
    revisions[write.stream] = revision;
  }
  return { appends: [...planned.values()], claims, duplicates, revisions };
}

/** The client's event for a planned one: our `eventId` as its id, `recordedAt` in its metadata. */
export function toEventData({ event, recordedAt }: PlannedAppend['events'][number]): EventData {
  return jsonEvent({
    id: event.eventId.toLowerCase(),
    type: event.type,
    data: event.data,
    // Strings only: multi-stream append accepts nothing else as metadata.
    metadata: { recordedAt, schemaVersion: String(event.schemaVersion) },
  });
}

/** The claim of a planned event's id: which stream holds it (its own event id is fresh, our id is in the stream name). */
export function toClaimData({ event }: PlannedAppend['events'][number]): EventData {
  return jsonEvent({ id: randomUUID(), type: CLAIM_TYPE, data: { stream: event.stream }, metadata: {} });
}

/** Maps `items` with at most `limit` calls of `fn` running at a time; results in input order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Groups what a readable stream has buffered into arrays of at most `size` picked items (`pick` returns `undefined`
 * to leave one out), handing out a group as soon as it is full or nothing more is buffered.
 */
export async function* drainInBatches<T, U>(
  source: AsyncIterable<T> & { readonly readableLength: number },
  size: number,
  pick: (item: T) => U | undefined,
): AsyncGenerator<U[]> {
  let batch: U[] = [];
  for await (const item of source) {
    const picked = pick(item);
    if (picked !== undefined) batch.push(picked);
    if (batch.length === size || (batch.length > 0 && source.readableLength === 0)) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** The `EventStore` port on KurrentDB / EventStoreDB; see the top of this file for what it guarantees. */
export class KurrentEventStore implements EventStore {
  readonly name = 'kurrentdb';
  readonly deletedEventsLinger = true;
  private readonly clock: () => Date;

  constructor(
    private readonly client: KurrentClient,
    options: { clock?: () => Date } = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** Connects with a connection string (`kurrentdb://…` or `esdb://…`) and checks that `$all` can be read. */
  static async connect(url: string, options: { clock?: () => Date } = {}): Promise<KurrentEventStore> {
    const client = KurrentDBClient.connectionString(url);
    try {
      // The client connects lazily: read one event so a wrong address or credentials fail here, not later.
      for await (const _ of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) break;
    } catch (error) {
      await client.dispose();
      throw error;
    }
    return new KurrentEventStore(client, options);
  }

  async append(writes: StreamWrite[], options: AppendOptions = {}): Promise<AppendResult> {
    const streams = [...new Set(writes.map((w) => w.stream))];
    const ids = [...new Set(writes.flatMap((w) => w.events.map((e) => e.eventId.toLowerCase())))];
    for (let attempt = 1; ; attempt++) {
      const [existing, states] = await Promise.all([this.readStreams(streams), this.idStates(ids)]);
      const plan = planAppend(writes, existing, this.clock(), options.historical ?? false, states);
      try {
        await this.write(plan.appends, plan.claims);
        return { appended: plan.appends.reduce((n, a) => n + a.events.length, 0), duplicates: plan.duplicates, revisions: plan.revisions };
      } catch (error) {
        if (error instanceof StreamDeletedError) throw this.erased(error.streamName);
        if (error instanceof StreamTombstonedError) throw this.erased(error.stream);
        // Another writer moved a stream (or claimed an id) after we read it: plan again on the fresh state.
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (attempt >= RETRIES) {
          if (error.streamName.startsWith(CLAIM_PREFIX)) throw new EventIdReusedError(error.streamName.slice(CLAIM_PREFIX.length));
          const actual = error.actualState === NO_STREAM ? 'no_stream' : Number(error.actualState);
          const expected = writes.find((w) => w.stream === error.streamName)?.expectedRevision ?? 'any';
          throw new ConcurrencyError(error.streamName, expected, actual);
        }
        await sleep(Math.random() * 5 * attempt);
      }
    }
  }

  /** A tombstoned claim is an erased event's id (taken for ever); a tombstoned stream of ours cannot be written again. */
  private erased(stream: string): Error {
    return stream.startsWith(CLAIM_PREFIX) ? new EventIdReusedError(stream.slice(CLAIM_PREFIX.length)) : new StreamErasedError(stream);
  }

  /** Claims go with their streams in one multi-stream append; on older servers each stream's claims just before it. */
  private async write(appends: PlannedAppend[], claims: PlannedAppend[]): Promise<void> {
    if (appends.length + claims.length > 1) {
      try {
        await this.client.multiStreamAppend([
          ...appends.map((a) => ({ streamName: a.stream, expectedState: a.expectedState, events: a.events.map(toEventData) })),
          ...claims.map((c) => ({ streamName: c.stream, expectedState: c.expectedState, events: c.events.map(toClaimData) })),
        ]);
        return;
      } catch (error) {
        if (!(error instanceof UnsupportedError)) throw error;
      }
    }
    for (const a of appends) {
      for (const c of claims) {
        if (c.events[0].event.stream === a.stream) await this.client.appendToStream(c.stream, c.events.map(toClaimData), { streamState: c.expectedState });
      }
      await this.client.appendToStream(a.stream, a.events.map(toEventData), { streamState: a.expectedState });
    }
  }

  async eventsById(ids: readonly string[]): Promise<Map<string, StoredEvent>> {
    const out = new Map<string, StoredEvent>();
    for (const [id, state] of await this.idStates(ids)) if (typeof state === 'object' && 'stored' in state) out.set(id, state.stored);
    return out;
  }

  /** Each claimed or erased id's state: its claim, and the event when the claimed stream holds it. */
  private async idStates(ids: readonly string[]): Promise<Map<string, IdState>> {
    const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
    const claims = await mapBounded(unique, CLAIM_READ_CONCURRENCY, (id) => this.readClaim(id));
    const held = await this.readStreams([...new Set(claims.filter((c) => typeof c === 'string'))]);
    const out = new Map<string, IdState>();
    unique.forEach((id, i) => {
      const claim = claims[i];
      if (claim === undefined) return;
      if (claim === 'erased') return out.set(id, 'erased');
      const stored = held.get(claim)?.find((e) => e.eventId === id);
      out.set(id, stored ? { stored } : { claimedFor: claim });
    });
    return out;
  }

  /** The stream an id is claimed for, `erased` for a tombstoned claim, `undefined` for an id never claimed. */
  private async readClaim(id: string): Promise<string | 'erased' | undefined> {
    try {
      for await (const { event } of this.client.readStream(claimStream(id), { maxCount: 1 })) {
        const stream = (event?.data as { stream?: unknown } | undefined)?.stream;
        if (typeof stream === 'string') return stream;
      }
    } catch (error) {
      if (error instanceof StreamDeletedError) return 'erased';
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
    return undefined;
  }

  async readStream(stream: string): Promise<StoredEvent[]> {
    return (await this.readStreams([stream])).get(stream) ?? [];
  }

  async readStreams(streams: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    const names = [...new Set(streams)];
    const read = await mapBounded(names, READ_CONCURRENCY, (stream) => this.readOne(stream));
    const out = new Map<string, StoredEvent[]>();
    names.forEach((stream, i) => {
      if (read[i]) out.set(stream, read[i]);
    });
    return out;
  }

  /** A stream's events, or `undefined` when it does not exist (never written, or deleted). */
  private async readOne(stream: string): Promise<StoredEvent[] | undefined> {
    const events: StoredEvent[] = [];
    try {
      for await (const { event } of this.client.readStream(stream)) if (event) events.push(toStoredEvent(event));
    } catch (error) {
      if (error instanceof StreamNotFoundError || error instanceof StreamDeletedError) return undefined;
      throw error;
    }
    return events.length > 0 ? events : undefined;
  }

  async readAll(from: Position, limit: number): Promise<ReadBatch> {
    const events: StoredEvent[] = [];
    if (limit > 0) {
      for await (const event of this.scan(decodePosition(from), FORWARDS, limit + 1)) {
        if (!isOurs(event)) continue;
        events.push(toStoredEvent(event));
        if (events.length === limit) break;
      }
    }
    return { events, next: events.length > 0 ? events[events.length - 1].position : from };
  }

  /**
   * The non-system events of `$all` strictly after `from` in `direction`, read in pages of `pageSize`. A forward read
   * starts *at* its position, so the event there, already seen, is dropped (hence `pageSize` must be at least 2).
   */
  private async *scan(from: ReadPosition, direction: Direction, pageSize: number): AsyncGenerator<AllStreamRecordedEvent> {
    const sign = direction === FORWARDS ? 1 : -1;
    let cursor = from;
    for (;;) {
      let read = 0;
      for await (const { event } of this.client.readAll({ fromPosition: cursor, direction, maxCount: pageSize, filter: excludeSystemEvents() })) {
        read++;
        if (!event || (typeof cursor === 'object' && sign * comparePositions(event.position, cursor) <= 0)) continue;
        cursor = event.position;
        yield event;
      }
      if (read < pageSize) return;
    }
  }

  async follow(from: Position, handle: (batch: ReadBatch) => Promise<void>, options: { signal: AbortSignal; batchSize?: number }): Promise<void> {
    const { signal, batchSize = 500 } = options;
    let position = from;
    // Catch up with paged reads (full batches), then subscribe from where that ended.
    while (!signal.aborted) {
      const batch = await this.readAll(position, batchSize);
      if (batch.events.length === 0) break;
      await handle(batch);
      position = batch.next;
    }
    if (signal.aborted) return;

    // The subscription starts after `position`, and buffers about one batch while `handle` runs. Batches go
    // through one chain, so event batches and progress-only batches (from `checkpointReached`) stay in order.
    let chain = Promise.resolve();
    let delivered = 0;
    let handled = 0;
    let last = decodePosition(position);
    const hand = (batch: ReadBatch) =>
      (chain = chain.then(async () => {
        const next = decodePosition(batch.next);
        if (batch.events.length === 0 && typeof last === 'object' && typeof next === 'object' && comparePositions(next, last) <= 0) return;
        await handle(batch);
        handled += batch.events.length;
        last = next;
      }));
    const pick = ({ event }: AllStreamResolvedEvent) => {
      if (!event || !isOurs(event)) return undefined;
      delivered++;
      return toStoredEvent(event);
    };
    // A checkpoint past filtered-out events is progress without events: hand it on once every event delivered
    // before it has been handled, so the position never passes an event that was not projected.
    const filter = excludeSystemEvents({
      checkpointReached: async (_subscription, at) => {
        const before = delivered;
        while (handled < before && !signal.aborted) await sleep(10);
        if (!signal.aborted) await hand({ events: [], next: encodePosition(at) });
      },
    });
    const subscription = this.client.subscribeToAll({ fromPosition: decodePosition(position), filter }, { highWaterMark: batchSize });
    const stop = () => void subscription.unsubscribe();
    signal.addEventListener('abort', stop, { once: true });
    try {
      for await (const events of drainInBatches(subscription, batchSize, pick)) {
        if (signal.aborted) break;
        await hand({ events, next: events[events.length - 1].position });
      }
      if (!signal.aborted) throw new Error('KurrentDB ended the subscription to $all');
    } catch (error) {
      if (!signal.aborted) throw error;
    } finally {
      signal.removeEventListener('abort', stop);
      await subscription.unsubscribe();
    }
  }

  async head(): Promise<Position> {
    for await (const event of this.scan(END, BACKWARDS, HEAD_PAGE)) if (isOurs(event)) return encodePosition(event.position);
    return START;
  }

  /** Reads every event after `from`: O(lag), meant for lag figures, not for large backlogs. */
  async countAfter(from: Position): Promise<number> {
    let n = 0;
    for await (const event of this.scan(decodePosition(from), FORWARDS, COUNT_PAGE)) if (isOurs(event)) n++;
    return n;
  }

  /**
   * Tombstones each existing stream and the claims of its events' ids (see the top of this file); returns how many
   * events those streams held. The tombstone expects the revision that was counted; a writer in between makes it
   * count again. An erased event's id stays taken (its claim is a tombstone).
   */
  async deleteStreams(streams: readonly string[]): Promise<number> {
    let removed = 0;
    for (const stream of new Set(streams)) {
      for (let attempt = 1; ; attempt++) {
        const events = await this.readOne(stream);
        if (!events) break;
        // the claims first: they name the stream, and once it is tombstoned nothing would find them again
        await mapBounded(events, CLAIM_READ_CONCURRENCY, (e) => this.tombstoneClaim(e.eventId));
        try {
          await this.client.tombstoneStream(stream, { expectedRevision: BigInt(events[events.length - 1].revision) });
          removed += events.length;
          break;
        } catch (error) {
          if (!(error instanceof WrongExpectedVersionError) || attempt >= RETRIES) throw error;
        }
      }
    }
    return removed;
  }

  /** Tombstones an id's claim; one tombstoned before (an erasure run again) is done already. */
  private async tombstoneClaim(eventId: string): Promise<void> {
    try {
      await this.client.tombstoneStream(claimStream(eventId));
    } catch (error) {
      if (!(error instanceof StreamDeletedError)) throw error;
    }
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}
