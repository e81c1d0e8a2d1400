import { describe, expect, it } from 'vitest';
import { amsterdamDate, daysBetween, decide, EVENT_TYPES, type CaseEvent, type PactEvent } from '@pact/events';
import { checkInput } from '../ingest.ts';
import { DEMO_CALIBRATION, demoEvents } from './demo.ts';
import { DEFAULT_RATES, GemeenteSimulation, MONTH_WEIGHTS, type GemeenteSpec } from './gemeente.ts';
import { GEMEENTE_COUNT, nationalEvents, nationalGemeenten } from './national.ts';
import { officialCounts } from './official.ts';
import { random } from './random.ts';

const NOW = '2026-11-23T12:00:00.000Z';
const SPEC: GemeenteSpec = { code: 'GM0307', name: 'Amersfoort', po: [{ code: 'PO2602', share: 1 }], vo: [{ code: 'VO2603', share: 0.7 }, { code: 'VO2604', share: 0.3 }] };

function simulate(seed: string, perYear = 250, years = 3): PactEvent[] {
  const sim = new GemeenteSimulation(SPEC, { firstYear: '2021-2022', years, now: NOW }, DEFAULT_RATES, random(seed));
  const cases = [...sim.population(() => perYear)].flatMap((c) => c.cases.flat());
  return [...cases, ...sim.meetingEvents()];
}

/** The checks of an import without a store: privacy guard, schema, recordedAt, and the write rules against each stream's history. */
function validate(events: readonly PactEvent[]): string[] {
  const problems: string[] = [];
  const histories = new Map<string, PactEvent[]>();
  events.forEach((e, i) => {
    const checked = checkInput({ line: i + 1, value: JSON.parse(JSON.stringify(e)) }, true);
    if (!checked.event) return problems.push(`${i + 1}: ${JSON.stringify(checked.errors)}`);
    const history = histories.get(e.stream) ?? [];
    const last = history[history.length - 1];
    if (last && last.recordedAt! > e.recordedAt!) problems.push(`${i + 1}: recordedAt goes back in ${e.stream}`);
    if (e.recordedAt! > NOW) problems.push(`${i + 1}: recordedAt after now`);
    const decision = decide(history, checked.event, amsterdamDate(new Date(e.recordedAt!)));
    if (!decision.ok) problems.push(`${i + 1}: ${e.type} ${decision.error.code}`);
    histories.set(e.stream, [...history, e]);
  });
  return problems;
}

describe('random', () => {
  it('is deterministic for a seed, and forks are independent of draws made before', () => {
    const a = random('x');
    const b = random('x');
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(random('x').fork('y').uuid()).toBe(a.fork('y').uuid());
    expect(random('x').next()).not.toBe(random('z').next());
  });

  it('makes version-4 UUIDs and 32-character base32 pseudonyms', () => {
    const rng = random(1);
    for (let i = 0; i < 100; i++) {
      expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(rng.childRef()).toMatch(/^[a-z2-7]{32}$/);
    }
  });
});

describe('a gemeente over several school years', () => {
  const events = simulate('unit');
  const cases = new Map<string, CaseEvent[]>();
  for (const e of events) if (e.type !== 'MeetingHeld') cases.set(e.stream, [...(cases.get(e.stream) ?? []), e as CaseEvent]);
  const opened = events.filter((e): e is Extract<PactEvent, { type: 'CaseOpened' }> => e.type === 'CaseOpened');

  it('is the same history for the same seed, and another for another seed', () => {
    expect(JSON.stringify(simulate('unit', 60, 2))).toBe(JSON.stringify(simulate('unit', 60, 2)));
    expect(JSON.stringify(simulate('other', 60, 2))).not.toBe(JSON.stringify(simulate('unit', 60, 2)));
  });

  it('writes only events that pass the validation of an import, stream by stream', () => {
    expect(validate(events)).toEqual([]);
    // every type of the vocabulary occurs
    expect(new Set(events.map((e) => e.type)).size).toBe(EVENT_TYPES.length);
  });

  it('has the seasonal inflow: quiet in summer, peaks after the autumn and spring holidays', () => {
    const byMonth = Array.from({ length: 12 }, (_, m) => opened.filter((e) => Number(e.data.effectiveOn.slice(5, 7)) === m + 1).length);
    const mean = byMonth.reduce((a, b) => a + b, 0) / 12;
    expect(byMonth[6]).toBeLessThan(mean * 0.7); // July
    expect(byMonth[7]).toBeLessThan(mean * 0.7); // August
    expect(byMonth[10]).toBeGreaterThan(mean * 1.15); // November
    expect(byMonth[4]).toBeGreaterThan(mean * 1.05); // May
    expect(MONTH_WEIGHTS.indexOf(Math.max(...MONTH_WEIGHTS))).toBe(10);
  });

  it('gives repeat episodes of a child the same childRef, opened after the earlier case closed', () => {
    const byChild = new Map<string, CaseEvent[][]>();
    for (const list of cases.values()) {
      const first = list[0] as Extract<CaseEvent, { type: 'CaseOpened' }>;
      byChild.set(first.data.childRef, [...(byChild.get(first.data.childRef) ?? []), list]);
    }
    const repeated = [...byChild.values()].filter((l) => l.length > 1);
    expect(repeated.length).toBeGreaterThan(20);
    for (const list of repeated) {
      const [a, b] = list.sort((x, y) => (x[0].data.effectiveOn < y[0].data.effectiveOn ? -1 : 1));
      const closed = a.find((e) => e.type === 'CaseClosed');
      if (closed && !a.some((e) => e.type === 'EventRetracted')) expect(b[0].data.effectiveOn >= closed.data.effectiveOn).toBe(true);
    }
  });

  it('registers late now and then (recordedAt after effectiveOn) and retracts a few mistakes', () => {
    const lags = events.filter((e) => e.type !== 'EventRetracted').map((e) => daysBetween(e.data.effectiveOn, e.recordedAt!.slice(0, 10)));
    expect(Math.min(...lags)).toBe(0);
    const late = lags.filter((d) => d > 7).length / lags.length;
    expect(late).toBeGreaterThan(0.05);
    expect(late).toBeLessThan(0.4);
    expect(lags.some((d) => d > 60)).toBe(true);
    const retracted = events.filter((e) => e.type === 'EventRetracted');
    expect(retracted.length).toBeGreaterThan(5);
    expect(retracted.length).toBeLessThan(events.length / 100);
  });

  it('holds the overleggen: a Leerplicht/SWV overleg per samenwerkingsverband most months, kernpartners two-monthly, one OOGO a year', () => {
    const meetings = events.filter((e): e is Extract<PactEvent, { type: 'MeetingHeld' }> => e.type === 'MeetingHeld');
    const months = new Set(meetings.filter((m) => m.data.forum === 'leerplicht_swv').map((m) => m.data.effectiveOn.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(30);
    expect(months.size).toBeLessThan(36);
    expect(meetings.filter((m) => m.data.forum === 'oogo').length).toBe(3);
    const kern = meetings.filter((m) => m.data.forum === 'kernpartner').length;
    expect(kern).toBeGreaterThanOrEqual(14);
    expect(kern).toBeLessThanOrEqual(18);
    // casesDiscussed is the number of CaseDiscussed events that name the meeting
    const named = events.filter((e) => e.type === 'CaseDiscussed' && e.data.meetingId).length;
    const active = named - events.filter((e) => e.type === 'EventRetracted' && e.data.reason === 'dubbel').length;
    expect(meetings.reduce((sum, m) => sum + m.data.casesDiscussed, 0)).toBeLessThanOrEqual(named);
    expect(meetings.reduce((sum, m) => sum + m.data.casesDiscussed, 0)).toBeGreaterThanOrEqual(active);
  });
});

describe('the demo region', () => {
  it('lands on the published Utrecht figures for 2023-2024 by its own count (the pipeline is checked in test/integration)', () => {
    const events = demoEvents({ now: NOW });
    const cases = new Map<string, CaseEvent[]>();
    for (const e of events) if (e.type !== 'MeetingHeld') cases.set(e.stream, [...(cases.get(e.stream) ?? []), e as CaseEvent]);
    expect(officialCounts(cases.values(), '2023-08-01', '2024-07-31')).toEqual(DEMO_CALIBRATION.figures);
    expect(events.every((e) => e.recordedAt! <= '2026-06-01')).toBe(true);
  }, 60_000); // the whole demo region is simulated and calibrated: seconds, more on a busy machine
});

describe('the national list', () => {
  const gemeenten = nationalGemeenten();

  it('has all 342 gemeenten with unique CBS-shaped codes, the big cities under their own codes and largest', () => {
    expect(gemeenten).toHaveLength(GEMEENTE_COUNT);
    expect(new Set(gemeenten.map((g) => g.code)).size).toBe(GEMEENTE_COUNT);
    expect(gemeenten.every((g) => /^GM\d{4}$/.test(g.code))).toBe(true);
    const bySize = [...gemeenten].sort((a, b) => b.population - a.population);
    expect(bySize.slice(0, 4).map((g) => g.code)).toEqual(['GM0363', 'GM0599', 'GM0518', 'GM0344']);
    expect(gemeenten.reduce((s, g) => s + g.population, 0)).toBeGreaterThan(17_800_000);
  });

  it('puts every gemeente in a PO and a VO samenwerkingsverband (some in two), about 150 in all', () => {
    const swvs = new Set(gemeenten.flatMap((g) => [...g.po, ...g.vo].map((s) => s.code)));
    expect(swvs.size).toBeGreaterThan(130);
    expect(swvs.size).toBeLessThan(170);
    expect(gemeenten.every((g) => g.po.length >= 1 && g.vo.length >= 1 && g.po.every((s) => s.code.startsWith('PO')) && g.vo.every((s) => s.code.startsWith('VO')))).toBe(true);
    expect(gemeenten.filter((g) => g.po.length > 1 || g.vo.length > 1).length).toBeGreaterThan(10);
  });

  it('streams a valid, deterministic history where larger gemeenten have more children', () => {
    const run = () => [...nationalEvents({ children: 1500, years: 2, seed: '3', now: NOW })].flat();
    const events = run();
    expect(validate(events)).toEqual([]);
    expect(JSON.stringify(run().slice(0, 2000))).toBe(JSON.stringify(events.slice(0, 2000)));
    const children = (code: string) => new Set(events.filter((e) => e.type === 'CaseOpened' && e.data.gemeente === code).map((e) => (e.data as { childRef: string }).childRef)).size;
    expect(children('GM0363')).toBeGreaterThan(children('GM0344'));
    const all = new Set(events.filter((e) => e.type === 'CaseOpened').map((e) => (e.data as { childRef: string }).childRef)).size;
    expect(all).toBeGreaterThan(1400);
    expect(all).toBeLessThan(1600);
  }, 60_000);
});
