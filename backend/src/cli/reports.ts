// `project`, `report`, `monthly`, `signals`, `metrics`: the figures from the command line (as admin).
import os from 'node:os';
import { describeCatalogue, monthlyReport, signalList, yearReport, type Scope } from '@pact/projections';
import { AuthStore } from '../auth/store.ts';
import { ApiError } from '../http/errors.ts';
import { presentMonthlyReport, presentYearReport } from '../reports/present.ts';
import { PublicationStore, publishedMonthlyReport, publishedYearReport, scopeCode } from '../reports/publications.ts';
import type { Runtime } from '../runtime.ts';
import { reportCsv, reportXlsx } from '../reports/files.ts';
import { signalsCsv } from '../reports/signals-csv.ts';
import { metricsCsv } from '../reports/metrics-csv.ts';
import { parse, UsageError } from './args.ts';
import type { Command } from './commands.ts';
import { asOfOf, byOf, checkDay, checkMonth, checkYear, cliConfig, formatOf, openWithProjections, profileOf, REPORT_OPTIONS, roleFor, scopeOf } from './common.ts';

const print = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
/** A binary file (xlsx) to stdout, e.g. `… --format xlsx > jaar.xlsx`. */
const writeFile = (data: Buffer) => new Promise<void>((resolve, reject) => process.stdout.write(data, (error) => (error ? reject(error) : resolve())));

export const projectCommand: Command = {
  summary: 'brengt de projecties bij met het eventlog (--rebuild: opnieuw vanaf het begin)',
  usage: '[--rebuild]',
  async run(args) {
    const { values } = parse(args, { rebuild: { type: 'boolean' } });
    const { runtime, projector } = await openWithProjections(values['data-dir'], { catchUp: false });
    try {
      const started = performance.now();
      const events = values.rebuild ? await projector.rebuild() : await projector.catchUp();
      const seconds = (performance.now() - started) / 1000;
      print(JSON.stringify({ events, seconds: Math.round(seconds * 100) / 100, eventsPerSecond: seconds > 0 ? Math.round(events / seconds) : null }));
      return 0;
    } finally {
      await runtime.close();
    }
  },
};

/** What bestuur and raad see (`--role`): the publication of one whole scope at `--as-of` exactly, or the latest. */
async function publication(runtime: Runtime, options: { scope: Scope; asOf?: Date }) {
  const store = new PublicationStore(runtime.db, runtime.config.region, runtime.clock);
  await store.migrate();
  try {
    scopeCode(options.scope);
    return await store.find(options.scope, options.asOf);
  } catch (error) {
    if (error instanceof ApiError) throw new UsageError(error.message);
    throw error;
  }
}

export const publishCommand: Command = {
  summary: 'publiceert de cijfers van één hele gemeente of één heel samenwerkingsverband op een vast moment, voor bestuur en raad',
  usage: '(--gemeente GM0344 | --swv PO2601) [--as-of TIJDSTIP]',
  async run(args) {
    const { values } = parse(args, { gemeente: REPORT_OPTIONS.gemeente, swv: REPORT_OPTIONS.swv, 'as-of': REPORT_OPTIONS['as-of'] });
    const scope = scopeOf(values);
    const asOf = asOfOf(values['as-of']);
    const { runtime } = await openWithProjections(values['data-dir']);
    try {
      const store = new PublicationStore(runtime.db, runtime.config.region, runtime.clock);
      await store.migrate();
      const auth = new AuthStore(runtime.db, runtime.clock);
      await auth.migrate();
      const made = await store.publish(scope, `cli:${os.userInfo().username}`, asOf).catch((error) => {
        throw error instanceof ApiError ? new UsageError(error.message) : error;
      });
      await auth.audit({ subject: made.createdBy, role: 'admin', action: 'publish', target: `publications/${made.id}`, params: { scope: made.scope, asOf: made.asOf } });
      print(JSON.stringify(made));
      return 0;
    } finally {
      await runtime.close();
    }
  },
};

export const reportCommand: Command = {
  summary: 'de jaarrapportage (OOGO) over een schooljaar, met het vorige schooljaar',
  usage: '--year 2023-2024 [--profile P] [--gemeente GM0344] [--swv PO2601] [--as-of TIJDSTIP] [--by D] [--role R] [--format json|csv|xlsx]',
  async run(args) {
    const { values } = parse(args, { ...REPORT_OPTIONS, year: { type: 'string' }, by: { type: 'string' } });
    const year = checkYear(values.year);
    const config = cliConfig(values['data-dir']).region;
    const by = byOf(values.by);
    const options = { profile: profileOf(values.profile, config), scope: scopeOf(values), asOf: asOfOf(values['as-of']), config, by: by ? [by] : undefined };
    const format = formatOf(values.format, ['json', 'csv', 'xlsx'] as const);
    const suppression = roleFor(values.role, format === 'json' ? 'read-reports' : 'export-reports');
    const { runtime } = await openWithProjections(values['data-dir']);
    try {
      const now = runtime.clock();
      const report =
        suppression === 'none'
          ? presentYearReport(await yearReport(runtime.db, year, { ...options, now }), suppression, by)
          : publishedYearReport(await publication(runtime, options), year, options.profile, options.scope, by);
      if (format === 'xlsx') await writeFile(await reportXlsx(report, now, suppression !== 'none'));
      else print(format === 'json' ? JSON.stringify(report, null, 2) : reportCsv(report, now, suppression !== 'none'));
      return 0;
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(error.message);
      throw error;
    } finally {
      await runtime.close();
    }
  },
};

export const monthlyCommand: Command = {
  summary: 'maandcijfers: per maand de stand aan het eind en de stromen in de maand',
  usage: '--from 2023-08 --to 2024-07 [--profile P] [--gemeente ..] [--swv ..] [--as-of ..] [--by D] [--role R] [--format json|csv|xlsx]',
  async run(args) {
    const { values } = parse(args, { ...REPORT_OPTIONS, from: { type: 'string' }, to: { type: 'string' }, by: { type: 'string' } });
    const from = checkMonth('from', values.from);
    const to = checkMonth('to', values.to);
    if (to < from) throw new UsageError('--to ligt voor --from');
    const config = cliConfig(values['data-dir']).region;
    const by = byOf(values.by);
    const options = { profile: profileOf(values.profile, config), scope: scopeOf(values), asOf: asOfOf(values['as-of']), config, by: by ? [by] : undefined };
    const format = formatOf(values.format, ['json', 'csv', 'xlsx'] as const);
    const suppression = roleFor(values.role, format === 'json' ? 'read-reports' : 'export-reports');
    const { runtime } = await openWithProjections(values['data-dir']);
    try {
      const now = runtime.clock();
      const report =
        suppression === 'none'
          ? presentMonthlyReport(await monthlyReport(runtime.db, from, to, { ...options, now }), suppression, by)
          : publishedMonthlyReport(await publication(runtime, options), from, to, options.profile, options.scope, by);
      if (format === 'xlsx') await writeFile(await reportXlsx(report, now, suppression !== 'none'));
      else print(format === 'json' ? JSON.stringify(report, null, 2) : reportCsv(report, now, suppression !== 'none'));
      return 0;
    } finally {
      await runtime.close();
    }
  },
};

export const signalsCommand: Command = {
  summary: 'de signaleringslijst voor het overleg: open casussen van 4 weken thuis tot over de norm',
  usage: '--on 2024-03-01 [--profile P] [--gemeente ..] [--swv ..] [--as-of TIJDSTIP] [--role R] [--format json|csv]',
  async run(args) {
    const { values } = parse(args, { ...REPORT_OPTIONS, on: { type: 'string' } });
    roleFor(values.role, 'read-signals'); // case ids: not for bestuur and raad
    const on = checkDay('on', values.on);
    const config = cliConfig(values['data-dir']).region;
    const options = { profile: profileOf(values.profile, config), scope: scopeOf(values), asOf: asOfOf(values['as-of']), config };
    const format = formatOf(values.format, ['json', 'csv'] as const);
    const { runtime } = await openWithProjections(values['data-dir']);
    try {
      const list = await signalList(runtime.db, on, options);
      print(format === 'json' ? JSON.stringify(list, null, 2) : signalsCsv(list, config));
      return 0;
    } finally {
      await runtime.close();
    }
  },
};

export const metricsCommand: Command = {
  summary: 'de catalogus van cijfers: id, label, definitie, regel, eenheid, doel',
  usage: '[--format json|csv]',
  async run(args) {
    const { values } = parse(args, { format: REPORT_OPTIONS.format });
    const format = formatOf(values.format, ['json', 'csv'] as const);
    const config = cliConfig(values['data-dir']).region;
    print(format === 'json' ? JSON.stringify(describeCatalogue(config), null, 2) : metricsCsv(config));
    return 0;
  },
};
