// Runs one projection rebuild in its own process, so its peak memory (max RSS) is the rebuild's alone:
// `tsx test/bench/rebuild-child.ts pglite DIR` or `… postgres URL`. Prints one JSON line.
import { openPglite, openPostgres, PostgresEventStore } from '@pact/events';
import { Projector } from '@pact/projections';

const [kind, where] = process.argv.slice(2);
const database = kind === 'pglite' ? await openPglite(where) : openPostgres(where);
const store = await PostgresEventStore.create(database.db, database.kind);
const projector = new Projector(database.db, store);
await projector.migrate();
const started = performance.now();
const events = await projector.rebuild();
const ms = performance.now() - started;
await database.close();
process.stdout.write(`${JSON.stringify({ events, ms, maxRssKb: process.resourceUsage().maxRSS })}\n`);
