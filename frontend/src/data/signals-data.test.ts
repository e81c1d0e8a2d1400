import { describe, expect, it } from 'vitest';
import { parseEvent } from '@pact/events';
import type { RegionConfig, SignalList } from '../api/client.ts';
import config from './fixtures/config.json' with { type: 'json' };
import fixture from './fixtures/signals.json' with { type: 'json' };
import { listSummary, meetingEvents, signalRow, sortSignals } from './signals-data.ts';

// The demo region's signal list on 2025-03-03 (GM0344), cut to two cases of every level and group, most urgent first.
const { signals } = fixture as SignalList;
const region = config as RegionConfig;
const short = (list: typeof signals) => list.map((s) => s.caseId.slice(0, 8));

describe('the signal list', () => {
  it('sorts by urgency (the thuiszitters before the group at home geoorloofd), days out, norm date, plan review and last discussion', () => {
    expect(short(sortSignals(signals, 'urgentie', 'oplopend'))).toEqual(short(signals)); // the API's order
    expect(short(sortSignals(signals, 'dagen', 'aflopend')).slice(0, 3)).toEqual(['0aad641d', '443e3ed9', 'bfecef86']);
    expect(short(sortSignals(signals, 'norm', 'oplopend')).slice(0, 2)).toEqual(['0aad641d', '443e3ed9']);
    // cases without a plan have no review date: they come first when sorting up
    expect(short(sortSignals(signals, 'evaluatie', 'oplopend')).slice(0, 3)).toEqual(['bfecef86', '443e3ed9', '156b925e']);
    expect(short(sortSignals(signals, 'besproken', 'oplopend')).slice(0, 2)).toEqual(['3480acd4', '156b925e']);
  });

  it('writes each case in words, the levels naming the region’s norm', () => {
    expect(signalRow(signals[1], region)).toEqual({
      caseId: signals[1].caseId,
      group: 'profiel',
      level: 'overschreden',
      levelText: 'Over de norm: langer dan 3 maanden zonder passend aanbod',
      groupText: 'Thuiszitters',
      sector: 'PO',
      ageText: '12 tot en met 15 jaar',
      daysText: '469 dagen',
      sinceText: '21 nov 2023',
      normText: '21 feb 2024',
      planText: 'Geldig plan',
      reviewText: 'evaluatie 19 mrt 2025',
      reviewOverdue: false,
      offerText: '',
      waitlistText: '–',
      escalationText: '–',
      discussedText: '12 feb 2025',
      discussedThisMonth: false,
    });
    const expired = signalRow(signals[6], region);
    expect([expired.levelText, expired.planText, expired.reviewText, expired.reviewOverdue, expired.offerText]).toEqual([
      'Passend aanbod loopt',
      'Plan verlopen',
      'evaluatie was 5 mrt 2024',
      true,
      'Aanbod: zorg sinds 30 mei 2023',
    ]);
    expect(signalRow(signals[8], region)).toMatchObject({ groupText: 'Geoorloofd thuis (bijvoorbeeld ziek)', escalationText: 'Actietafel' });
    expect(signalRow(signals[2], { ...region, normMonths: 4 }).levelText).toBe('Bijna over de norm: 3 maanden tot 4 maanden zonder passend aanbod');
    expect(listSummary(signals)).toBe('16 casussen op de lijst: 2 over de norm, 2 bijna over de norm, 2 in beeld, 2 met passend aanbod; daarnaast 8 geoorloofd thuis (bijvoorbeeld ziek).');
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
