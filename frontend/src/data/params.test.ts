import { describe, expect, it } from 'vitest';
import { defaultRunningYear, defaultYear, monthlyParamsFrom, signalParamsFrom, yearParamsFrom } from './params.ts';

const q = (s: string) => new URLSearchParams(s);
const TODAY = '2026-12-01';
const d = (last: string | null = null, defaultProfile: 'officieel' | 'breed' | 'leerrecht' = 'officieel') => ({ last, defaultProfile });

describe('page choices from the address', () => {
  it('reads the year report’s choices, with defaults for what is missing or wrong', () => {
    expect(yearParamsFrom(q(''), TODAY, d())).toEqual({ year: '2025-2026', profile: 'officieel', gemeente: undefined, swv: undefined, asOf: undefined });
    expect(yearParamsFrom(q('year=2023-2024&profile=leerrecht&gemeente=GM0344&asOf=2024-09-01T10:00:00.000Z'), TODAY, d())).toEqual({
      year: '2023-2024',
      profile: 'leerrecht',
      gemeente: 'GM0344',
      swv: undefined,
      asOf: '2024-09-01T10:00:00.000Z',
    });
    expect(yearParamsFrom(q('year=2023&profile=alles&asOf=gisteren'), TODAY, d())).toMatchObject({ year: '2025-2026', profile: 'officieel', asOf: undefined });
  });

  it('reads the months and the signal list’s day', () => {
    expect(monthlyParamsFrom(q('swv=PO2601'), TODAY, d())).toEqual({ from: '2026-01', to: '2026-12', profile: 'officieel', gemeente: undefined, swv: 'PO2601', asOf: undefined });
    expect(monthlyParamsFrom(q('from=2024-08&to=2025-07&profile=breed'), TODAY, d())).toMatchObject({ from: '2024-08', to: '2025-07', profile: 'breed' });
    expect(signalParamsFrom(q(''), TODAY, d())).toEqual({ on: TODAY, profile: 'officieel', gemeente: undefined, swv: undefined, asOf: undefined });
    expect(signalParamsFrom(q('on=2025-03-03&gemeente=GM0344&asOf=2025-03-01'), TODAY, d())).toMatchObject({ on: '2025-03-03', gemeente: 'GM0344', asOf: '2025-03-01' });
  });

  it('takes the region’s default profile when the address names none (v2: defaultProfile is configuration)', () => {
    expect(yearParamsFrom(q(''), TODAY, d(null, 'breed')).profile).toBe('breed');
    expect(monthlyParamsFrom(q('profile=leerrecht'), TODAY, d(null, 'breed')).profile).toBe('leerrecht');
    expect(signalParamsFrom(q(''), TODAY, d(null, 'leerrecht')).profile).toBe('leerrecht');
  });

  it('moves the default period back to the school year of the last registration when the log ends earlier', () => {
    // the demo region: its last registration on 2025-07-31, today 2026-12-01
    expect(defaultYear(TODAY, '2025-07-31')).toBe('2024-2025'); // not the empty 2025-2026
    expect(defaultRunningYear(TODAY, '2025-07-31')).toBe('2024-2025'); // not the empty running 2026-2027
    expect(yearParamsFrom(q(''), TODAY, d('2025-07-31')).year).toBe('2024-2025');
    expect(monthlyParamsFrom(q(''), TODAY, d('2025-07-31'))).toMatchObject({ from: '2024-08', to: '2025-07' });
    // a log that is current (or empty, or not known) keeps the defaults of today
    expect(defaultYear(TODAY, '2026-11-28')).toBe('2025-2026');
    expect(defaultYear(TODAY, '2026-03-02')).toBe('2025-2026'); // that year has ended by today: it is the last completed one
    expect(defaultRunningYear(TODAY, '2026-11-28')).toBe('2026-2027');
    expect(defaultYear(TODAY, null)).toBe('2025-2026');
    expect(monthlyParamsFrom(q(''), TODAY, d('2026-10-15'))).toMatchObject({ from: '2026-01', to: '2026-12' });
    // an explicit year always wins
    expect(yearParamsFrom(q('year=2022-2023'), TODAY, d('2025-07-31')).year).toBe('2022-2023');
  });
});
