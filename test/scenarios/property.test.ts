// Property: the figures depend on the events, not on the order they arrive in. Seeded random histories are
// appended once in effectiveOn order and once in shuffled arrival order (late registrations everywhere);
// every figure must be identical, and identical again after `project --rebuild`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresEventStore, type PactEvent } from '@pact/events';
import { DEFAULT_CONFIG, monthlyReport, Projector, PROFILES, signalList, yearReport, type Scope } from '@pact/projections';
import { databaseKinds, type TestDatabase } from '../support/databases.ts';
import { dumpReadModels } from '../support/dump.ts';
import { prng, randomHistory, type Rng } from '../support/random-history.ts';

const NOW = new Date('2025-09-01T12:00:00Z');
const SEEDS = [11, 12, 13];

function byStream(events: PactEvent[]): PactEvent[][] {
  const map = new Map<string, PactEvent[]>();
  for (const e of events) (map.get(e.stream) ?? map.set(e.stream, []).get(e.stream)!).push(e);
  return [...map.values()];
}

/** Each stream sorted by effectiveOn (CaseOpened first), streams one after the other. */
function inEffectiveOrder(events: PactEvent[]): PactEvent[][] {
  return byStream(events).map(([first, ...rest]) => [first, ...rest.map((e, i) => ({ e, i })).sort((a, b) => a.e.data.effectiveOn.localeCompare(b.e.data.effectiveOn) || a.i - b.i).map(({ e }) => e)]);
}

/**
 * Each stream shuffled (CaseOpened stays first; events of the same day keep their relative order, since ties are
 * broken by stream order), and the streams' events interleaved at random.
 */
function shuffled(events: PactEvent[], rng: Rng): PactEvent[][] {
  return byStream(events).map(([first, ...rest]) => {
    const order = rest.map((e, i) => ({ e, i, key: rng.next() })).sort((a, b) => a.key - b.key);
    const byDay = new Map<string, PactEvent[]>();
    for (const { e } of [...order].sort((a, b) => a.i - b.i)) (byDay.get(e.data.effectiveOn) ?? byDay.set(e.data.effectiveOn, []).get(e.data.effectiveOn)!).push(e);
    return [first, ...order.map(({ e }) => byDay.get(e.data.effectiveOn)!.shift()!)];
  });
}

/** Appends stream by stream in the given order, interleaving streams at random, recordedAt increasing. */
async function appendAll(store: PostgresEventStore, streams: PactEvent[][], rng: Rng) {
  const queues = streams.map((s) => [...s]);
  let tick = Date.parse('2025-01-01T00:00:00Z');
  while (queues.some((q) => q.length > 0)) {
    const q = queues.filter((x) => x.length > 0);
    const pick = q[Math.floor(rng.next() * q.length)];
    const n = 1 + Math.floor(rng.next() * 3);
    const batch = pick.splice(0, n).map((e) => ({ ...e, recordedAt: new Date((tick += 60_000)).toISOString() }));
    await store.append([{ stream: batch[0].stream, events: batch }], { historical: true });
  }
}

async function allFigures(db: TestDatabase['db']) {
  const out: Record<string, unknown> = {};
  const scopes: Scope[] = [{}, { gemeente: 'GM0344' }, { swv: 'VO2602' }];
  for (const profile of PROFILES) {
    for (const [i, scope] of scopes.entries()) {
      const options = { profile, scope, now: NOW, config: DEFAULT_CONFIG };
      for (const year of ['2022-2023', '2023-2024', '2024-2025']) out[`${profile}/${i}/${year}`] = (await yearReport(db, year, options)).metrics;
      if (profile === 'officieel') out[`${profile}/${i}/monthly`] = (await monthlyReport(db, '2023-06', '2023-11', options)).rows;
      for (const on of ['2023-03-01', '2023-11-15', '2024-06-30']) out[`${profile}/${i}/signals/${on}`] = (await signalList(db, on, options)).signals;
    }
  }
  return out;
}

describe.each(databaseKinds)('figures do not depend on arrival order, on $name', (kind) => {
  for (const seed of SEEDS) {
    describe(`seed ${seed}`, () => {
      const events = randomHistory({ seed, cases: 60, from: '2022-09-01', to: '2024-12-31', repeatShare: 0.2 });
      let inOrder: TestDatabase;
      let arrived: TestDatabase;
      beforeAll(async () => {
        [inOrder, arrived] = [await kind.open(), await kind.open()];
        for (const [database, streams] of [
          [inOrder, inEffectiveOrder(events)],
          [arrived, shuffled(events, prng(seed * 7))],
        ] as const) {
          const store = await PostgresEventStore.create(database.db, kind.name, { clock: () => NOW });
          await appendAll(store, streams, prng(seed * 13));
          const projector = new Projector(database.db, store, { batchSize: 37 });
          await projector.migrate();
          await projector.catchUp();
        }
      });
      afterAll(async () => {
        await inOrder.close();
        await arrived.close();
      });

      it('gives identical figures in effectiveOn order and in shuffled arrival order, and after a rebuild', async () => {
        const expected = await allFigures(inOrder.db);
        expect(Object.values(expected).some((m) => JSON.stringify(m).match(/":[1-9]/))).toBe(true); // not all zero
        expect(await allFigures(arrived.db)).toEqual(expected);
        const before = await dumpReadModels(arrived.db);
        const store = await PostgresEventStore.create(arrived.db, kind.name, { clock: () => NOW });
        await new Projector(arrived.db, store, { batchSize: 500 }).rebuild();
        expect(await dumpReadModels(arrived.db)).toEqual(before);
        expect(await allFigures(arrived.db)).toEqual(expected);
      });
    });
  }
});
