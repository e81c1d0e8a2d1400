// The EventStore contract: one suite, run on every adapter that is available here
// (PGlite always, PostgreSQL when TEST_DATABASE_URL is set, KurrentDB when EVENTSTORE_URL is set).
import { getEventListeners } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ConcurrencyError,
  EventIdReusedError,
  KurrentEventStore,
  PostgresEventStore,
  RecordedAtError,
  type EventStore,
  type PactEvent,
  type Position,
  type StoredEvent,
} from '@pact/events';
import { caseStream, event, opened } from '../support/builders.ts';
import { databaseKinds } from '../support/databases.ts';

interface Subject {
  store: EventStore;
  setClock(iso: string): void;
  dispose(): Promise<void>;
}

const subjects: { name: string; open(): Promise<Subject> }[] = [
  ...databaseKinds.map((kind) => ({
    name: kind.name,
    async open(): Promise<Subject> {
      const database = await kind.open();
      let now = new Date('2024-03-01T10:00:00Z');
      const store = await PostgresEventStore.create(database.db, kind.name, { clock: () => now, pollMs: 20 });
      return {
        store,
        setClock: (iso) => (now = new Date(iso)),
        dispose: async () => {
          await store.close();
          await database.close();
        },
      };
    },
  })),
  ...(process.env.EVENTSTORE_URL
    ? [
        {
          name: 'kurrentdb',
          async open(): Promise<Subject> {
            let now = new Date('2024-03-01T10:00:00Z');
            const store = await KurrentEventStore.connect(process.env.EVENTSTORE_URL!, { clock: () => now });
            return { store, setClock: (iso) => (now = new Date(iso)), dispose: () => store.close() };
          },
        },
      ]
    : []),
];

const phase = (stream: string, effectiveOn: string) => event(stream, 'PhaseChanged', { phase: 'thuis', authorised: false, effectiveOn });

/** Every event after `from`, paging through `readAll`. */
async function readFrom(store: EventStore, from: Position, pageSize = 100): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for (let position = from; ; ) {
    const batch = await store.readAll(position, pageSize);
    if (batch.events.length === 0) return out;
    out.push(...batch.events);
    position = batch.next;
  }
}

describe.each(subjects)('EventStore contract on $name', ({ open }) => {
  let subject: Subject;
  let store: EventStore;
  beforeAll(async () => {
    subject = await open();
    store = subject.store;
  });
  afterAll(async () => subject.dispose());

  it('appends to a stream and reads it back in order, with revisions and the store’s recordedAt', async () => {
    subject.setClock('2024-03-01T10:00:00Z');
    const s = caseStream();
    const events = [opened(s, '2024-02-01'), phase(s, '2024-02-02'), phase(s, '2024-02-03')];
    const result = await store.append([{ stream: s, events }]);
    expect(result).toEqual({ appended: 3, duplicates: 0, revisions: { [s]: 2 } });
    const read = await store.readStream(s);
    expect(read.map((e) => [e.eventId, e.type, e.revision, e.recordedAt])).toEqual(
      events.map((e, i) => [e.eventId, e.type, i, '2024-03-01T10:00:00.000Z']),
    );
    expect(read[0].data).toEqual(events[0].data);
    expect(await store.readStream(caseStream())).toEqual([]);
  });

  it('rejects a wrong expected revision with the current revision and stores nothing', async () => {
    const s = caseStream();
    await store.append([{ stream: s, events: [opened(s, '2024-02-01')], expectedRevision: 'no_stream' }]);
    const late = phase(s, '2024-02-05');
    const error = await store.append([{ stream: s, events: [late], expectedRevision: 'no_stream' }]).catch((e) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ stream: s, expected: 'no_stream', actual: 0 });
    const stale = await store.append([{ stream: s, events: [late], expectedRevision: 3 }]).catch((e) => e);
    expect(stale).toMatchObject({ stream: s, expected: 3, actual: 0 });
    expect(await store.readStream(s)).toHaveLength(1);
    expect(await store.append([{ stream: s, events: [late], expectedRevision: 0 }])).toMatchObject({ appended: 1, revisions: { [s]: 1 } });
  });

  it('is idempotent by eventId: re-sending appends nothing and changes no revision', async () => {
    const s = caseStream();
    const events = [opened(s, '2024-02-01'), phase(s, '2024-02-02')];
    await store.append([{ stream: s, events }]);
    const head = await store.head();
    expect(await store.append([{ stream: s, events, expectedRevision: 'no_stream' }])).toEqual({ appended: 0, duplicates: 2, revisions: { [s]: 1 } });
    const more = phase(s, '2024-02-03');
    expect(await store.append([{ stream: s, events: [...events, more] }])).toEqual({ appended: 1, duplicates: 2, revisions: { [s]: 2 } });
    expect((await readFrom(store, head)).map((e) => e.eventId)).toEqual([more.eventId]);
  });

  it('keeps every eventId unique in the whole log: the same id with other content, in any stream, stores nothing', async () => {
    const [a, b] = [caseStream(), caseStream()];
    const first = opened(a, '2024-02-01');
    await store.append([{ stream: a, events: [first] }]);
    const head = await store.head();
    const elsewhere = { ...opened(b, '2024-02-01'), eventId: first.eventId.toUpperCase() };
    await expect(store.append([{ stream: b, events: [elsewhere, phase(b, '2024-02-02')] }])).rejects.toEqual(new EventIdReusedError(first.eventId));
    const changed = { ...first, data: { ...first.data, birthYear: 2012 } } as PactEvent;
    await expect(store.append([{ stream: a, events: [changed] }])).rejects.toBeInstanceOf(EventIdReusedError);
    const twice = phase(b, '2024-02-03');
    await expect(store.append([{ stream: b, events: [opened(b, '2024-02-01'), twice] }, { stream: a, events: [{ ...twice, stream: a }] }])).rejects.toBeInstanceOf(EventIdReusedError);
    expect(await store.readStream(b)).toEqual([]);
    expect(await readFrom(store, head)).toEqual([]);
    expect([...(await store.eventsById([first.eventId.toUpperCase(), twice.eventId])).entries()].map(([id, e]) => [id, e.stream])).toEqual([[first.eventId, a]]);
  });

  it('appends several streams all or nothing: one bad stream stores nothing', async () => {
    const [a, b, c] = [caseStream(), caseStream(), caseStream()];
    await store.append([{ stream: c, events: [opened(c, '2024-01-01')] }]);
    const head = await store.head();
    const error = await store
      .append([
        { stream: a, events: [opened(a, '2024-02-01'), phase(a, '2024-02-02')], expectedRevision: 'no_stream' },
        { stream: b, events: [opened(b, '2024-02-01')] },
        { stream: c, events: [phase(c, '2024-02-01')], expectedRevision: 'no_stream' },
      ])
      .catch((e) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(await store.readStream(a)).toEqual([]);
    expect(await store.readStream(b)).toEqual([]);
    expect(await store.readStream(c)).toHaveLength(1);
    expect(await readFrom(store, head)).toEqual([]);
  });

  it('reads the whole log from a checkpoint in pages, and a re-read gives the same order', async () => {
    const start = await store.head();
    const streams = [caseStream(), caseStream(), caseStream()];
    for (const s of streams) await store.append([{ stream: s, events: [opened(s, '2024-02-01'), phase(s, '2024-02-03')] }]);
    const all = await readFrom(store, start, 100);
    expect(all.map((e) => e.stream)).toEqual(streams.flatMap((s) => [s, s]));
    const paged = await readFrom(store, start, 2);
    expect(paged.map((e) => e.eventId)).toEqual(all.map((e) => e.eventId));
    const fromMiddle = await readFrom(store, all[2].position, 3);
    expect(fromMiddle.map((e) => e.eventId)).toEqual(all.slice(3).map((e) => e.eventId));
    expect(await store.countAfter(all[2].position)).toBe(3);
    expect(await store.head()).toBe(all[5].position);
  });

  it('follows the log: catches up from a checkpoint, then delivers new events as they are appended', async () => {
    const s = caseStream();
    await store.append([{ stream: s, events: [opened(s, '2024-02-01')] }]);
    const from = await store.head();
    await store.append([{ stream: s, events: [phase(s, '2024-02-02')] }]);
    const seen: string[] = [];
    const controller = new AbortController();
    const following = store.follow(
      from,
      async (batch) => {
        seen.push(...batch.events.map((e) => e.data.effectiveOn));
        if (seen.length === 3) controller.abort();
      },
      { signal: controller.signal, batchSize: 10 },
    );
    await new Promise((r) => setTimeout(r, 50));
    await store.append([{ stream: s, events: [phase(s, '2024-02-03'), phase(s, '2024-02-04')] }]);
    await following;
    expect(seen).toEqual(['2024-02-02', '2024-02-03', '2024-02-04']);
  });

  it('keeps recordedAt non-decreasing per stream, and takes it from the events only when historical', async () => {
    const s = caseStream();
    subject.setClock('2024-03-01T10:00:00Z');
    await store.append([{ stream: s, events: [opened(s, '2024-02-01')] }]);
    subject.setClock('2024-02-28T10:00:00Z'); // the clock went back
    await store.append([{ stream: s, events: [phase(s, '2024-02-02')] }]);
    expect((await store.readStream(s)).map((e) => e.recordedAt)).toEqual(['2024-03-01T10:00:00.000Z', '2024-03-01T10:00:00.000Z']);

    subject.setClock('2024-06-01T00:00:00Z');
    const h = caseStream();
    const withTime = (e: PactEvent, recordedAt: string) => ({ ...e, recordedAt });
    await store.append([{ stream: h, events: [withTime(opened(h, '2023-09-01'), '2023-09-02T08:00:00Z'), withTime(phase(h, '2023-10-01'), '2023-11-15T08:00:00Z')] }], { historical: true });
    expect((await store.readStream(h)).map((e) => e.recordedAt)).toEqual(['2023-09-02T08:00:00.000Z', '2023-11-15T08:00:00.000Z']);
    const backwards = await store
      .append([{ stream: h, events: [withTime(phase(h, '2023-10-02'), '2023-10-01T08:00:00Z')] }], { historical: true })
      .catch((e) => e);
    expect(backwards).toBeInstanceOf(RecordedAtError);
    const future = await store.append([{ stream: h, events: [withTime(phase(h, '2024-05-02'), '2024-07-01T08:00:00Z')] }], { historical: true }).catch((e) => e);
    expect(future).toBeInstanceOf(RecordedAtError);
    expect(await store.readStream(h)).toHaveLength(2);
  });

  it('deletes streams with all their events (erasure)', async () => {
    const [a, b] = [caseStream(), caseStream()];
    await store.append([{ stream: a, events: [opened(a, '2024-02-01'), phase(a, '2024-02-02')] }, { stream: b, events: [opened(b, '2024-02-01')] }]);
    const head = await store.head();
    const c = caseStream();
    await store.append([{ stream: c, events: [opened(c, '2024-02-01')] }]);
    expect(await store.deleteStreams([a, c, caseStream()])).toBe(3);
    expect(await store.readStream(a)).toEqual([]);
    expect([...(await store.readStreams([a, b, c])).keys()]).toEqual([b]);
    expect(await store.deleteStreams([a])).toBe(0);
    // reads of the whole log leave them out, unless the store says they linger (KurrentDB until its scavenge)
    expect((await readFrom(store, head)).map((e) => e.stream)).toEqual(store.deletedEventsLinger ? [c] : []);
  });

  it('8 concurrent writers × 500 events while a follower reads: every event seen exactly once, in a stable order', async () => {
    const start = await store.head();
    const writers = 8;
    const perWriter = 500;
    const perAppend = 10;
    const seen: string[] = [];
    const controller = new AbortController();
    const follower = store.follow(
      start,
      async (batch) => {
        seen.push(...batch.events.map((e) => e.eventId));
        if (seen.length >= writers * perWriter) controller.abort();
      },
      { signal: controller.signal, batchSize: 200 },
    );
    const written: string[] = [];
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter / perAppend; i++) {
          const s = caseStream();
          const events = [opened(s, '2024-01-01'), ...Array.from({ length: perAppend - 1 }, (_, k) => phase(s, `2024-01-${String(k + 2).padStart(2, '0')}`))];
          await store.append([{ stream: s, events }]);
          written.push(...events.map((e) => e.eventId));
          if (w % 2 === 0) await new Promise((r) => setImmediate(r));
        }
      }),
    );
    await follower;
    expect(seen).toHaveLength(writers * perWriter);
    expect(new Set(seen).size).toBe(writers * perWriter);
    expect(new Set(seen)).toEqual(new Set(written));
    const reread = await readFrom(store, start, 300);
    expect(reread.map((e) => e.eventId)).toEqual(seen);
  });
});

describe.each(databaseKinds)('PostgresEventStore.follow on $name', (kind) => {
  it('is woken by each append in this process and leaves no abort listener behind per wait', async () => {
    const database = await kind.open();
    const store = await PostgresEventStore.create(database.db, kind.name, { pollMs: 60_000 });
    const s = caseStream();
    await store.append([{ stream: s, events: [opened(s, '2024-02-01')] }]);
    const controller = new AbortController();
    let seen = 0;
    const following = store.follow(await store.head(), async (batch) => void (seen += batch.events.length), { signal: controller.signal });
    for (let day = 2; day <= 21; day++) {
      await store.append([{ stream: s, events: [phase(s, `2024-02-${String(day).padStart(2, '0')}`)] }]);
      await vi.waitFor(() => expect(seen).toBe(day - 1), { interval: 5 });
    }
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1); // the one wait in progress
    controller.abort();
    await following;
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    await store.close();
    await database.close();
  });
});
