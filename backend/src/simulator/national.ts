// The national generator: all 342 gemeenten and about 150 samenwerkingsverbanden at Dutch proportions (larger
// cities larger), streamed gemeente by gemeente so that millions of events never sit in memory at once.
// The list is synthetic but fixed: the big cities carry their real CBS codes and rounded populations, the
// long tail gets deterministic codes and log-normal sizes; each gemeente lies in one PO and one VO
// samenwerkingsverband, some in two.
import type { PactEvent } from '@pact/events';
import { DEFAULT_RATES, GemeenteSimulation, type GemeenteSpec, type SwvShare } from './gemeente.ts';
import { random } from './random.ts';

export const GEMEENTE_COUNT = 342;
const POPULATION = 17_900_000;

/** The largest gemeenten with their CBS codes and (rounded) populations. */
const CITIES: readonly [string, string, number][] = [
  ['GM0363', 'Amsterdam', 931_000],
  ['GM0599', 'Rotterdam', 670_000],
  ['GM0518', "'s-Gravenhage", 566_000],
  ['GM0344', 'Utrecht', 374_000],
  ['GM0772', 'Eindhoven', 246_000],
  ['GM0014', 'Groningen', 243_000],
  ['GM0855', 'Tilburg', 227_000],
  ['GM0034', 'Almere', 226_000],
  ['GM0758', 'Breda', 188_000],
  ['GM0268', 'Nijmegen', 182_000],
  ['GM0202', 'Arnhem', 168_000],
  ['GM0200', 'Apeldoorn', 167_000],
  ['GM0392', 'Haarlem', 165_000],
  ['GM0394', 'Haarlemmermeer', 162_000],
  ['GM0153', 'Enschede', 161_000],
  ['GM0307', 'Amersfoort', 160_000],
  ['GM0796', "'s-Hertogenbosch", 160_000],
  ['GM0479', 'Zaanstad', 159_000],
  ['GM0193', 'Zwolle', 132_000],
  ['GM0546', 'Leiden', 127_000],
  ['GM0080', 'Leeuwarden', 126_000],
  ['GM0637', 'Zoetermeer', 126_000],
  ['GM0935', 'Maastricht', 122_000],
  ['GM0505', 'Dordrecht', 121_000],
  ['GM0228', 'Ede', 120_000],
  ['GM1783', 'Westland', 113_000],
  ['GM0361', 'Alkmaar', 110_000],
  ['GM0114', 'Emmen', 108_000],
  ['GM0503', 'Delft', 104_000],
  ['GM0150', 'Deventer', 102_000],
  ['GM0983', 'Venlo', 102_000],
  ['GM0794', 'Helmond', 94_000],
  ['GM0402', 'Hilversum', 92_000],
];

export interface NationalGemeente extends GemeenteSpec {
  population: number;
}

let cached: NationalGemeente[] | undefined;

/** The 342 gemeenten (sorted by code) with their samenwerkingsverbanden. Deterministic. */
export function nationalGemeenten(): NationalGemeente[] {
  if (cached) return cached;
  const rng = random('gemeenten-nl');
  const known = new Set(CITIES.map(([code]) => code));
  const tailCount = GEMEENTE_COUNT - CITIES.length;
  const tailPopulation = POPULATION - CITIES.reduce((sum, [, , p]) => sum + p, 0);
  const codes = new Set<string>();
  while (codes.size < tailCount) {
    const code = `GM${String(rng.int(1, 1999)).padStart(4, '0')}`;
    if (!known.has(code)) codes.add(code);
  }
  const raw = [...codes].map(() => Math.min(90_000, Math.max(1_000, Math.exp(Math.log(28_000) + 0.75 * rng.normal()))));
  const scale = tailPopulation / raw.reduce((a, b) => a + b, 0);
  const list = [
    ...CITIES.map(([code, name, population]) => ({ code, name, population })),
    ...[...codes].map((code, i) => ({ code, name: `Gemeente ${code.slice(2)} (fictief)`, population: Math.round(raw[i] * scale) })),
  ].sort((a, b) => (a.code < b.code ? -1 : 1));
  const po = regions(list, 76, 'PO', rng.fork('po'));
  const vo = regions(list, 74, 'VO', rng.fork('vo'));
  cached = list.map((g, i) => ({ ...g, po: po[i], vo: vo[i] }));
  return cached;
}

/**
 * Groups the gemeenten (in code order) into about `count` samenwerkingsverbanden of similar population (a big
 * city alone); now and then a gemeente at a border also belongs to the neighbouring one (30% of its children).
 */
function regions(list: readonly { population: number }[], count: number, sector: 'PO' | 'VO', rng: ReturnType<typeof random>): SwvShare[][] {
  const target = POPULATION / count;
  const code = (i: number) => `${sector}${20 + Math.floor(i / 12)}${String((i % 12) + 1).padStart(2, '0')}`;
  const out: SwvShare[][] = [];
  let region = 0;
  let sum = 0;
  for (const [i, g] of list.entries()) {
    if (sum > 0 && sum + g.population / 2 > target) {
      region++;
      sum = 0;
      if (rng.chance(0.25) && i > 0) {
        out.push([{ code: code(region), share: 0.7 }, { code: code(region - 1), share: 0.3 }]);
        sum += g.population;
        continue;
      }
    }
    out.push([{ code: code(region), share: 1 }]);
    sum += g.population;
  }
  return out;
}

export interface NationalOptions {
  /** Distinct children over all years (each with one or more cases). */
  children: number;
  years: number;
  seed: string;
  /** First school year; default 2020-2021 (five years up to 2024-2025). */
  firstYear?: string;
  /** The caller's clock (ISO instant): nothing is recorded after it. */
  now: string;
}

/** Relative inflow per school year: rising, as everywhere in the sources. */
const trend = (index: number, years: number) => 0.85 + (years <= 1 ? 0 : (0.3 * index) / (years - 1));

/**
 * The national history, one gemeente at a time: each child's cases (every case's events in stream order),
 * then the gemeente's meetings. Yields batches; nothing of earlier gemeenten is kept.
 */
export function* nationalEvents(options: NationalOptions): Generator<PactEvent[]> {
  const gemeenten = nationalGemeenten();
  const years = options.years;
  const totalTrend = Array.from({ length: years }, (_, i) => trend(i, years)).reduce((a, b) => a + b, 0);
  const root = random(options.seed);
  const period = { firstYear: options.firstYear ?? defaultFirstYear(years), years, now: options.now };
  for (const g of gemeenten) {
    const rng = root.fork(g.code);
    const sim = new GemeenteSimulation(g, period, DEFAULT_RATES, rng);
    const share = g.population / POPULATION;
    const rounding = rng.fork('aantallen');
    const perYear = (_: string, i: number) => {
      const exact = (options.children * share * trend(i, years)) / totalTrend;
      return Math.floor(exact) + (rounding.chance(exact - Math.floor(exact)) ? 1 : 0);
    };
    let batch: PactEvent[] = [];
    for (const child of sim.population(perYear)) {
      for (const events of child.cases) batch.push(...events);
      if (batch.length >= 5_000) {
        yield batch;
        batch = [];
      }
    }
    yield [...batch, ...sim.meetingEvents()];
  }
}

/** The last `years` school years up to 2024-2025. */
export function defaultFirstYear(years: number): string {
  const first = 2025 - years;
  return `${first}-${first + 1}`;
}
