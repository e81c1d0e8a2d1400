// `npm start`: the whole program on one machine. Opens the stores, keeps the projections following the log,
// serves the API (and the dashboard), and stops cleanly on SIGINT/SIGTERM so the data dir stays usable.
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { Projector } from '@pact/projections';
import { createApp } from './app.ts';
import { Oidc } from './auth/oidc.ts';
import { AuthStore } from './auth/store.ts';
import { configFromEnv, RegionConfigError, type Config } from './config.ts';
import { auditRegionConfig } from './region-config.ts';
import { PublicationStore } from './reports/publications.ts';
import { openRuntime } from './runtime.ts';
import { loadDemoOnFirstStart } from './simulator/demo.ts';
import { instanceId, leadProjection, migrationTurn } from './projection-leader.ts';

let config: Config;
try {
  config = configFromEnv();
} catch (error) {
  if (!(error instanceof RegionConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const runtime = await openRuntime(config);
const projector = new Projector(runtime.db, runtime.store, { config: config.region });
// several instances on one PostgreSQL migrate in turn (projection-leader.ts)
const { rebuilt, auth, publications } = await migrationTurn(config.databaseUrl, async () => {
  const rebuilt = await projector.migrate();
  if (rebuilt) console.log('De rekenregels (normMonths, normGapDays of fourWeeksDays) zijn gewijzigd: de projecties worden opnieuw opgebouwd');
  const auth = new AuthStore(runtime.db, runtime.clock, config.sessionHours);
  await auth.migrate();
  const publications = new PublicationStore(runtime.db, config.region, runtime.clock);
  await publications.migrate();
  await loadDemoOnFirstStart(runtime, config, { projector, publications });
  await auditRegionConfig(auth, config.region, 'systeem', rebuilt);
  return { rebuilt, auth, publications };
});
const firstPassword = await auth.ensureFirstAdmin();
if (firstPassword) {
  console.log(`Eerste start: gebruiker "admin" aangemaakt met het eenmalige wachtwoord ${firstPassword}`);
  console.log('Dit wachtwoord wordt niet nog eens getoond; kies bij de eerste aanmelding een eigen wachtwoord.');
}

// Exactly one instance on a PostgreSQL projects (an advisory lock); embedded, this one does.
const leadership = leadProjection({
  databaseUrl: config.databaseUrl,
  instance: instanceId(),
  project: (signal) =>
    projector.run(signal).catch((error) => {
      console.error('De projecties zijn gestopt door een fout:', error);
      process.exitCode = 1;
    }),
});

const app = createApp({ runtime, auth, projector, publications, projectionLag: () => projector.status(), leadership, oidc: config.oidc ? new Oidc(config.oidc) : undefined });
const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  console.log(`Pactmonitor draait op http://localhost:${info.port} (eventlog: ${runtime.storeKind}, gegevens: ${where})`);
});

// A client gets 10 s for its request's headers and 60 s for the whole request (body included), instead of Node's
// 60 s and 5 minutes: a slow sender cannot hold connections open for long.
Object.assign(server as Server, { headersTimeout: 10_000, requestTimeout: 60_000 });

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} ontvangen: Pactmonitor stopt`);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  (server as Server).closeIdleConnections();
  await closed;
  await leadership.stop();
  await runtime.close();
  process.exit();
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
