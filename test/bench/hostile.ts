// The longest event-loop stall while the server takes the hostile bodies of the outside review (a 9 MB NDJSON body
// of empty lines, 5,000 events with 40 unknown fields, one event with 300,000 unknown fields, an unauthenticated
// 9.6 MB JSON body, 10 MB of nesting), each sent over loopback HTTP to the real server on PGlite, next to the stall
// while it takes a valid append of 5,000 events: `monitorEventLoopDelay` of this process, reset before each body.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { Projector } from '@pact/projections';
import { PostgresEventStore } from '@pact/events';
import { createApp } from '../../backend/src/app.ts';
import { AuthStore } from '../../backend/src/auth/store.ts';
import { configFromEnv } from '../../backend/src/config.ts';
import { PublicationStore } from '../../backend/src/reports/publications.ts';
import { caseStream, opened } from '../support/builders.ts';
import type { ResultRow, Target } from './support.ts';

/** The client (plain JS in a worker): makes the body of a kind, sends it, answers status, size and time. */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, token, template } = workerData;
const uuid = () => crypto.randomUUID();
const event = () => ({ ...template, eventId: uuid(), stream: 'case-' + uuid() });
const fields = (n) => Object.fromEntries(Array.from({ length: n }, (_, i) => ['veld' + i, i]));
const bodies = {
  valid: () => ['application/x-ndjson', Array.from({ length: 5000 }, () => JSON.stringify(event())).join('\\n'), true],
  'empty-lines': () => ['application/x-ndjson', '\\n'.repeat(9 * 1024 * 1024), true],
  'unknown-fields': () => ['application/json', JSON.stringify(Array.from({ length: 5000 }, () => ({ ...event(), ...fields(40) }))), true],
  'wide-event': () => { const e = event(); return ['application/json', JSON.stringify([{ ...e, data: { ...e.data, ...fields(300000) } }]), true]; },
  unauthenticated: () => ['application/json', '[' + '{"a":1},'.repeat(1200000) + '{}]', false],
  nesting: () => ['application/json', '['.repeat(5000000) + ']'.repeat(5000000), true],
};
parentPort.on('message', async (kind) => {
  const [type, body, auth] = bodies[kind]();
  const started = performance.now();
  const res = await fetch(base + '/api/events', { method: 'POST', headers: { 'content-type': type, ...(auth ? { authorization: 'Bearer ' + token } : {}) }, body });
  const text = await res.text();
  parentPort.postMessage({ status: res.status, bytes: text.length, ms: performance.now() - started });
});
`;

export async function benchHostile(targets: Target[]): Promise<ResultRow[]> {
  const target = targets.find((t) => t.name === 'PGlite')!;
  const database = await target.fresh();
  const clock = () => new Date();
  const store = await PostgresEventStore.create(database.db, database.kind, { clock });
  const projector = new Projector(database.db, store);
  await projector.migrate();
  const auth = new AuthStore(database.db, clock);
  await auth.migrate();
  const runtime = { config: configFromEnv({}), store, db: database.db, storeKind: database.kind, clock, close: async () => {} };
  const publications = new PublicationStore(database.db, runtime.config.region, clock);
  await publications.migrate();
  const token = (await auth.addToken('bench', 'registrator', { gemeenten: ['GM0344'], swvs: [] }, 'bench')).token;
  const server = serve({ fetch: createApp({ runtime, auth, projector, publications }).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // The bodies are made and sent by a worker thread, so that only the server's work is on this event loop.
  const template = opened(caseStream(), '2025-11-01');
  const kinds = [
    ['valid', '5,000 valid events as NDJSON (reference)'],
    ['empty-lines', '9 MB NDJSON of empty lines'],
    ['unknown-fields', '5,000 events × 40 unknown fields'],
    ['wide-event', '1 event with 300,000 unknown fields'],
    ['unauthenticated', 'unauthenticated 9.6 MB JSON'],
    ['nesting', '10 MB of nesting'],
  ] as const;
  const worker = new Worker(CLIENT, { eval: true, workerData: { base, token, template } });
  const send = (kind: string) =>
    new Promise<{ status: number; bytes: number; ms: number }>((resolve) => {
      worker.once('message', resolve);
      worker.postMessage(kind);
    });
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const measured: Record<string, { status: number; bytes: number; ms: number; stallMs: number }> = {};
  for (const [kind] of kinds) {
    histogram.reset();
    const r = await send(kind);
    measured[kind] = { ...r, stallMs: histogram.max / 1e6 };
  }
  await worker.terminate();
  const reference = measured.valid;
  const rows: ResultRow[] = kinds.slice(1).map(([kind, name]) => {
    const r = measured[kind];
    return {
      measure: `longest event-loop stall: ${name} (${r.status}, answer ${r.bytes.toLocaleString('en-US')} B, ${Math.round(r.ms)} ms)`,
      store: 'PGlite',
      value: `${r.stallMs.toFixed(0)} ms`,
      reference: `${reference.stallMs.toFixed(0)} ms (5,000 valid events as NDJSON, ${Math.round(reference.ms)} ms)`,
      ratio: `${Math.round((r.stallMs / reference.stallMs) * 100)}%`,
      target: 'no stall of seconds',
    };
  });
  histogram.disable();
  server.close();
  await database.close();
  return rows;
}
