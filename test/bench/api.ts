// API latency: p50/p95 of GET /api/reports/year and /api/reports/monthly over real HTTP (loopback) with 50
// concurrent clients, for one gemeente (GM0344, a beleid token scoped to it) and for the whole country (admin), on
// the national dataset (`pact generate`, 342 gemeenten) imported with `historical` and projected. Size:
// BENCH_API_CHILDREN (default 90,000 children over 5 school years: about 1,000,000 events).
// Then the dashboard: the year report page in headless Chromium, for one gemeente and for everything.
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import { PostgresEventStore } from '@pact/events';
import { Projector } from '@pact/projections';
import { createApp } from '../../backend/src/app.ts';
import { PublicationStore } from '../../backend/src/reports/publications.ts';
import { AuthStore } from '../../backend/src/auth/store.ts';
import { configFromEnv } from '../../backend/src/config.ts';
import { measureYearReportPage } from './dashboard.ts';
import { importNational, NOW, type NationalSizes } from './national.ts';
import { timed, type ResultRow, type Target } from './support.ts';

const CLIENTS = 50;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * The clients, in a worker thread: `requests` GETs spread over `clients` concurrent loops; the latency of each,
 * sorted. In their own thread, so that the server's event loop serves requests and does not also make them.
 */
const LOAD = `
const { parentPort, workerData: { url, token, clients, requests } } = require('node:worker_threads');
(async () => {
  const latencies = [];
  let next = 0;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < requests) {
      next++;
      const start = performance.now();
      const res = await fetch(url, { headers: { authorization: 'Bearer ' + token } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(url + ': ' + res.status);
      latencies.push(performance.now() - start);
    }
  }));
  parentPort.postMessage(latencies.sort((a, b) => a - b));
})().catch((error) => { throw error; });
`;

function load(url: string, token: string, clients: number, requests: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD, { eval: true, workerData: { url, token, clients, requests } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

export async function benchApi(targets: Target[], sizes: NationalSizes, requests: number): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  const wanted = process.env.BENCH_API_TARGET;
  for (const target of targets.filter((t) => !wanted || t.name === wanted)) {
    const database = await target.fresh();
    const clock = () => NOW;
    const store = await PostgresEventStore.create(database.db, database.kind, { clock });
    const imported = await importNational(database, sizes);
    const projector = new Projector(database.db, store);
    await projector.migrate();
    const projected = await timed(() => projector.catchUp());
    const auth = new AuthStore(database.db, clock);
    await auth.migrate();
    const admin = (await auth.addToken('bench', 'admin', { gemeenten: [], swvs: [] }, 'bench')).token;
    const beleid = (await auth.addToken('bench', 'beleid', { gemeenten: ['GM0344'], swvs: [] }, 'bench')).token;
    const runtime = { config: configFromEnv({}), store, db: database.db, storeKind: database.kind, clock, close: async () => {} };
    const publications = new PublicationStore(database.db, runtime.config.region, clock);
    await publications.migrate();
    const app = createApp({ runtime, auth, projector, publications });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    // Requests may queue for seconds (PGlite has one connection): keep idle connections longer than that, or
    // the server closes one just as a client reuses it (ECONNRESET).
    Object.assign(server, { keepAliveTimeout: 120_000, headersTimeout: 121_000, requestTimeout: 0 });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    const setup = `${imported.events.toLocaleString('en-US')} events: import ${(imported.ms / 1000).toFixed(0)} s, projection ${(projected.ms / 1000).toFixed(0)} s`;
    console.log(`${target.name}: ${setup}`);
    for (const [route, path] of [
      ['year', '/reports/year?year=2023-2024'],
      ['monthly', '/reports/monthly?from=2023-08&to=2024-07'],
    ] as const) {
      for (const [scope, token] of [
        ['one gemeente', beleid],
        ['all', admin],
      ] as const) {
        // the first request computes the figures; the server keeps them until the projection moves
        const [cold] = await load(`${base}${path}`, token, 1, 1);
        await load(`${base}${path}`, token, CLIENTS, CLIENTS); // warm-up: connections opened, code paths compiled
        const latencies = await load(`${base}${path}`, token, CLIENTS, requests);
        rows.push({
          measure: `GET /api/reports/${route}, ${scope}, ${CLIENTS} clients, ${requests} requests`,
          store: target.name,
          value: `p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms (first, uncached: ${cold.toFixed(0)} ms)`,
          reference: setup,
          ratio: '',
          target: scope === 'one gemeente' ? 'p95 < 150 ms' : '',
        });
        console.log(rows.at(-1));
      }
    }
    // The dashboard: a beleidsmedewerker of one gemeente and an admin (everything) open a year report not computed yet.
    const password = 'bench-wachtwoord-1';
    await auth.addUser('bench-beleid', 'beleid', { gemeenten: ['GM0344'], swvs: [] }, password);
    await auth.addUser('bench-admin', 'admin', { gemeenten: [], swvs: [] }, password);
    const origin = base.replace(/\/api$/, '');
    for (const [scope, username, address] of [
      ['one gemeente', 'bench-beleid', '/jaarrapportage?year=2022-2023&gemeente=GM0344'],
      ['all', 'bench-admin', '/jaarrapportage?year=2022-2023'],
    ] as const) {
      const page = await measureYearReportPage(origin, { username, password }, address);
      if (!page) break;
      const shown = (t: { firstTableMs: number; readyMs: number }) => `first table ${(t.firstTableMs / 1000).toFixed(1)} s, drawn ${(t.readyMs / 1000).toFixed(1)} s`;
      rows.push({ measure: `dashboard year report in Chromium, ${scope}`, store: target.name, value: `cold: ${shown(page.cold)}; warm: ${shown(page.warm)}`, reference: setup, ratio: '', target: 'rendered < 1.5 s' });
      console.log(rows.at(-1));
    }
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  }
  return rows;
}
