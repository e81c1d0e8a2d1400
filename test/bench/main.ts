// `npm run bench`: throughput and latency measured in one run on this machine, each next to its reference.
// Sizes: BENCH_IMPORT_EVENTS (default 100000), BENCH_API_CHILDREN (default 90000: about 1,000,000 events), BENCH_API_REQUESTS (default 200).
import os from 'node:os';
import { benchApi } from './api.ts';
import { benchHostile } from './hostile.ts';
import { benchImport } from './import.ts';
import { benchNational, nationalSizes } from './national.ts';
import { printTable, targets, type ResultRow } from './support.ts';

const only = process.argv.slice(2);
const wanted = (section: string) => only.length === 0 || only.includes(section);

const stores = await targets();
const rows: ResultRow[] = [];
console.log(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
if (wanted('import')) rows.push(...(await benchImport(stores, Number(process.env.BENCH_IMPORT_EVENTS ?? 100_000))));
if (wanted('api')) rows.push(...(await benchApi(stores, { ...nationalSizes(), children: Number(process.env.BENCH_API_CHILDREN ?? 90_000) }, Number(process.env.BENCH_API_REQUESTS ?? 200))));
// national: the `pact generate` dataset: import, rebuild (+ peak RSS), report latency, export (BENCH_CHILDREN, BENCH_YEARS, BENCH_SEED)
// hostile: the longest event-loop stall under the hostile bodies of the outside review
if (wanted('hostile')) rows.push(...(await benchHostile(stores)));
if (wanted('national')) rows.push(...(await benchNational(stores, nationalSizes())).rows);
console.log(printTable(rows));
