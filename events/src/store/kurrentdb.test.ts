import { PassThrough } from 'node:stream';
import {
  ANY,
  BACKWARDS,
  START as LOG_START,
  StreamDeletedError,
  StreamNotFoundError,
  StreamTombstonedError,
  UnsupportedError,
  WrongExpectedVersionError,
  type AppendStreamRequest,
  type EventData,
  type Position as LogPosition,
  type ReadAllOptions,
  type ReadPosition,
  type SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
import { describe, expect, it } from 'vitest';
import type { PactEvent, StoredEvent } from '../schemas.ts';
import { ConcurrencyError, EventIdReusedError, RecordedAtError, START, StreamErasedError } from './port.ts';
import {
  KurrentEventStore,
  claimStream,
  comparePositions,
  decodePosition,
  drainInBatches,
  encodePosition,
  isOurs,
  mapBounded,
  planAppend,
  toStoredEvent,
  type KurrentClient,
} from './kurrentdb.ts';

// ---------------------------------------------------------------------------------------------------------------
// Fixtures

const CASE_A = 'case-0a0a0a0a-0000-4000-8000-000000000001';
const CASE_B = 'case-0b0b0b0b-0000-4000-8000-000000000002';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function phaseChanged(n: number, stream = CASE_A, recordedAt?: string): PactEvent {
  return {
    eventId: id(n),
    type: 'PhaseChanged',
    stream,
    data: { phase: 'thuis', authorised: false, effectiveOn: '2025-03-01' },
    schemaVersion: 1,
    ...(recordedAt ? { recordedAt } : {}),
  };
}

function stored(n: number, revision: number, recordedAt: string, stream = CASE_A): StoredEvent {
  return { ...phaseChanged(n, stream), recordedAt, revision, position: `${revision + 1}:${revision + 1}` } as StoredEvent;
}

const at = (iso: string) => () => new Date(iso);

// ---------------------------------------------------------------------------------------------------------------
// An in-memory fake of the client calls the adapter makes, with the server behaviour that matters here:
// forward `$all` reads start AT their position, subscriptions start AFTER it, tombstoned events stay in `$all`.

interface FakeRecord {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  data: unknown;
  metadata: unknown;
  created: Date;
  isJson: true;
  position: LogPosition;
}

type Subscriber = PassThrough & { unsubscribe(): Promise<void>; filterRegex?: RegExp; checkpointReached?: (sub: never, position: LogPosition) => Promise<void> | void };

class FakeKurrent {
  readonly log: FakeRecord[] = [];
  readonly tombstoned = new Set<string>();
  readonly subscribers = new Set<Subscriber>();
  readonly calls: string[] = [];
  multiStreamSupported = true;
  disposed = false;
  private tx = 0n;
  /** Runs before each append/multi-append is applied (after the adapter read its streams). */
  beforeWrite?: (stream: string) => void;
  private subscribed: () => void = () => {};
  readonly firstSubscription = new Promise<void>((resolve) => (this.subscribed = resolve));

  /** The log without the adapter's event-id claims. */
  ours(): FakeRecord[] {
    return this.log.filter((e) => !e.streamId.startsWith('pact-eventid-'));
  }

  lastRevision(stream: string): bigint | 'no_stream' {
    const events = this.log.filter((e) => e.streamId === stream);
    return events.length > 0 ? events[events.length - 1].revision : 'no_stream';
  }

  /** Writes directly, as another process or the server itself would. */
  raw(stream: string, events: { id: string; type: string; data?: unknown; metadata?: unknown }[]): void {
    const commit = ++this.tx * 1000n;
    let revision = this.lastRevision(stream);
    const written = events.map((e, i) => {
      revision = revision === 'no_stream' ? 0n : revision + 1n;
      const record: FakeRecord = {
        streamId: stream,
        id: e.id,
        type: e.type,
        revision,
        data: e.data ?? {},
        metadata: e.metadata,
        created: new Date('2025-01-01T00:00:00Z'),
        isJson: true,
        position: { commit, prepare: commit - 100n + BigInt(i) },
      };
      this.log.push(record);
      return record;
    });
    for (const sub of this.subscribers) for (const r of written) if (!sub.filterRegex || sub.filterRegex.test(r.type)) sub.write({ event: r });
  }

  private check(stream: string, expected: bigint | 'no_stream' | 'any' | 'stream_exists') {
    if (this.tombstoned.has(stream)) throw StreamDeletedError.fromStreamName(stream);
    const current = this.lastRevision(stream);
    if (expected !== ANY && expected !== current) throw new WrongExpectedVersionError(undefined, { streamName: stream, expected, current });
  }

  private store(stream: string, events: EventData[]) {
    this.raw(stream, events.map((e) => ({ id: e.id, type: e.type, data: e.data, metadata: e.metadata })));
  }

  client(): KurrentClient {
    const fake: Partial<Record<keyof KurrentClient, unknown>> = {
      appendToStream: async (stream: string, events: EventData[], options: { streamState: bigint | 'no_stream' | 'any' }) => {
        this.calls.push(`appendToStream ${stream} ${events.length}`);
        this.beforeWrite?.(stream);
        this.check(stream, options.streamState);
        this.store(stream, events);
        return { success: true, nextExpectedRevision: this.lastRevision(stream) };
      },
      multiStreamAppend: async (requests: AppendStreamRequest[]) => {
        this.calls.push(`multiStreamAppend ${requests.map((r) => `${r.streamName} ${r.events.length}`).join(', ')}`);
        if (!this.multiStreamSupported) throw new UnsupportedError('multiStreamAppend', '25.1');
        for (const r of requests) {
          for (const e of r.events) {
            // The real client's own check: metadata must be an object of strings.
            if (Object.values(e.metadata as object).some((v) => typeof v !== 'string')) throw new Error('metadata must be strings');
          }
        }
        this.beforeWrite?.(requests[0].streamName);
        // multi-stream append names a tombstoned stream with its own error
        const tombstoned = requests.find((r) => this.tombstoned.has(r.streamName));
        if (tombstoned) throw new StreamTombstonedError(undefined as never, { stream: tombstoned.streamName });
        for (const r of requests) this.check(r.streamName, r.expectedState);
        for (const r of requests) this.store(r.streamName, r.events);
        return { position: this.tx, responses: [] };
      },
      readStream: (stream: string) => {
        const log = this.log;
        const tombstoned = this.tombstoned.has(stream);
        return (async function* () {
          if (tombstoned) throw StreamDeletedError.fromStreamName(stream);
          const events = log.filter((e) => e.streamId === stream);
          if (events.length === 0) throw new StreamNotFoundError(undefined, stream);
          for (const event of events) yield { event };
        })();
      },
      readAll: (options: ReadAllOptions) => {
        this.calls.push(`readAll ${options.direction ?? 'forwards'} ${options.maxCount}`);
        const regex = options.filter && 'regex' in options.filter ? new RegExp(options.filter.regex) : undefined;
        const from = options.fromPosition ?? LOG_START;
        const ordered = options.direction === BACKWARDS ? [...this.log].reverse() : this.log;
        const selected = ordered.filter((e) => {
          if (regex && !regex.test(e.type)) return false;
          if (typeof from !== 'object') return true;
          const c = comparePositions(e.position, from);
          return options.direction === BACKWARDS ? c < 0 : c >= 0; // forwards: inclusive, like the server
        });
        const page = selected.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER));
        return (async function* () {
          for (const event of page) yield { event };
        })();
      },
      subscribeToAll: (options: SubscribeToAllOptions, readable: { highWaterMark?: number }) => {
        const sub = new PassThrough({ objectMode: true, highWaterMark: readable.highWaterMark }) as Subscriber;
        sub.filterRegex = options.filter && 'regex' in options.filter ? new RegExp(options.filter.regex) : undefined;
        sub.checkpointReached = options.filter?.checkpointReached;
        sub.unsubscribe = async () => {
          this.subscribers.delete(sub);
          sub.end();
        };
        const from = options.fromPosition as ReadPosition;
        for (const e of this.log) {
          const after = typeof from !== 'object' || comparePositions(e.position, from) > 0;
          if (after && (!sub.filterRegex || sub.filterRegex.test(e.type))) sub.write({ event: e });
        }
        this.subscribers.add(sub);
        this.subscribed();
        return sub;
      },
      tombstoneStream: async (stream: string, options: { expectedRevision?: bigint } = {}) => {
        this.calls.push(`tombstoneStream ${stream}`);
        this.beforeWrite?.(stream);
        this.check(stream, options.expectedRevision ?? ANY);
        this.tombstoned.add(stream);
        this.raw(stream, [{ id: id(999_999), type: '$streamDeleted' }]);
        return {};
      },
      dispose: async () => {
        this.disposed = true;
      },
    };
    return fake as unknown as KurrentClient;
  }
}

function setup(clock = at('2025-06-01T12:00:00.000Z')) {
  const fake = new FakeKurrent();
  return { fake, store: new KurrentEventStore(fake.client(), { clock }) };
}

// ---------------------------------------------------------------------------------------------------------------

describe('positions', () => {
  it('writes {commit, prepare} as "<commit>:<prepare>" and reads it back, beyond 2^53', () => {
    const position = { commit: 18_446_744_073_709_551_000n, prepare: 9_007_199_254_740_993n };
    expect(encodePosition(position)).toBe('18446744073709551000:9007199254740993');
    expect(decodePosition(encodePosition(position))).toEqual(position);
  });

  it('maps START to the beginning of $all and rejects what is not a position', () => {
    expect(decodePosition(START)).toBe(LOG_START);
    expect(() => decodePosition('12')).toThrow('not a KurrentDB log position: 12');
    expect(() => decodePosition('1:-2')).toThrow();
  });

  it('orders by commit, then prepare', () => {
    expect(comparePositions({ commit: 2n, prepare: 0n }, { commit: 1n, prepare: 9n })).toBe(1);
    expect(comparePositions({ commit: 2n, prepare: 3n }, { commit: 2n, prepare: 4n })).toBe(-1);
    expect(comparePositions({ commit: 2n, prepare: 3n }, { commit: 2n, prepare: 3n })).toBe(0);
  });
});

describe('toStoredEvent and isOurs', () => {
  it('takes recordedAt and schemaVersion from the metadata, the revision as a number, the position as text', () => {
    const event = toStoredEvent({
      id: '0000000A-0000-4000-8000-000000000001',
      streamId: CASE_A,
      type: 'PhaseChanged',
      revision: 4n,
      data: { phase: 'thuis', authorised: false, effectiveOn: '2025-03-01' },
      metadata: { recordedAt: '2025-03-02T10:00:00.000Z', schemaVersion: '1' },
      created: new Date('2030-01-01T00:00:00Z'),
      position: { commit: 700n, prepare: 650n },
    });
    expect(event).toEqual({
      eventId: '0000000a-0000-4000-8000-000000000001',
      type: 'PhaseChanged',
      stream: CASE_A,
      data: { phase: 'thuis', authorised: false, effectiveOn: '2025-03-01' },
      recordedAt: '2025-03-02T10:00:00.000Z',
      schemaVersion: 1,
      revision: 4,
      position: '700:650',
    });
  });

  it("falls back to the server's timestamp when an event has no metadata", () => {
    const event = toStoredEvent({
      id: id(1),
      streamId: CASE_A,
      type: 'PhaseChanged',
      revision: 0n,
      data: {},
      metadata: undefined,
      created: new Date('2025-02-03T04:05:06.000Z'),
      position: { commit: 1n, prepare: 1n },
    });
    expect(event.recordedAt).toBe('2025-02-03T04:05:06.000Z');
    expect(event.schemaVersion).toBe(1);
  });

  it('keeps our types in our streams only', () => {
    expect(isOurs({ streamId: CASE_A, type: 'CaseOpened' })).toBe(true);
    // v2's types, and a retraction in a meeting stream
    expect(isOurs({ streamId: CASE_A, type: 'PlanReviewed' })).toBe(true);
    expect(isOurs({ streamId: CASE_A, type: 'OfferEnded' })).toBe(true);
    expect(isOurs({ streamId: 'meeting-0c0c0c0c-0000-4000-8000-000000000003', type: 'EventRetracted' })).toBe(true);
    expect(isOurs({ streamId: '$$' + CASE_A, type: '$metadata' })).toBe(false);
    expect(isOurs({ streamId: '$stats-127.0.0.1:2113', type: 'CaseOpened' })).toBe(false);
    expect(isOurs({ streamId: 'orders-1', type: 'OrderPlaced' })).toBe(false);
  });
});

describe('planAppend', () => {
  const now = new Date('2025-06-01T12:00:00.000Z');

  it('continues the revisions, expects the revision it read, and never lets recordedAt go backwards', () => {
    const existing = new Map([[CASE_A, [stored(1, 0, '2025-06-01T13:00:00.000Z')]]]);
    const plan = planAppend([{ stream: CASE_A, events: [phaseChanged(2), phaseChanged(3)], expectedRevision: 0 }], existing, now, false);
    expect(plan.revisions).toEqual({ [CASE_A]: 2 });
    expect(plan.appends).toHaveLength(1);
    expect(plan.appends[0].expectedState).toBe(0n);
    // The clock (12:00) is behind the stream's last event (13:00): the stream's time is kept.
    expect(plan.appends[0].events.map((e) => e.recordedAt)).toEqual(['2025-06-01T13:00:00.000Z', '2025-06-01T13:00:00.000Z']);
  });

  it('takes the clock for a new stream and expects no_stream', () => {
    const plan = planAppend([{ stream: CASE_A, events: [phaseChanged(1)] }], new Map(), now, false);
    expect(plan.appends[0].expectedState).toBe('no_stream');
    expect(plan.appends[0].events[0].recordedAt).toBe('2025-06-01T12:00:00.000Z');
    expect(plan.revisions).toEqual({ [CASE_A]: 0 });
  });

  it('skips eventIds already in the stream or repeated in the append, in any letter case, and claims the new ones', () => {
    const existing = new Map([[CASE_A, [stored(1, 0, '2025-06-01T10:00:00.000Z')]]]);
    const upper = { ...phaseChanged(1), eventId: id(1).toUpperCase() };
    const plan = planAppend(
      [
        { stream: CASE_A, events: [upper, phaseChanged(2), phaseChanged(2)] },
        { stream: CASE_B, events: [phaseChanged(3, CASE_B)] },
      ],
      existing,
      now,
      false,
    );
    expect(plan.duplicates).toBe(2);
    expect(plan.appends.map((a) => [a.stream, a.events.map((e) => e.event.eventId)])).toEqual([
      [CASE_A, [id(2)]],
      [CASE_B, [id(3)]],
    ]);
    expect(plan.claims.map((c) => [c.stream, c.expectedState, c.events[0].event.stream])).toEqual([
      [claimStream(id(2)), 'no_stream', CASE_A],
      [claimStream(id(3)), 'no_stream', CASE_B],
    ]);
  });

  it('refuses an eventId stored, claimed or sent before with other content, and one that was erased', () => {
    const write = (n: number, stream = CASE_B) => [{ stream, events: [phaseChanged(n, stream)] }];
    const inA = stored(1, 0, '2025-06-01T10:00:00.000Z');
    expect(() => planAppend(write(1), new Map(), now, false, new Map([[id(1), { stored: inA }]]))).toThrow(new EventIdReusedError(id(1)));
    expect(() => planAppend(write(1), new Map(), now, false, new Map([[id(1), { claimedFor: CASE_A }]]))).toThrow(EventIdReusedError);
    expect(() => planAppend(write(1), new Map(), now, false, new Map([[id(1), 'erased' as const]]))).toThrow(EventIdReusedError);
    expect(() => planAppend([...write(1, CASE_A), ...write(1)], new Map(), now, false)).toThrow(EventIdReusedError);
    const changed = { ...phaseChanged(1), data: { phase: 'op_school', effectiveOn: '2025-03-01' } } as PactEvent;
    expect(() => planAppend([{ stream: CASE_A, events: [changed] }], new Map(), now, false, new Map([[id(1), { stored: inA }]]))).toThrow(EventIdReusedError);
    // the same event again is a duplicate; a claim of its own stream whose append never came is written now, without a new claim
    expect(planAppend(write(1, CASE_A), new Map(), now, false, new Map([[id(1), { stored: inA }]])).duplicates).toBe(1);
    const resumed = planAppend(write(1, CASE_A), new Map(), now, false, new Map([[id(1), { claimedFor: CASE_A }]]));
    expect([resumed.appends.length, resumed.claims.length]).toEqual([1, 0]);
  });

  it('skips a stream whose events are all stored without checking its revision, and reports that revision', () => {
    const existing = new Map([[CASE_A, [stored(1, 0, '2025-06-01T10:00:00.000Z'), stored(2, 1, '2025-06-01T10:00:00.000Z')]]]);
    const plan = planAppend([{ stream: CASE_A, events: [phaseChanged(2)], expectedRevision: 'no_stream' }], existing, now, false);
    expect(plan).toEqual({ appends: [], claims: [], duplicates: 1, revisions: { [CASE_A]: 1 } });
  });

  it('throws ConcurrencyError with the current revision when the expectation does not hold', () => {
    const existing = new Map([[CASE_A, [stored(1, 0, '2025-06-01T10:00:00.000Z')]]]);
    const conflict = () => planAppend([{ stream: CASE_A, events: [phaseChanged(2)], expectedRevision: 'no_stream' }], existing, now, false);
    expect(conflict).toThrow(ConcurrencyError);
    expect(conflict).toThrow('Versieconflict op ' + CASE_A + ': verwacht no_stream, huidige revisie 0');
    expect(() => planAppend([{ stream: CASE_B, events: [phaseChanged(2, CASE_B)], expectedRevision: 3 }], existing, now, false)).toThrow(
      'verwacht 3, huidige revisie no_stream',
    );
  });

  it('merges two writes to one stream, checking the second against the revision after the first', () => {
    const plan = planAppend(
      [
        { stream: CASE_A, events: [phaseChanged(1)], expectedRevision: 'no_stream' },
        { stream: CASE_A, events: [phaseChanged(2)], expectedRevision: 0 },
      ],
      new Map(),
      now,
      false,
    );
    expect(plan.appends).toHaveLength(1);
    expect(plan.appends[0].expectedState).toBe('no_stream');
    expect(plan.appends[0].events.map((e) => e.event.eventId)).toEqual([id(1), id(2)]);
    expect(plan.revisions).toEqual({ [CASE_A]: 1 });
  });

  describe('historical', () => {
    const existing = new Map([[CASE_A, [stored(1, 0, '2025-05-01T00:00:00.000Z')]]]);
    const plan = (e: PactEvent) => planAppend([{ stream: CASE_A, events: [e] }], existing, now, true);

    it('takes recordedAt from the event, normalised to UTC', () => {
      expect(plan(phaseChanged(2, CASE_A, '2025-05-02T10:00:00+02:00')).appends[0].events[0].recordedAt).toBe('2025-05-02T08:00:00.000Z');
    });

    it('rejects a missing, future or earlier recordedAt with a Dutch message', () => {
      expect(() => plan(phaseChanged(2))).toThrow(RecordedAtError);
      expect(() => plan(phaseChanged(2))).toThrow(`recordedAt ontbreekt bij event ${id(2)}`);
      expect(() => plan(phaseChanged(2, CASE_A, '2025-06-01T12:00:01Z'))).toThrow('ligt in de toekomst');
      expect(() => plan(phaseChanged(2, CASE_A, '2025-04-30T23:59:59Z'))).toThrow('per stream gaat recordedAt nooit terug');
    });
  });
});

describe('mapBounded', () => {
  it('keeps the input order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const result = await mapBounded([30, 10, 20, 5, 1], 2, async (ms) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return ms * 2;
    });
    expect(result).toEqual([60, 20, 40, 10, 2]);
    expect(most).toBe(2);
  });
});

describe('drainInBatches', () => {
  it('hands out what is buffered in groups of at most the size, counting picked items only', async () => {
    const source = new PassThrough({ objectMode: true });
    for (const n of [1, 2, 3, 4, 5, 6, 7]) source.write(n);
    source.end();
    const batches: number[][] = [];
    for await (const batch of drainInBatches(source, 2, (n: number) => (n % 2 === 1 ? n * 10 : undefined))) batches.push(batch);
    expect(batches).toEqual([
      [10, 30],
      [50, 70],
    ]);
  });

  it('hands out a partial group as soon as nothing more is buffered', async () => {
    const source = new PassThrough({ objectMode: true });
    const batches: number[][] = [];
    const draining = (async () => {
      for await (const batch of drainInBatches(source, 10, (n: number) => n)) batches.push(batch);
    })();
    source.write(1);
    source.write(2);
    await new Promise((r) => setTimeout(r, 10));
    expect(batches).toEqual([[1, 2]]);
    source.write(3);
    source.end();
    await draining;
    expect(batches).toEqual([[1, 2], [3]]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('KurrentEventStore against a fake client', () => {
  it('appends jsonEvents with our eventId as id and recordedAt in the metadata, and reads them back', async () => {
    const { fake, store } = setup();
    const upper = { ...phaseChanged(1), eventId: id(1).replace('-4000-', '-4ABC-') };
    const result = await store.append([{ stream: CASE_A, events: [upper, phaseChanged(2)], expectedRevision: 'no_stream' }]);
    expect(result).toEqual({ appended: 2, duplicates: 0, revisions: { [CASE_A]: 1 } });
    expect(fake.ours().map((e) => [e.id, e.metadata])).toEqual([
      [upper.eventId.toLowerCase(), { recordedAt: '2025-06-01T12:00:00.000Z', schemaVersion: '1' }],
      [id(2), { recordedAt: '2025-06-01T12:00:00.000Z', schemaVersion: '1' }],
    ]);
    const events = await store.readStream(CASE_A);
    expect(events.map((e) => [e.eventId, e.revision, e.recordedAt, e.position])).toEqual([
      [upper.eventId.toLowerCase(), 0, '2025-06-01T12:00:00.000Z', '1000:900'],
      [id(2), 1, '2025-06-01T12:00:00.000Z', '1000:901'],
    ]);
    expect(events[1].data).toEqual({ phase: 'thuis', authorised: false, effectiveOn: '2025-03-01' });
  });

  it('writes and reads v2 events as they are: a plan review, an offer ending, a meeting and its retraction', async () => {
    const { store } = setup();
    const meeting = 'meeting-0c0c0c0c-0000-4000-8000-000000000003';
    const events: PactEvent[] = [
      { eventId: id(11), type: 'PlanReviewed', stream: CASE_A, data: { nextReviewOn: '2025-09-01', effectiveOn: '2025-06-01' }, schemaVersion: 1 },
      { eventId: id(12), type: 'OfferEnded', stream: CASE_A, data: { outcome: 'afgebroken', effectiveOn: '2025-06-01' }, schemaVersion: 1 },
    ];
    const held: PactEvent = { eventId: id(13), type: 'MeetingHeld', stream: meeting, data: { forum: 'kernpartner', gemeente: 'GM0344', casesDiscussed: 2, effectiveOn: '2025-05-30' }, schemaVersion: 1 };
    const retraction: PactEvent = { eventId: id(14), type: 'EventRetracted', stream: meeting, data: { retractedEventId: id(13), reason: 'dubbel', effectiveOn: '2025-06-01' }, schemaVersion: 1 };
    await store.append([{ stream: CASE_A, events }, { stream: meeting, events: [held, retraction] }]);
    expect((await store.readStream(CASE_A)).map((e) => [e.type, e.data])).toEqual(events.map((e) => [e.type, e.data]));
    expect((await store.readStream(meeting)).map((e) => e.type)).toEqual(['MeetingHeld', 'EventRetracted']);
    expect((await store.readAll('start', 10)).events.map((e) => e.eventId)).toEqual([id(11), id(12), id(13), id(14)]);
  });

  it('is idempotent: a re-sent batch is counted as duplicates and writes nothing', async () => {
    const { fake, store } = setup();
    await store.append([{ stream: CASE_A, events: [phaseChanged(1), phaseChanged(2)] }]);
    const again = await store.append([{ stream: CASE_A, events: [phaseChanged(1), phaseChanged(2)], expectedRevision: 'no_stream' }]);
    expect(again).toEqual({ appended: 0, duplicates: 2, revisions: { [CASE_A]: 1 } });
    expect(fake.ours()).toHaveLength(2);
  });

  it('returns nothing for streams that do not exist or were deleted', async () => {
    const { store } = setup();
    await store.append([{ stream: CASE_A, events: [phaseChanged(1)] }]);
    expect(await store.readStream(CASE_B)).toEqual([]);
    const both = await store.readStreams([CASE_A, CASE_B, CASE_A]);
    expect([...both.keys()]).toEqual([CASE_A]);
    await store.deleteStreams([CASE_A]);
    expect(await store.readStream(CASE_A)).toEqual([]);
  });

  it('translates a conflict the server detects into ConcurrencyError with the current revision', async () => {
    const { fake, store } = setup();
    await store.append([{ stream: CASE_A, events: [phaseChanged(1)] }]);
    // Another writer appends between our read and our append, every time.
    let n = 100;
    fake.beforeWrite = (stream) => fake.raw(stream, [{ id: id(n++), type: 'PhaseChanged', metadata: { recordedAt: '2025-06-01T12:00:00.000Z' } }]);
    const error = await store.append([{ stream: CASE_A, events: [phaseChanged(2)], expectedRevision: 0 }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ stream: CASE_A, expected: 0, actual: 1 });
    expect(fake.ours().some((e) => e.id === id(2))).toBe(false);
  });

  it("retries an 'any' append that lost a race, on the fresh revision", async () => {
    const { fake, store } = setup();
    await store.append([{ stream: CASE_A, events: [phaseChanged(1)] }]);
    fake.beforeWrite = (stream) => {
      fake.beforeWrite = undefined; // only once
      fake.raw(stream, [{ id: id(50), type: 'PhaseChanged', metadata: { recordedAt: '2025-06-01T12:30:00.000Z' } }]);
    };
    const result = await store.append([{ stream: CASE_A, events: [phaseChanged(2)] }]);
    expect(result).toEqual({ appended: 1, duplicates: 0, revisions: { [CASE_A]: 2 } });
    const events = await store.readStream(CASE_A);
    expect(events.map((e) => [e.eventId, e.revision, e.recordedAt])).toEqual([
      [id(1), 0, '2025-06-01T12:00:00.000Z'],
      [id(50), 1, '2025-06-01T12:30:00.000Z'],
      // The clock says 12:00 but the stream already reached 12:30.
      [id(2), 2, '2025-06-01T12:30:00.000Z'],
    ]);
  });

  it('writes several streams in one multiStreamAppend when the server has it', async () => {
    const { fake, store } = setup();
    const result = await store.append([
      { stream: CASE_A, events: [phaseChanged(1)], expectedRevision: 'no_stream' },
      { stream: CASE_B, events: [phaseChanged(2, CASE_B), phaseChanged(3, CASE_B)], expectedRevision: 'no_stream' },
    ]);
    expect(result).toEqual({ appended: 3, duplicates: 0, revisions: { [CASE_A]: 0, [CASE_B]: 1 } });
    expect(fake.calls.filter((c) => !c.startsWith('readAll'))).toEqual([
      `multiStreamAppend ${CASE_A} 1, ${CASE_B} 2, ${claimStream(id(1))} 1, ${claimStream(id(2))} 1, ${claimStream(id(3))} 1`,
    ]);
  });

  it('falls back to one append per stream on an older server; a failure midway leaves the first stream written', async () => {
    const { fake, store } = setup();
    fake.multiStreamSupported = false;
    const writes = [
      { stream: CASE_A, events: [phaseChanged(1)] },
      { stream: CASE_B, events: [phaseChanged(2, CASE_B)] },
    ];
    fake.beforeWrite = (stream) => {
      if (stream === CASE_B) throw new Error('connection lost');
    };
    await expect(store.append(writes)).rejects.toThrow('connection lost');
    expect(fake.ours().map((e) => [e.streamId, e.id])).toEqual([[CASE_A, id(1)]]);

    // Sending the same append again completes it: the first stream's event is a duplicate now.
    fake.beforeWrite = undefined;
    const result = await store.append(writes);
    expect(result).toEqual({ appended: 1, duplicates: 1, revisions: { [CASE_A]: 0, [CASE_B]: 0 } });
    // each stream's claims just before it; the claim of id 2 was written before the failure and is not written again
    expect(fake.calls).toEqual([
      `multiStreamAppend ${CASE_A} 1, ${CASE_B} 1, ${claimStream(id(1))} 1, ${claimStream(id(2))} 1`,
      `appendToStream ${claimStream(id(1))} 1`,
      `appendToStream ${CASE_A} 1`,
      `appendToStream ${claimStream(id(2))} 1`,
      `appendToStream ${CASE_B} 1`,
      `appendToStream ${CASE_B} 1`,
    ]);
  });

  it('on an older server, a writer racing on a later stream leaves the earlier stream written and throws ConcurrencyError', async () => {
    const { fake, store } = setup();
    fake.multiStreamSupported = false;
    fake.beforeWrite = (stream) => {
      if (stream !== CASE_B) return;
      fake.beforeWrite = undefined;
      fake.raw(CASE_B, [{ id: id(70), type: 'PhaseChanged', metadata: { recordedAt: '2025-06-01T12:00:00.000Z' } }]);
    };
    const attempt = store.append([
      { stream: CASE_A, events: [phaseChanged(1)], expectedRevision: 'no_stream' },
      { stream: CASE_B, events: [phaseChanged(2, CASE_B)], expectedRevision: 'no_stream' },
    ]);
    await expect(attempt).rejects.toMatchObject({ name: 'ConcurrencyError', stream: CASE_B, expected: 'no_stream', actual: 0 });
    expect(fake.ours().map((e) => [e.streamId, e.id])).toEqual([
      [CASE_A, id(1)],
      [CASE_B, id(70)],
    ]);
  });

  it('keeps event ids unique across streams with claims: another stream, a racing claim and an erased id are refused', async () => {
    const { fake, store } = setup();
    await store.append([{ stream: CASE_A, events: [phaseChanged(1)] }]);
    expect(fake.log.filter((e) => e.streamId === claimStream(id(1))).map((e) => e.data)).toEqual([{ stream: CASE_A }]);
    expect([...(await store.eventsById([id(1).toUpperCase(), id(2)])).keys()]).toEqual([id(1)]);
    await expect(store.append([{ stream: CASE_B, events: [phaseChanged(2, CASE_B), phaseChanged(1, CASE_B)] }])).rejects.toEqual(new EventIdReusedError(id(1)));
    expect(fake.ours().filter((e) => e.streamId === CASE_B)).toEqual([]);

    // another writer claims id 3 for CASE_A between our read and our write: we read again and refuse
    fake.beforeWrite = (stream) => {
      fake.beforeWrite = undefined;
      fake.raw(claimStream(id(3)), [{ id: id(80), type: 'PactEventIdClaimed', data: { stream: CASE_A }, metadata: {} }]);
      void stream;
    };
    await expect(store.append([{ stream: CASE_B, events: [phaseChanged(3, CASE_B)] }])).rejects.toBeInstanceOf(EventIdReusedError);
    expect(fake.ours().filter((e) => e.streamId === CASE_B)).toEqual([]);

    // an older server: the claim is written first, so the race is caught there too
    fake.multiStreamSupported = false;
    await expect(store.append([{ stream: CASE_B, events: [phaseChanged(1, CASE_B)] }])).rejects.toBeInstanceOf(EventIdReusedError);
    await store.deleteStreams([CASE_A]);
    expect(fake.tombstoned.has(claimStream(id(1)))).toBe(true);
    await expect(store.append([{ stream: CASE_B, events: [phaseChanged(1, CASE_B)] }])).rejects.toBeInstanceOf(EventIdReusedError);
    expect(await store.eventsById([id(1)])).toEqual(new Map());
    // claims are not ours: reads of $all never deliver them
    expect((await store.readAll(START, 100)).events.every((e) => e.stream.startsWith('case-'))).toBe(true);
  });

  it('checks every expected revision before writing any stream', async () => {
    const { fake, store } = setup();
    fake.multiStreamSupported = false;
    await store.append([{ stream: CASE_B, events: [phaseChanged(9, CASE_B)] }]);
    const attempt = store.append([
      { stream: CASE_A, events: [phaseChanged(1)], expectedRevision: 'no_stream' },
      { stream: CASE_B, events: [phaseChanged(2, CASE_B)], expectedRevision: 'no_stream' },
    ]);
    await expect(attempt).rejects.toMatchObject({ name: 'ConcurrencyError', stream: CASE_B, actual: 0 });
    expect(fake.ours().map((e) => e.id)).toEqual([id(9)]);
  });

  describe('reading $all', () => {
    async function seeded() {
      const s = setup();
      s.fake.raw('$stats-127.0.0.1:2113', [{ id: id(900), type: '$statsCollected' }]);
      await s.store.append([{ stream: CASE_A, events: [phaseChanged(1), phaseChanged(2)] }]);
      s.fake.raw('orders-1', [{ id: id(901), type: 'OrderPlaced' }]);
      s.fake.raw('$$' + CASE_A, [{ id: id(902), type: '$metadata' }]);
      await s.store.append([{ stream: CASE_B, events: [phaseChanged(3, CASE_B)] }]);
      return s;
    }

    it('gives our events only, strictly after the position, up to the limit', async () => {
      const { store } = await seeded();
      const first = await store.readAll(START, 2);
      expect(first.events.map((e) => e.eventId)).toEqual([id(1), id(2)]);
      expect(first.next).toBe(first.events[1].position);
      const second = await store.readAll(first.next, 2);
      expect(second.events.map((e) => e.eventId)).toEqual([id(3)]);
      const third = await store.readAll(second.next, 2);
      expect(third).toEqual({ events: [], next: second.next });
    });

    it('reads past a run of foreign events longer than a page instead of stalling', async () => {
      const { fake, store } = setup();
      await store.append([{ stream: CASE_A, events: [phaseChanged(1)] }]);
      for (let i = 0; i < 7; i++) fake.raw(`orders-${i}`, [{ id: id(500 + i), type: 'OrderPlaced' }]);
      await store.append([{ stream: CASE_B, events: [phaseChanged(2, CASE_B)] }]);
      const start = (await store.readAll(START, 1)).next;
      const batch = await store.readAll(start, 1);
      expect(batch.events.map((e) => e.eventId)).toEqual([id(2)]);
    });

    it('knows the head and counts what lies after a position', async () => {
      const { fake, store } = await seeded();
      fake.raw('orders-2', [{ id: id(903), type: 'OrderPlaced' }]);
      const all = (await store.readAll(START, 10)).events;
      expect(await store.head()).toBe(all[2].position);
      expect(await store.countAfter(START)).toBe(3);
      expect(await store.countAfter(all[0].position)).toBe(2);
      expect(await store.countAfter(all[2].position)).toBe(0);
    });

    it('has START as the head of an empty log', async () => {
      const { fake, store } = setup();
      fake.raw('$stats-127.0.0.1:2113', [{ id: id(900), type: '$statsCollected' }]);
      expect(await store.head()).toBe(START);
      expect(await store.countAfter(START)).toBe(0);
    });
  });

  it('deletes by tombstone and returns the number of events the streams held', async () => {
    const { fake, store } = setup();
    await store.append([
      { stream: CASE_A, events: [phaseChanged(1), phaseChanged(2)] },
      { stream: CASE_B, events: [phaseChanged(3, CASE_B)] },
    ]);
    expect(await store.deleteStreams([CASE_A, 'case-00000000-0000-4000-8000-00000000dead'])).toBe(2);
    expect([...fake.tombstoned]).toEqual([claimStream(id(1)), claimStream(id(2)), CASE_A]);
    expect((await store.readStreams([CASE_A, CASE_B])).get(CASE_B)?.map((e) => e.eventId)).toEqual([id(3)]);
    // Deleting it again finds nothing.
    expect(await store.deleteStreams([CASE_A])).toBe(0);
  });

  it('says that reads of $all still deliver a tombstoned stream’s events (until a scavenge), as they do', async () => {
    const { store } = setup();
    await store.append([{ stream: CASE_A, events: [phaseChanged(1)] }, { stream: CASE_B, events: [phaseChanged(2, CASE_B)] }]);
    await store.deleteStreams([CASE_A]);
    expect(store.deletedEventsLinger).toBe(true);
    expect((await store.readAll(START, 10)).events.map((e) => e.stream)).toEqual([CASE_A, CASE_B]);
    expect(await store.readStream(CASE_A)).toEqual([]);
  });

  it('refuses to write a tombstoned stream again with StreamErasedError, alone and in a multi-stream append', async () => {
    const { fake, store } = setup();
    await store.append([{ stream: CASE_A, events: [phaseChanged(1)] }]);
    await store.deleteStreams([CASE_A]);
    await expect(store.append([{ stream: CASE_A, events: [phaseChanged(4)] }])).rejects.toEqual(new StreamErasedError(CASE_A));
    const both = store.append([
      { stream: CASE_B, events: [phaseChanged(5, CASE_B)] },
      { stream: CASE_A, events: [phaseChanged(6)] },
    ]);
    await expect(both).rejects.toMatchObject({ name: 'StreamErasedError', stream: CASE_A });
    fake.multiStreamSupported = false; // an older server: the stream-by-stream fallback meets the tombstone
    await expect(store.append([{ stream: CASE_A, events: [phaseChanged(7)] }])).rejects.toMatchObject({ name: 'StreamErasedError', stream: CASE_A });
    expect(fake.ours().filter((e) => e.streamId === CASE_B)).toEqual([]);
  });

  it('tombstones at the revision it counted: a writer in between makes it count again', async () => {
    const { fake, store } = setup();
    await store.append([{ stream: CASE_A, events: [phaseChanged(1)] }]);
    fake.beforeWrite = (stream) => {
      if (stream !== CASE_A) return;
      fake.beforeWrite = undefined; // once: another registrator appends just before the tombstone
      fake.raw(stream, [{ id: id(60), type: 'PhaseChanged', metadata: { recordedAt: '2025-06-01T12:00:00.000Z' } }]);
    };
    expect(await store.deleteStreams([CASE_A])).toBe(2);
    expect(fake.calls.filter((c) => c.startsWith(`tombstoneStream ${CASE_A}`))).toEqual([`tombstoneStream ${CASE_A}`, `tombstoneStream ${CASE_A}`]);
    expect(await store.readStream(CASE_A)).toEqual([]);
  });

  describe('follow', () => {
    it('catches up in batches, then follows live appends, one batch at a time, until aborted', async () => {
      const { fake, store } = setup();
      await store.append([{ stream: CASE_A, events: [phaseChanged(1), phaseChanged(2), phaseChanged(3)] }]);
      const controller = new AbortController();
      const batches: { ids: string[]; next: string }[] = [];
      let running = 0;
      let overlapped = false;
      const following = store.follow(
        START,
        async (batch) => {
          overlapped ||= running > 0;
          running++;
          await new Promise((r) => setTimeout(r, 5));
          batches.push({ ids: batch.events.map((e) => e.eventId), next: batch.next });
          running--;
          if (batches.flatMap((b) => b.ids).length === 6) controller.abort();
        },
        { signal: controller.signal, batchSize: 2 },
      );
      await fake.firstSubscription;
      fake.raw('$$' + CASE_B, [{ id: id(902), type: '$metadata' }]);
      fake.raw('orders-1', [{ id: id(901), type: 'OrderPlaced' }]);
      await store.append([{ stream: CASE_B, events: [phaseChanged(4, CASE_B), phaseChanged(5, CASE_B), phaseChanged(6, CASE_B)] }]);
      await following;

      expect(batches.map((b) => b.ids)).toEqual([[id(1), id(2)], [id(3)], [id(4), id(5)], [id(6)]]);
      const all = (await store.readAll(START, 10)).events;
      expect(batches.map((b) => b.next)).toEqual([all[1].position, all[2].position, all[4].position, all[5].position]);
      expect(overlapped).toBe(false);
      expect(fake.subscribers.size).toBe(0);
    });

    it('hands on checkpoints as progress-only batches, after the events before them, never going back', async () => {
      const { fake, store } = setup();
      await store.append([{ stream: CASE_A, events: [phaseChanged(1)] }]);
      const controller = new AbortController();
      const batches: { count: number; next: string }[] = [];
      const following = store.follow(START, async (b) => void batches.push({ count: b.events.length, next: b.next }), { signal: controller.signal });
      await fake.firstSubscription;
      fake.raw('orders-1', [{ id: id(901), type: 'OrderPlaced' }]); // not ours: filtered out, but the server moves on
      const [sub] = fake.subscribers;
      const past = fake.log[fake.ours().length - 1].position;
      await sub.checkpointReached!(sub as never, past);
      await sub.checkpointReached!(sub as never, fake.log[0].position); // behind what was handled: ignored
      controller.abort();
      await following;
      const first = (await store.readAll(START, 10)).events[0].position;
      expect(batches).toEqual([
        { count: 1, next: first },
        { count: 0, next: `${past.commit}:${past.prepare}` },
      ]);
    });

    it('stops when aborted while waiting for new events', async () => {
      const { fake, store } = setup();
      const controller = new AbortController();
      const handled: number[] = [];
      const following = store.follow(START, async (b) => void handled.push(b.events.length), { signal: controller.signal });
      await fake.firstSubscription;
      controller.abort();
      await following;
      expect(handled).toEqual([]);
      expect(fake.subscribers.size).toBe(0);
    });
  });

  it('disposes the client on close', async () => {
    const { fake, store } = setup();
    await store.close();
    expect(fake.disposed).toBe(true);
  });
});
