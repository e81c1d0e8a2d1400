// The demo region "Utrecht (fictief)": gemeente GM0344 with a PO and a VO samenwerkingsverband, school years
// 2021-2022 to 2024-2025, synthetic but calibrated: its year report 2023-2024 (profile officieel) gives the
// figures the Utrecht council published (initiatiefvoorstel, shared/context/002): 215 children in langdurig
// relatief verzuim, 185 of them longer than three months; 148 in absoluut verzuim, 116 longer than three months.
//
// Calibration: the population is simulated as everywhere; the simulator then counts the four figures itself
// (official.ts, from the events) and plans the difference: it adds new children whose cases land in exactly
// the class that is short (drawn from the same scripts, kept only when they land there), or takes out
// children that are exactly in a class that is over. The figures in the report come from the real
// projections; `test/integration/demo-utrecht.test.ts` checks that they agree.
import { schoolYearBounds, START, type CaseEvent, type PactEvent } from '@pact/events';
import type { Archetype } from './archetypes.ts';
import { DEFAULT_RATES, GemeenteSimulation, inflowDays, type ChildHistory, type GemeenteSpec } from './gemeente.ts';
import { officialCounts, officialFlags, type OfficialCounts, type OfficialFlags } from './official.ts';
import { random } from './random.ts';
import { ingest, type IngestResult } from '../ingest.ts';
import type { Projector } from '@pact/projections';
import type { PublicationStore } from '../reports/publications.ts';
import type { Runtime } from '../runtime.ts';

export const DEMO_REGION: GemeenteSpec = {
  code: 'GM0344',
  name: 'Utrecht (fictief)',
  po: [{ code: 'PO2601', share: 1 }],
  vo: [{ code: 'VO2602', share: 1 }],
};
export const DEMO_SEED = 'utrecht-fictief';
export const DEMO_FIRST_YEAR = '2021-2022';
export const DEMO_YEARS = 4;
/** The published figures the demo reproduces, and the school year they are of. */
export const DEMO_CALIBRATION = { year: '2023-2024', figures: { lrv_totaal: 215, lrv_3m: 185, av_totaal: 148, av_3m: 116 } satisfies OfficialCounts };
/** New children a school year (cases in the overleggen, all profiles), rising as the note describes. */
const CHILDREN_PER_YEAR = [565, 605, 645, 680];

type Class = 'lrv' | 'lrv3m' | 'av' | 'av3m';
const CLASSES: Record<Class, { flags: OfficialFlags; archetype: Archetype }> = {
  lrv: { flags: { lrv: true, lrv3m: false, av: false, av3m: false }, archetype: 'lrv' },
  lrv3m: { flags: { lrv: true, lrv3m: true, av: false, av3m: false }, archetype: 'lrv' },
  av: { flags: { lrv: false, lrv3m: false, av: true, av3m: false }, archetype: 'av' },
  av3m: { flags: { lrv: false, lrv3m: false, av: true, av3m: true }, archetype: 'av' },
};

function childFlags(child: ChildHistory, from: string, to: string): OfficialFlags {
  const all = child.cases.map((c) => officialFlags(c as CaseEvent[], from, to));
  return { lrv: all.some((f) => f.lrv), lrv3m: all.some((f) => f.lrv3m), av: all.some((f) => f.av), av3m: all.some((f) => f.av3m) };
}

const classOf = (f: OfficialFlags): Class | null =>
  (Object.keys(CLASSES) as Class[]).find((k) => (Object.keys(f) as (keyof OfficialFlags)[]).every((x) => f[x] === CLASSES[k].flags[x])) ?? null;

/** How many children each class must gain (positive) or lose (negative) to land on the target. */
function needs(counts: OfficialCounts, target: OfficialCounts): Record<Class, number> {
  const lrv3m = target.lrv_3m - counts.lrv_3m;
  const av3m = target.av_3m - counts.av_3m;
  return { lrv3m, lrv: target.lrv_totaal - counts.lrv_totaal - lrv3m, av3m, av: target.av_totaal - counts.av_totaal - av3m };
}

export interface DemoOptions {
  /** The caller's clock (ISO instant): nothing is recorded after it. */
  now: string;
  seed?: string;
}

/** The demo region's whole history: every case's events in stream order, then the meetings. */
export function demoEvents(options: DemoOptions): PactEvent[] {
  const seed = options.seed ?? DEMO_SEED;
  const { start, end } = schoolYearBounds(DEMO_CALIBRATION.year);
  const target = DEMO_CALIBRATION.figures;
  const sim = new GemeenteSimulation(DEMO_REGION, { firstYear: DEMO_FIRST_YEAR, years: DEMO_YEARS, now: options.now }, DEFAULT_RATES, random(seed));
  const children = [...sim.population((_, i) => CHILDREN_PER_YEAR[i] ?? CHILDREN_PER_YEAR[CHILDREN_PER_YEAR.length - 1])];

  const rng = random(seed).fork('kalibratie');
  const counts = officialCounts(children.flatMap((c) => c.cases as CaseEvent[][]), start, end);
  const need = needs(counts, target);
  const removed = new Set<ChildHistory>();
  for (const k of Object.keys(CLASSES) as Class[]) {
    // over: take out children that are exactly in this class, preferring those who came in this year
    if (need[k] < 0) {
      const candidates = children.filter((c) => classOf(childFlags(c, start, end)) === k);
      const firstOpened = (c: ChildHistory) => (c.cases[0][0].data as { effectiveOn: string }).effectiveOn;
      const inYear = candidates.filter((c) => firstOpened(c) >= start);
      const older = candidates.filter((c) => firstOpened(c) < start);
      for (let i = 0; i < -need[k]; i++) {
        const pool = inYear.length > 0 ? inYear : older;
        if (pool.length === 0) throw new Error(`demo calibration: too few children in class ${k} to take out`);
        const child = pool.splice(Math.floor(rng.next() * pool.length), 1)[0];
        removed.add(child);
        sim.commit(child, -1);
      }
    }
    // short: new children drawn from the same scripts, kept when they land in exactly this class
    for (let i = 0; i < need[k]; i++) {
      for (let attempt = 0; ; attempt++) {
        if (attempt > 10_000) throw new Error(`demo calibration: no child lands in class ${k}`);
        const child = sim.child(rng, inflowDays(rng, DEMO_CALIBRATION.year, 1)[0], CLASSES[k].archetype);
        if (classOf(childFlags(child, start, end)) !== k) continue;
        sim.commit(child);
        children.push(child);
        break;
      }
    }
  }
  const kept = children.filter((c) => !removed.has(c));
  const check = officialCounts(kept.flatMap((c) => c.cases as CaseEvent[][]), start, end);
  if ((Object.keys(target) as (keyof OfficialCounts)[]).some((k) => check[k] !== target[k])) {
    throw new Error(`demo calibration missed: ${JSON.stringify(check)} instead of ${JSON.stringify(target)}`);
  }
  return [...kept.flatMap((c) => c.cases.flat()), ...sim.meetingEvents()];
}

/** Writes the demo region into the event log through the same validation as an import; idempotent. */
export async function loadDemo(runtime: Pick<Runtime, 'store' | 'clock'>): Promise<IngestResult> {
  const now = runtime.clock();
  const events = demoEvents({ now: now.toISOString() });
  return ingest(runtime.store, events.map((value, i) => ({ line: i + 1, value })), { historical: true, clock: () => now });
}

/** Publishes the demo region's gemeente and samenwerkingsverbanden as they stand now, for bestuur and raad. */
export async function publishDemo(parts: { projector: Projector; publications: PublicationStore }): Promise<void> {
  await parts.projector.catchUp();
  for (const scope of [{ gemeente: DEMO_REGION.code }, ...[...DEMO_REGION.po, ...DEMO_REGION.vo].map((s) => ({ swv: s.code }))]) {
    if ((await parts.publications.list(scope)).length === 0) await parts.publications.publish(scope, 'demo');
  }
}

/** `npm start`: loads (and publishes) the demo region when the event log is empty, unless PACT_DEMO=0. */
export async function loadDemoOnFirstStart(runtime: Runtime, config: { demo: boolean }, parts: { projector: Projector; publications: PublicationStore }): Promise<void> {
  if (!config.demo || (await runtime.store.head()) !== START) return;
  const started = performance.now();
  const result = await loadDemo(runtime);
  if (!result.ok) throw new Error(`De demoregio kon niet worden geladen: ${JSON.stringify('errors' in result ? result.errors.slice(0, 5) : result.conflict.message)}`);
  await publishDemo(parts);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Demoregio ${DEMO_REGION.name} geladen en gepubliceerd: ${result.appended} events in ${seconds} s (PACT_DEMO=0 om dit over te slaan)`);
}
