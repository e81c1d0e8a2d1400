// `npm run pact -- demo` and `npm run pact -- generate`: the demo region into a data dir, and the national
// dataset as NDJSON (for `import --historical` and the benchmarks).
import { once } from 'node:events';
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { parse, UsageError } from '../cli/args.ts';
import type { Command } from '../cli/commands.ts';
import { openWithProjections } from '../cli/common.ts';
import { PublicationStore } from '../reports/publications.ts';
import { DEMO_REGION, loadDemo, publishDemo } from './demo.ts';
import { GEMEENTE_COUNT, nationalEvents, nationalGemeenten } from './national.ts';

export const demoCommand: Command = {
  summary: `schrijft de demoregio ${DEMO_REGION.name} (schooljaren 2021-2022 t/m 2024-2025) in het eventlog en publiceert haar cijfers voor bestuur en raad`,
  usage: '[--data-dir DIR]',
  async run(args) {
    const { values } = parse(args, {});
    const started = performance.now();
    const { runtime, projector } = await openWithProjections(values['data-dir'], { catchUp: false });
    try {
      const result = await loadDemo(runtime);
      if (!result.ok) {
        process.stderr.write(`De demoregio is afgekeurd: ${JSON.stringify('errors' in result ? result.errors.slice(0, 5) : result.conflict.message)}\n`);
        return 1;
      }
      const projected = await projector.catchUp();
      const publications = new PublicationStore(runtime.db, runtime.config.region, runtime.clock);
      await publications.migrate();
      await publishDemo({ projector, publications });
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      process.stdout.write(JSON.stringify({ appended: result.appended, duplicates: result.duplicates, projected, seconds }) + '\n');
      return 0;
    } finally {
      await runtime.close();
    }
  },
};

const positiveInt = (name: string, value: string | undefined, fallback: number) => {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--${name} moet een positief geheel getal zijn`);
  return Number(value);
};

export const generateCommand: Command = {
  summary: `genereert een landelijke dataset (${GEMEENTE_COUNT} gemeenten) als NDJSON voor import --historical`,
  usage: '[--children 350000] [--years 5] [--seed 1] [--first-year 2020-2021] [--out BESTAND] > bestand.ndjson',
  async run(args) {
    const { values } = parse(args, { children: { type: 'string' }, years: { type: 'string' }, seed: { type: 'string' }, 'first-year': { type: 'string' }, out: { type: 'string' } });
    const children = positiveInt('children', values.children, 350_000);
    const years = positiveInt('years', values.years, 5);
    const firstYear = values['first-year'];
    if (firstYear !== undefined && !/^(\d{4})-(\d{4})$/.test(firstYear)) throw new UsageError('--first-year is een schooljaar, bijvoorbeeld 2020-2021');
    const from = firstYear ? Number(firstYear.slice(0, 4)) : 2025 - years;
    // finished school years only; children born from 1995 on (the vocabulary's lower bound for birthYear)
    if (from + years > 2025 || from < 2013) throw new UsageError('de schooljaren liggen tussen 2013-2014 en 2024-2025 (afgelopen jaren; geboortejaar vanaf 1995)');
    if (!values.out && process.env.npm_lifecycle_event === 'pact' && process.env.npm_config_loglevel !== 'silent' && !process.stdout.isTTY) {
      process.stderr.write('Let op: npm zet zijn kopregels ("> pactmonitor…") ook in de uitvoer; gebruik npm run -s pact -- generate … of --out BESTAND\n');
    }
    const out: Writable = values.out ? fs.createWriteStream(values.out) : process.stdout;
    const started = performance.now();
    let events = 0;
    for (const batch of nationalEvents({ children, years, seed: values.seed ?? '1', firstYear, now: new Date().toISOString() })) {
      events += batch.length;
      if (!out.write(batch.map((e) => JSON.stringify(e)).join('\n') + '\n')) await once(out, 'drain');
    }
    if (values.out) await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    const swvs = new Set(nationalGemeenten().flatMap((g) => [...g.po, ...g.vo].map((s) => s.code))).size;
    process.stderr.write(`${JSON.stringify({ children, years, gemeenten: GEMEENTE_COUNT, samenwerkingsverbanden: swvs, events, seconds: Math.round((performance.now() - started) / 100) / 10 })}\n`);
    return 0;
  },
};
