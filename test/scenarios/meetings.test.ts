// Golden scenario: meetings per month and their scope. overleg_maanden counts calendar months with ≥ 1
// leerplicht_swv meeting in scope; kernpartner/oogo count meetings. Hand-computed from metrics.md and the brief's
// scope rule (each given code must equal the meeting's code where it has one; at least one given code must match).
import type { PactEvent } from '@pact/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { openScenario, type Scenario } from '../support/scenario.ts';

let n = 0;
function meeting(forum: 'leerplicht_swv' | 'kernpartner' | 'oogo', effectiveOn: string, scope: { gemeente?: string; swv?: string }, recordedAt?: string): PactEvent {
  const id = String(++n).padStart(12, '0');
  return {
    eventId: `00000000-0000-4000-9000-${id}`,
    type: 'MeetingHeld',
    stream: `meeting-00000000-0000-4000-8000-${id}`,
    data: { forum, ...scope, casesDiscussed: 4, effectiveOn },
    schemaVersion: 1,
    recordedAt: recordedAt ?? `${effectiveOn}T12:00:00.000Z`,
  } as PactEvent;
}

const both = { gemeente: 'GM0344', swv: 'PO2601' };
const events: PactEvent[] = [
  meeting('leerplicht_swv', '2023-08-29', both),
  meeting('leerplicht_swv', '2023-09-26', both),
  meeting('leerplicht_swv', '2023-10-31', both),
  meeting('leerplicht_swv', '2023-11-07', both),
  meeting('leerplicht_swv', '2023-11-28', both), // a second one in November: still one month
  // December 2023: missed
  meeting('leerplicht_swv', '2024-01-30', { swv: 'PO2601' }), // no gemeente
  meeting('leerplicht_swv', '2024-02-27', { gemeente: 'GM0344' }), // no swv
  meeting('leerplicht_swv', '2024-03-12', { gemeente: 'GM0363', swv: 'PO2601' }),
  meeting('leerplicht_swv', '2023-07-11', both, '2024-03-01T12:00:00.000Z'), // July 2023 (previous year), registered late
  meeting('kernpartner', '2023-05-10', both), // previous year
  meeting('kernpartner', '2023-09-15', both),
  meeting('kernpartner', '2023-11-15', both),
  meeting('kernpartner', '2024-01-15', { gemeente: 'GM0363' }),
  meeting('oogo', '2022-10-11', both), // previous year
  meeting('oogo', '2023-10-10', { swv: 'PO2601' }),
];

describe.each(databaseKinds)('meetings on $name', (kind) => {
  let s: Scenario;
  beforeAll(async () => (s = await openScenario(kind, events, { now: '2024-03-15T12:00:00Z' })));
  afterAll(() => s.close());

  it('year 2023-2024 for the region, up to today (2024-03-15)', async () => {
    const r = await s.year('2023-2024');
    expect(r.metrics.overleg_maanden_verwacht).toBe(8); // Aug..Mar: months after today are not part of the period
    expect(r.metrics.overleg_maanden).toBe(7); // Aug, Sep, Oct, Nov, Jan, Feb, Mar: December missed
    expect(r.metrics.kernpartner_overleggen).toBe(3); // 09-15, 11-15, 01-15
    expect(r.metrics.oogo_overleggen).toBe(1); // 2023-10-10
    expect(r.previous!.metrics.overleg_maanden_verwacht).toBe(12); // 2022-08..2023-07
    expect(r.previous!.metrics.overleg_maanden).toBe(1); // July 2023 (late registration, now known)
    expect(r.previous!.metrics.kernpartner_overleggen).toBe(1); // 2023-05-10
    expect(r.previous!.metrics.oogo_overleggen).toBe(1); // 2022-10-11
  });

  it('as known on 2024-02-01', async () => {
    const r = await s.year('2023-2024', { asOf: '2024-02-01T12:00:00Z' });
    expect(r.metrics.overleg_maanden_verwacht).toBe(7); // Aug..Feb (today 02-01 lies in February)
    expect(r.metrics.overleg_maanden).toBe(5); // Aug, Sep, Oct, Nov, Jan
    expect(r.previous!.metrics.overleg_maanden).toBe(0); // the July meeting was recorded on 2024-03-01
  });

  it('gemeente GM0344', async () => {
    const r = await s.year('2023-2024', { scope: { gemeente: 'GM0344' } });
    expect(r.metrics.overleg_maanden).toBe(5); // Aug..Nov (both codes), Feb (gemeente only); Jan has no gemeente, Mar is GM0363
    expect(r.metrics.overleg_maanden_verwacht).toBe(8); // does not depend on scope
    expect(r.metrics.kernpartner_overleggen).toBe(2); // 09-15, 11-15; 01-15 is GM0363
    expect(r.metrics.oogo_overleggen).toBe(0); // the OOGO names only swv PO2601
  });

  it('swv PO2601', async () => {
    const r = await s.year('2023-2024', { scope: { swv: 'PO2601' } });
    expect(r.metrics.overleg_maanden).toBe(6); // Aug..Nov, Jan, Mar; Feb's meeting has no swv
    expect(r.metrics.kernpartner_overleggen).toBe(2); // 09-15, 11-15; 01-15 has no swv
    expect(r.metrics.oogo_overleggen).toBe(1); // 2023-10-10
  });

  it('gemeente GM0344 and swv PO2601 together', async () => {
    const r = await s.year('2023-2024', { scope: { gemeente: 'GM0344', swv: 'PO2601' } });
    expect(r.metrics.overleg_maanden).toBe(6); // Aug..Nov (both match), Jan (swv matches, no gemeente), Feb (gemeente matches, no swv); Mar: GM0363 ≠ GM0344
    expect(r.metrics.kernpartner_overleggen).toBe(2); // 09-15, 11-15; 01-15: GM0363 ≠ GM0344
    expect(r.metrics.oogo_overleggen).toBe(1); // swv matches, no gemeente on it
  });

  it('gemeente GM0363', async () => {
    const r = await s.year('2023-2024', { scope: { gemeente: 'GM0363' } });
    expect(r.metrics.overleg_maanden).toBe(1); // March
    expect(r.metrics.kernpartner_overleggen).toBe(1); // 01-15
    expect(r.metrics.oogo_overleggen).toBe(0); // none
  });

  it('per month: the missed month shows 0 of 1', async () => {
    const { rows } = await s.monthly('2023-11', '2024-05');
    expect(rows.map((r) => r.month)).toEqual(['2023-11', '2023-12', '2024-01', '2024-02', '2024-03']); // months not begun by today are left out
    expect(rows.map((r) => r.metrics.overleg_maanden)).toEqual([1, 0, 1, 1, 1]); // two meetings in Nov count as one month; Dec missed
    expect(rows.map((r) => r.metrics.overleg_maanden_verwacht)).toEqual([1, 1, 1, 1, 1]); // one month each
    expect(rows.map((r) => r.metrics.kernpartner_overleggen)).toEqual([1, 0, 1, 0, 0]); // 11-15, 01-15
    expect(rows.map((r) => r.metrics.oogo_overleggen)).toEqual([0, 0, 0, 0, 0]); // OOGO was in October
    const gm = await s.monthly('2024-01', '2024-01', { scope: { gemeente: 'GM0344' } });
    expect(gm.rows[0].metrics.overleg_maanden).toBe(0); // January's meeting names only swv PO2601
  });
});
