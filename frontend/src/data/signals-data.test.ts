import { describe, expect, it } from 'vitest';
import { parseEvent } from '@pact/events';
import type { SignalList } from '../api/client.ts';
import fixture from './fixtures/signals.json' with { type: 'json' };
import { listSummary, meetingEvents, signalRow, sortSignals } from './signals-data.ts';

// Eight cases of the demo region's signal list on 2025-03-03 (GM0344), two of each level, most urgent first.
const { signals } = fixture as SignalList;
const short = (list: typeof signals) => list.map((s) => s.caseId.slice(0, 8));

describe('the signal list', () => {
  it('sorts by urgency, days out, norm date, plan review and last discussion', () => {
    expect(short(sortSignals(signals, 'urgentie', 'oplopend'))).toEqual(['5072ffc8', 'ec16220f', '06725bf1', '079e05cb', 'e3d400e3', 'fd9916ee', '1db54e50', '7119a183']);
    expect(short(sortSignals(signals, 'dagen', 'aflopend')).slice(0, 3)).toEqual(['1db54e50', '5072ffc8', '7119a183']);
    expect(short(sortSignals(signals, 'norm', 'oplopend')).slice(0, 2)).toEqual(['1db54e50', '5072ffc8']);
    // cases without a plan have no review date: they come first when sorting up
    expect(short(sortSignals(signals, 'evaluatie', 'aflopend')).slice(0, 2)).toEqual(['1db54e50', '7119a183']);
    expect(short(sortSignals(signals, 'besproken', 'oplopend')).slice(0, 2)).toEqual(['06725bf1', '079e05cb']);
  });

  it('writes each case in words', () => {
    expect(signalRow(signals[2])).toEqual({
      caseId: signals[2].caseId,
      level: 'dreigend',
      levelText: 'Bijna 3 maanden',
      sector: 'PO',
      daysText: '84 dagen',
      sinceText: '10 dec 2024',
      normText: '10 mrt 2025',
      planText: 'Geen plan',
      reviewText: '',
      reviewOverdue: false,
      offerText: '',
      waitlistText: '(V)SO-plaats (sinds 20 jan 2025)',
      discussedText: 'Nog niet besproken',
    });
    const planned = signalRow(signals[6]);
    expect([planned.planText, planned.reviewText, planned.reviewOverdue, planned.discussedText]).toEqual(['Zorg (samenwerkingsverband)', 'evaluatie 2 mrt 2024, verlopen', true, '12 feb 2025, leerplicht/swv-overleg']);
    expect(listSummary(signals)).toBe('8 casussen op de lijst: 2 over de norm, 2 bijna 3 maanden, 2 langer dan 4 weken, 2 plan of aanbod.');
    expect(listSummary([])).toBe('Geen casussen op de lijst: geen kind is 4 weken of langer thuis.');
  });

  it('records the overleg and the cases discussed in it as valid events', () => {
    let n = 0;
    const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
    const events = meetingEvents({ forum: 'leerplicht_swv', on: '2025-03-03', scope: { gemeente: 'GM0344' }, caseIds: [signals[0].caseId, signals[2].caseId] }, newId);
    expect(events.map((e) => [e.type, e.stream])).toEqual([
      ['MeetingHeld', 'meeting-00000000-0000-4000-8000-000000000001'],
      ['CaseDiscussed', `case-${signals[0].caseId}`],
      ['CaseDiscussed', `case-${signals[2].caseId}`],
    ]);
    expect(events[0].data).toEqual({ forum: 'leerplicht_swv', gemeente: 'GM0344', casesDiscussed: 2, effectiveOn: '2025-03-03' });
    expect(events[1].data).toEqual({ forum: 'leerplicht_swv', meetingId: '00000000-0000-4000-8000-000000000001', effectiveOn: '2025-03-03' });
    for (const e of events) expect(parseEvent(e).ok).toBe(true);
  });
});
