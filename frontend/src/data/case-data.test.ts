import { describe, expect, it } from 'vitest';
import { decide, parseEvent, type CaseEvent as StoreEvent } from '@pact/events';
import type { CaseState, CaseView } from '../api/client.ts';
import { caseForms, errorsByField, eventSummary, formEvent, missingFields, newCaseForm, shortCaseId, stateRows, timelineItems, visibleFields, type FormSpec } from './case-data.ts';
import demoCase from './fixtures/case.json' with { type: 'json' };

// A case of the demo region as GET /api/cases/:id answers it on 2025-07-31: thuis, a plan, on the diagnostiek list.
const view = demoCase as unknown as CaseView; // JSON infers a union per event; the API type is what it is
const state = view.state as CaseState;
const TODAY = '2025-07-31';
const ids = { eventId: '8d7e0c55-0a43-4f43-9d43-0b5f0c7a11aa', caseId: view.caseId };
const form = (forms: FormSpec[], type: string) => forms.find((f) => f.type === type)!;
const history = view.events.map((e) => ({ eventId: e.eventId, type: e.type, stream: `case-${view.caseId}`, data: e.data, schemaVersion: 1 }) as StoreEvent);

describe('registration forms', () => {
  it('offers only what the write rules allow on the case as it stands', () => {
    const forms = caseForms(state, view.events, TODAY);
    expect(forms.map((f) => f.type)).toEqual([
      // v2: a plan can be reviewed (PlanReviewed) besides being ended; no OfferEnded, since no offer runs
      'PhaseChanged', 'PlanAgreed', 'PlanReviewed', 'PlanEnded', 'OfferStarted', 'WaitlistEntered', 'WaitlistLeft', 'EnrolmentChanged', 'ExemptionGranted',
      'ReducedTimetableGranted', 'Escalated', 'CaseDiscussed', 'EnforcementRecorded', 'CaseClosed', 'EventRetracted',
    ]);
    // it is on the diagnostiek list only: leaving offers that one, entering every other
    const left = form(forms, 'WaitlistLeft').fields[0];
    expect(left.kind === 'choice' && left.options.map((o) => o.value)).toEqual(['diagnostiek']);
    const entered = form(forms, 'WaitlistEntered').fields[0];
    expect(entered.kind === 'choice' && entered.options.map((o) => o.value)).toEqual(['so_vso', 'jeugdhulp', 'ggz', 'tlv']);
    const date = form(forms, 'PlanAgreed').fields.find((f) => f.name === 'effectiveOn')!;
    expect(date).toMatchObject({ kind: 'date', min: '2024-12-23', max: TODAY });
    // v2: a review is dated from the plan's start on, and asks for the next review date
    const review = form(forms, 'PlanReviewed');
    expect(review.fields.map((f) => [f.name, f.kind === 'date' ? f.min : null])).toEqual([
      ['effectiveOn', '2025-05-27'],
      ['nextReviewOn', '2024-12-23'],
    ]);
    const reviewed = formEvent(review, { effectiveOn: '2025-07-30', nextReviewOn: '2025-10-30' }, ids);
    expect(decide(history, reviewed, TODAY)).toEqual({ ok: true, event: reviewed });

    const closed: CaseState = { ...(state as Extract<CaseState, { status: 'open' }>), status: 'closed', closedOn: '2025-07-20', outcome: 'terug_naar_school' };
    expect(caseForms(closed, view.events, TODAY).map((f) => f.type)).toEqual(['EventRetracted']);
  });

  it('turns a form into an event the schema and the write rules accept', () => {
    const plan = form(caseForms(state, view.events, TODAY), 'PlanEnded');
    const event = formEvent(plan, { outcome: 'uitgevoerd', effectiveOn: '2025-07-30' }, ids);
    expect(event).toEqual({ eventId: ids.eventId, type: 'PlanEnded', stream: `case-${view.caseId}`, data: { outcome: 'uitgevoerd', effectiveOn: '2025-07-30' }, schemaVersion: 1 });
    const parsed = parseEvent(event);
    expect(parsed.ok).toBe(true);
    expect(decide(history, event, TODAY)).toEqual({ ok: true, event });
  });

  it('asks whether absence is authorised only when the child is not fully at school', () => {
    const phase = form(caseForms(state, view.events, TODAY), 'PhaseChanged');
    expect(visibleFields(phase, { phase: 'op_school' }).map((f) => f.name)).toEqual(['phase', 'effectiveOn']);
    expect(visibleFields(phase, { phase: 'thuis' }).map((f) => f.name)).toEqual(['phase', 'authorised', 'reason', 'effectiveOn']);
    const back = formEvent(phase, { phase: 'op_school', authorised: 'false', reason: 'ziekte', effectiveOn: TODAY }, ids);
    expect(back.data).toEqual({ phase: 'op_school', effectiveOn: TODAY });
    const home = formEvent(phase, { phase: 'thuis', authorised: 'true', reason: '', effectiveOn: TODAY }, ids);
    expect(home.data).toEqual({ phase: 'thuis', authorised: true, effectiveOn: TODAY });
    expect(missingFields(phase, { phase: 'thuis', effectiveOn: TODAY })).toEqual({ authorised: ['Vul “Is het verzuim geoorloofd?” in.'] });
  });

  it('opens a case in the user’s own gemeente, with the fields CaseOpened needs', () => {
    const opening = newCaseForm({ gemeenten: ['GM0344'], swvs: [] }, TODAY);
    const gemeente = opening.fields.find((f) => f.name === 'gemeente')!;
    expect(gemeente.kind === 'choice' && gemeente.options).toEqual([{ value: 'GM0344', label: 'GM0344' }]);
    expect(opening.fields.find((f) => f.name === 'swv')).toMatchObject({ kind: 'text', pattern: '(PO|VO)[0-9]{4}' });
    // v2: 4 to 23 years before the opening year (2025): 2002 … 2021 (v1: 1995 … today's year − 3)
    expect(opening.fields.find((f) => f.name === 'birthYear')).toMatchObject({ min: 2002, max: 2021 });
    const event = formEvent(
      opening,
      { childRef: 'k3m4x2p7q5w6e5r4t6y2abcdefghijkl', gemeente: 'GM0344', swv: 'PO2601', sector: 'po', birthYear: '2014', signalledBy: 'school', enrolled: 'true', phase: 'thuis', authorised: 'false', effectiveOn: '2025-04-01' },
      ids,
    );
    expect(event.data).toEqual({ childRef: 'k3m4x2p7q5w6e5r4t6y2abcdefghijkl', gemeente: 'GM0344', swv: 'PO2601', sector: 'po', birthYear: 2014, signalledBy: 'school', enrolled: true, phase: 'thuis', authorised: false, effectiveOn: '2025-04-01' });
    expect(parseEvent(event).ok).toBe(true);
    expect(decide([], event, TODAY).ok).toBe(true);
  });

  it('puts the server’s errors beside their fields', () => {
    const opening = newCaseForm({ gemeenten: ['GM0344'], swvs: [] }, TODAY);
    expect(
      errorsByField(opening, [
        { line: 1, field: 'data.childRef', code: 'PRIVACY_BSN', message: 'Privacy: deze waarde lijkt op een BSN' },
        { line: 1, field: 'data.birthYear', code: 'BIRTH_YEAR_OUT_OF_RANGE', message: 'Geboortejaar moet tussen 1995 en 2022 liggen' },
        { line: 1, field: 'stream', code: 'CASE_ALREADY_OPENED', message: 'Deze casus is al geopend' },
      ]),
    ).toEqual({ childRef: ['Privacy: deze waarde lijkt op een BSN'], birthYear: ['Geboortejaar moet tussen 1995 en 2022 liggen'], '': ['Deze casus is al geopend'] });
    // field codes and ISO dates in the server's words become the form's labels and Dutch dates
    const plan = form(caseForms(state, view.events, TODAY), 'PlanAgreed');
    expect(
      errorsByField(plan, [
        { line: 1, field: 'data.reviewOn', code: 'INVALID_FIELD', message: 'Ongeldige evaluatiedatum: reviewOn ligt voor effectiveOn' },
        { line: 1, field: 'data.effectiveOn', code: 'EFFECTIVE_IN_FUTURE', message: 'effectiveOn 2025-08-02 ligt na vandaag (2025-07-31); registreer wat al gebeurd is' },
      ]),
    ).toEqual({
      reviewOn: ['Ongeldige evaluatiedatum: “Evaluatiedatum” ligt voor “Datum waarop het gebeurde”'],
      effectiveOn: ['“Datum waarop het gebeurde” 2 augustus 2025 ligt na vandaag (31 juli 2025); registreer wat al gebeurd is'],
    });
  });

  it('tells the case’s story in Dutch, in the order it happened', () => {
    const items = timelineItems(view);
    expect(items[0].summary).toBe('Casus geopend: Primair onderwijs (po), geboren in 2012, gesignaleerd door leerplicht; ingeschreven; Gaat minder naar school (fase 2), ongeoorloofd, reden: conflict met school');
    expect(items.map((i) => i.on)).toEqual([...items.map((i) => i.on)].sort());
    expect(items.at(-1)!.summary).toBe('Plan afgesproken: onderwijs en zorg, verantwoordelijk: samenwerkingsverband, evaluatie 27 augustus 2025');
    expect(eventSummary({ type: 'WaitlistLeft', data: { waitingFor: 'jeugdhulp', effectiveOn: '2025-02-28' } })).toBe('Van wachtlijst af: Jeugdhulp');
    expect(eventSummary({ type: 'PlanReviewed', data: { nextReviewOn: '2025-10-30', effectiveOn: '2025-07-30' } })).toBe('Plan geëvalueerd: loopt door, nieuwe evaluatie 30 oktober 2025');
    expect(eventSummary({ type: 'OfferEnded', data: { outcome: 'afgebroken', effectiveOn: '2025-07-30' } })).toBe('Aanbod beëindigd: afgebroken: het kind is weer zonder aanbod');
    expect(stateRows(state)).toContainEqual(['Wachtlijsten', 'Diagnostiek (sinds 10 maart 2025)']);
    expect(stateRows(state)).toContainEqual(['Fase', 'Gaat helemaal niet naar school (fase 3), ongeoorloofd (schooltrauma)']);
    expect(shortCaseId(view.caseId)).toBe('02b23d95');
  });
});
