// The registration forms of a case as data: which events the write rules (events.md, events/src/decide.ts) allow
// on the case as it stands, the fields of each with only the values its schema accepts, the event a filled-in
// form becomes, and the server's errors mapped back onto the fields. The server stays the judge: a form offers
// what is allowed on the case as it is today; a late `effectiveOn` is checked there and answered per field.
import { CHILD_REF } from '@pact/events/child-ref';
import { birthYearRange } from '@pact/events/dates';
import type { CaseEvent, CaseState, CaseView, FieldError } from '../api/client.ts';
import { formatDate, formatDecimal } from '../format.ts';
import {
  ACCOUNTABLE_LABELS,
  ARTICLE_LABELS,
  CASE_FORUM_LABELS,
  CLOSE_OUTCOME_LABELS,
  ENFORCEMENT_LABELS,
  ESCALATION_LABELS,
  EVENT_LABELS,
  labelOf,
  OFFER_LABELS,
  OFFER_OUTCOME_LABELS,
  PHASE_LABELS,
  PLAN_KIND_LABELS,
  PLAN_OUTCOME_LABELS,
  REASON_LABELS,
  RETRACTION_LABELS,
  SECTOR_LABELS,
  SIGNALLED_BY_LABELS,
  WAITING_FOR_LABELS,
} from '../labels.ts';

export type EventType = CaseEvent['type'];
export type Values = Record<string, string>;

export interface Option {
  value: string;
  label: string;
}

interface BaseField {
  name: string;
  label: string;
  description?: string;
  optional?: boolean;
  /** Shown (and sent) only when this holds for the values so far. */
  when?: (values: Values) => boolean;
}

export type FieldSpec =
  | (BaseField & { kind: 'choice'; options: Option[]; as?: 'radio' | 'select'; boolean?: boolean })
  | (BaseField & { kind: 'date'; min?: string; max?: string })
  | (BaseField & { kind: 'number'; min: number; max: number; step: number })
  | (BaseField & { kind: 'text'; pattern?: string });

export interface FormSpec {
  type: EventType;
  title: string;
  fields: FieldSpec[];
}

const options = (labels: Readonly<Record<string, string>>, only?: readonly string[]): Option[] =>
  Object.entries(labels)
    .filter(([value]) => !only || only.includes(value))
    .map(([value, label]) => ({ value, label }));

const YES_NO: Option[] = [
  { value: 'true', label: 'Ja' },
  { value: 'false', label: 'Nee' },
];
const notAtSchool = (v: Values) => v.phase !== undefined && v.phase !== '' && v.phase !== 'op_school';

const effectiveOn = (min: string | undefined, today: string, label = 'Datum waarop het gebeurde'): FieldSpec => ({
  kind: 'date',
  name: 'effectiveOn',
  label,
  description: min ? `Van ${formatDate(min)} tot en met vandaag.` : 'Niet later dan vandaag.',
  min,
  max: today,
});

const phaseFields: FieldSpec[] = [
  { kind: 'choice', as: 'radio', name: 'phase', label: 'Fase', options: options(PHASE_LABELS) },
  { kind: 'choice', as: 'radio', boolean: true, name: 'authorised', label: 'Is het verzuim geoorloofd?', description: 'Bijvoorbeeld ziekte met een verklaring, of een afspraak met school en leerplicht.', options: YES_NO, when: notAtSchool },
  { kind: 'choice', name: 'reason', label: 'Reden', optional: true, options: options(REASON_LABELS), when: notAtSchool },
];

/** The form of each event type on an opened case, its choices narrowed to the case (opening: `newCaseForm`). */
function formOf(type: Exclude<EventType, 'CaseOpened'>, state: CaseState, events: CaseView['events'], today: string): FormSpec {
  const open = state.status === 'unopened' ? null : state;
  const since = open?.openedOn;
  const title = EVENT_LABELS[type];
  const on = effectiveOn(since, today);
  switch (type) {
    case 'PhaseChanged':
      return { type, title, fields: [...phaseFields, on] };
    case 'EnrolmentChanged':
      return { type, title, fields: [{ kind: 'choice', as: 'radio', boolean: true, name: 'enrolled', label: 'Staat het kind ingeschreven op een school?', options: YES_NO }, on] };
    case 'ExemptionGranted':
      return {
        type,
        title,
        fields: [
          { kind: 'choice', as: 'radio', name: 'article', label: 'Vrijstelling (Leerplichtwet)', options: options(ARTICLE_LABELS) },
          on,
          { kind: 'date', name: 'until', label: 'Geldig tot en met', optional: true, description: 'Leeg: tot de vrijstelling wordt beëindigd.', min: since },
        ],
      };
    case 'ReducedTimetableGranted':
      return { type, title, fields: [{ kind: 'number', name: 'hoursPerWeek', label: 'Uren onderwijs per week', description: 'Van 0 tot 40.', min: 0, max: 40, step: 0.5 }, on] };
    case 'PlanAgreed':
      return {
        type,
        title,
        fields: [
          { kind: 'choice', name: 'accountableRole', label: 'Eén verantwoordelijke', description: 'Wie is verantwoordelijk voor het plan?', options: options(ACCOUNTABLE_LABELS) },
          { kind: 'choice', name: 'planKind', label: 'Soort plan', options: options(PLAN_KIND_LABELS) },
          on,
          { kind: 'date', name: 'reviewOn', label: 'Evaluatiedatum', description: 'Uiterlijk wanneer het plan wordt geëvalueerd; niet voor de startdatum.', min: since },
        ],
      };
    case 'PlanEnded':
      return { type, title, fields: [{ kind: 'choice', as: 'radio', name: 'outcome', label: 'Hoe is het plan afgelopen?', options: options(PLAN_OUTCOME_LABELS) }, on] };
    case 'PlanReviewed':
      return {
        type,
        title,
        fields: [
          effectiveOn(open?.plan?.since ?? since, today, 'Datum van de evaluatie'),
          { kind: 'date', name: 'nextReviewOn', label: 'Nieuwe evaluatiedatum', description: 'Het plan loopt door; uiterlijk wanneer het weer wordt geëvalueerd. Niet voor de datum van de evaluatie.', min: since },
        ],
      };
    case 'OfferStarted':
      return { type, title, fields: [{ kind: 'choice', name: 'offerKind', label: 'Soort aanbod', options: options(OFFER_LABELS) }, on] };
    case 'OfferEnded':
      return { type, title, fields: [{ kind: 'choice', as: 'radio', name: 'outcome', label: 'Hoe is het aanbod gestopt?', options: options(OFFER_OUTCOME_LABELS) }, effectiveOn(open?.offer?.since ?? since, today)] };
    case 'WaitlistEntered': {
      const free = Object.keys(WAITING_FOR_LABELS).filter((w) => !open?.waitlists[w as keyof typeof open.waitlists]);
      return { type, title, fields: [{ kind: 'choice', name: 'waitingFor', label: 'Wachtlijst voor', options: options(WAITING_FOR_LABELS, free) }, on] };
    }
    case 'WaitlistLeft':
      return { type, title, fields: [{ kind: 'choice', name: 'waitingFor', label: 'Van welke wachtlijst af?', options: options(WAITING_FOR_LABELS, Object.keys(open?.waitlists ?? {})) }, on] };
    case 'Escalated':
      return { type, title, fields: [{ kind: 'choice', as: 'radio', name: 'level', label: 'Opgeschaald naar', options: options(ESCALATION_LABELS) }, on] };
    case 'CaseDiscussed':
      return { type, title, fields: [{ kind: 'choice', as: 'radio', name: 'forum', label: 'Besproken in', options: options(CASE_FORUM_LABELS) }, effectiveOn(since, today, 'Datum van het overleg')] };
    case 'EnforcementRecorded':
      return { type, title, fields: [{ kind: 'choice', name: 'measure', label: 'Maatregel', options: options(ENFORCEMENT_LABELS) }, on] };
    case 'CaseClosed':
      return { type, title, fields: [{ kind: 'choice', as: 'radio', name: 'outcome', label: 'Uitkomst', options: options(CLOSE_OUTCOME_LABELS) }, on] };
    case 'EventRetracted':
      return {
        type,
        title,
        fields: [
          { kind: 'choice', name: 'retractedEventId', label: 'Welke registratie was fout?', options: retractable(events).map((e) => ({ value: e.eventId, label: `${formatDate(String(e.data.effectiveOn))}: ${eventSummary(e)}` })) },
          { kind: 'choice', as: 'radio', name: 'reason', label: 'Waarom intrekken?', options: options(RETRACTION_LABELS) },
          effectiveOn(since, today, 'Datum van vandaag of van de ontdekking'),
        ],
      };
    case 'ExemptionEnded':
    case 'ReducedTimetableEnded':
      return { type, title, fields: [on] };
  }
}

/** Events that may still be retracted: not retracted, and not retractions themselves. */
const retractable = (events: CaseView['events']) => events.filter((e) => !e.retracted && e.type !== 'EventRetracted');

/** The forms the write rules allow on the case as it stands today, in the order a registrator needs them. */
export function caseForms(state: CaseState, events: CaseView['events'], today: string): FormSpec[] {
  const types: Exclude<EventType, 'CaseOpened'>[] = [];
  if (state.status === 'open') {
    types.push('PhaseChanged', 'PlanAgreed');
    if (state.plan) types.push('PlanReviewed', 'PlanEnded');
    types.push('OfferStarted');
    if (state.offer) types.push('OfferEnded');
    if (Object.keys(WAITING_FOR_LABELS).some((w) => !state.waitlists[w as keyof typeof state.waitlists])) types.push('WaitlistEntered');
    if (Object.keys(state.waitlists).length > 0) types.push('WaitlistLeft');
    types.push('EnrolmentChanged', 'ExemptionGranted');
    if (state.exemption) types.push('ExemptionEnded');
    types.push('ReducedTimetableGranted');
    if (state.reducedTimetable) types.push('ReducedTimetableEnded');
    types.push('Escalated', 'CaseDiscussed', 'EnforcementRecorded', 'CaseClosed');
  }
  if (retractable(events).length > 0) types.push('EventRetracted');
  return types.map((t) => formOf(t, state, events, today));
}

export interface UserScope {
  gemeenten: string[];
  swvs: string[];
}

/** Opening a case: the child's pseudonym, where the case belongs (the user's own codes), the first facts. */
export function newCaseForm(scope: UserScope, today: string): FormSpec {
  const code = (name: string, label: string, codes: string[], example: string): FieldSpec =>
    codes.length > 0 ? { kind: 'choice', name, label, options: codes.map((c) => ({ value: c, label: c })) } : { kind: 'text', name, label, description: `Code, bijvoorbeeld ${example}.`, pattern: name === 'gemeente' ? 'GM[0-9]{4}' : '(PO|VO)[0-9]{4}' };
  const { min: minYear, max: maxYear } = birthYearRange(today);
  return {
    type: 'CaseOpened',
    title: EVENT_LABELS.CaseOpened,
    fields: [
      {
        kind: 'text',
        name: 'childRef',
        label: 'Pseudoniem van het kind',
        description: 'Zoals het uit de leerplichtadministratie komt (npm run pact -- pseudonymise --key-file sleutel.txt, uit het BSN of onderwijsnummer): precies 32 tekens, kleine letters a-z en cijfers 2-7. Nooit een naam, BSN of geboortedatum.',
        pattern: CHILD_REF.source.slice(1, -1),
      },
      code('gemeente', 'Gemeente', scope.gemeenten, 'GM0344'),
      code('swv', 'Samenwerkingsverband', scope.swvs, 'PO2601'),
      { kind: 'choice', name: 'sector', label: 'Onderwijssector', options: options(SECTOR_LABELS) },
      { kind: 'number', name: 'birthYear', label: 'Geboortejaar', description: `Alleen het jaar: 4 tot 23 jaar voor het jaar van de opening (voor een casus van dit jaar ${minYear} tot en met ${maxYear}).`, min: minYear, max: maxYear, step: 1 },
      { kind: 'choice', name: 'signalledBy', label: 'Gesignaleerd door', options: options(SIGNALLED_BY_LABELS) },
      { kind: 'choice', as: 'radio', boolean: true, name: 'enrolled', label: 'Staat het kind ingeschreven op een school?', options: YES_NO },
      ...phaseFields,
      effectiveOn(undefined, today, 'Datum waarop de casus begint'),
    ],
  };
}

/** The fields shown for the values so far. */
export const visibleFields = (form: FormSpec, values: Values) => form.fields.filter((f) => !f.when || f.when(values));

/** The event a filled-in form becomes: only the visible, filled fields, typed as the schema wants them. */
export function formEvent(form: FormSpec, values: Values, ids: { eventId: string; caseId: string }): CaseEvent {
  const data: Record<string, unknown> = {};
  for (const field of visibleFields(form, values)) {
    const raw = (values[field.name] ?? '').trim();
    if (raw === '') continue;
    data[field.name] = field.kind === 'number' ? Number(raw.replace(',', '.')) : field.kind === 'choice' && field.boolean ? raw === 'true' : raw;
  }
  return { eventId: ids.eventId, type: form.type, stream: `case-${ids.caseId}`, data, schemaVersion: 1 } as CaseEvent;
}

/** Fields left empty that the form needs, as errors in the server's words, before anything is sent. */
export function missingFields(form: FormSpec, values: Values): Record<string, string[]> {
  const missing = visibleFields(form, values).filter((f) => !f.optional && !(values[f.name] ?? '').trim());
  return Object.fromEntries(missing.map((f) => [f.name, [`Vul “${f.label}” in.`]]));
}

/**
 * The server's errors per field ("data.phase" → "phase"); what belongs to no field of the form goes under "".
 * The messages name fields by their code (reviewOn) and dates as 2025-07-31: both are put in the form's words.
 */
export function errorsByField(form: FormSpec, details: FieldError[]): Record<string, string[]> {
  const labels = new Map(form.fields.map((f) => [f.name, f.label]));
  const words = (message: string) =>
    message.replace(/\b[a-z]+[A-Z][A-Za-z]*\b/g, (code) => (labels.has(code) ? `“${labels.get(code)}”` : code)).replace(/\b\d{4}-\d{2}-\d{2}\b/g, (day) => formatDate(day));
  const out: Record<string, string[]> = {};
  for (const d of details) {
    const name = d.field.replace(/^data\./, '');
    (out[labels.has(name) ? name : ''] ??= []).push(words(d.message));
  }
  return out;
}

/** One event in words, for the timeline (codes as Dutch labels). */
export function eventSummary(event: { type: string; data: Record<string, unknown> }): string {
  const d = event.data as Record<string, string | number | boolean | undefined>;
  const label = (labels: Readonly<Record<string, string>>, key: string) => labelOf(labels, d[key] === undefined ? null : String(d[key]));
  const type = event.type as EventType | 'MeetingHeld';
  const head = labelOf(EVENT_LABELS, type);
  const phase = () => [label(PHASE_LABELS, 'phase'), d.phase !== 'op_school' ? (d.authorised ? 'geoorloofd' : 'ongeoorloofd') : null, d.reason ? `reden: ${label(REASON_LABELS, 'reason').toLowerCase()}` : null].filter(Boolean).join(', ');
  switch (type) {
    case 'CaseOpened':
      return `${head}: ${label(SECTOR_LABELS, 'sector')}, geboren in ${d.birthYear}, gesignaleerd door ${label(SIGNALLED_BY_LABELS, 'signalledBy').toLowerCase()}; ${d.enrolled ? 'ingeschreven' : 'niet ingeschreven'}; ${phase()}`;
    case 'PhaseChanged':
      return `${head}: ${phase()}`;
    case 'EnrolmentChanged':
      return d.enrolled ? 'Ingeschreven op een school' : 'Uitgeschreven (niet meer ingeschreven)';
    case 'ExemptionGranted':
      return `${head}: ${label(ARTICLE_LABELS, 'article')}${d.until ? `, tot en met ${formatDate(String(d.until))}` : ''}`;
    case 'ReducedTimetableGranted':
      return `${head}: ${formatDecimal(Number(d.hoursPerWeek))} uur per week`;
    case 'PlanAgreed':
      return `${head}: ${label(PLAN_KIND_LABELS, 'planKind').toLowerCase()}, verantwoordelijk: ${label(ACCOUNTABLE_LABELS, 'accountableRole').toLowerCase()}, evaluatie ${formatDate(String(d.reviewOn))}`;
    case 'PlanEnded':
      return `${head}: ${label(PLAN_OUTCOME_LABELS, 'outcome').toLowerCase()}`;
    case 'PlanReviewed':
      return `${head}: loopt door, nieuwe evaluatie ${formatDate(String(d.nextReviewOn))}`;
    case 'OfferStarted':
      return `${head}: ${label(OFFER_LABELS, 'offerKind').toLowerCase()}`;
    case 'OfferEnded':
      return `${head}: ${label(OFFER_OUTCOME_LABELS, 'outcome').toLowerCase()}`;
    case 'WaitlistEntered':
    case 'WaitlistLeft':
      return `${head}: ${label(WAITING_FOR_LABELS, 'waitingFor')}`;
    case 'Escalated':
      return `${head}: ${label(ESCALATION_LABELS, 'level').toLowerCase()}`;
    case 'CaseDiscussed':
      return `${head} in ${label(CASE_FORUM_LABELS, 'forum')}`;
    case 'EnforcementRecorded':
      return `${head}: ${label(ENFORCEMENT_LABELS, 'measure').toLowerCase()}`;
    case 'CaseClosed':
      return `${head}: ${label(CLOSE_OUTCOME_LABELS, 'outcome').toLowerCase()}`;
    case 'EventRetracted':
      return `${head} (${label(RETRACTION_LABELS, 'reason').toLowerCase()})`;
    default:
      return head;
  }
}

export interface TimelineItem {
  eventId: string;
  on: string;
  summary: string;
  recordedAt: string;
  retracted: boolean;
}

/** The case's events in the order they happened (effectiveOn, then as registered). */
export function timelineItems(view: CaseView): TimelineItem[] {
  return [...view.events]
    .sort((a, b) => String(a.data.effectiveOn).localeCompare(String(b.data.effectiveOn)) || a.revision - b.revision)
    .map((e) => ({ eventId: e.eventId, on: String(e.data.effectiveOn), summary: eventSummary(e), recordedAt: e.recordedAt, retracted: e.retracted }));
}

/** The case's state on the day of the view, as label/value pairs. */
export function stateRows(state: CaseState): [string, string][] {
  if (state.status === 'unopened') return [['Status', 'Ingetrokken: de registratie van de opening is ingetrokken']];
  const waitlists = Object.entries(state.waitlists).map(([w, since]) => `${labelOf(WAITING_FOR_LABELS, w)} (sinds ${formatDate(since)})`);
  return [
    ['Status', state.status === 'closed' ? `Gesloten op ${formatDate(state.closedOn)}: ${labelOf(CLOSE_OUTCOME_LABELS, state.outcome).toLowerCase()}` : `Open sinds ${formatDate(state.openedOn)}`],
    ['Gemeente en samenwerkingsverband', `${state.gemeente}, ${state.swv}`],
    ['Sector en geboortejaar', `${labelOf(SECTOR_LABELS, state.sector)}, ${state.birthYear}`],
    ['Ingeschreven', state.enrolled ? 'Ja' : 'Nee'],
    ['Fase', `${labelOf(PHASE_LABELS, state.phase)}${state.phase !== 'op_school' ? (state.authorised ? ', geoorloofd' : ', ongeoorloofd') : ''}${state.reason ? ` (${labelOf(REASON_LABELS, state.reason).toLowerCase()})` : ''}`],
    ['Vrijstelling', state.exemption ? `${labelOf(ARTICLE_LABELS, state.exemption.article)}, sinds ${formatDate(state.exemption.since)}` : 'Geen'],
    ['Ontheffing onderwijstijd', state.reducedTimetable ? `${formatDecimal(state.reducedTimetable.hoursPerWeek)} uur per week, sinds ${formatDate(state.reducedTimetable.since)}` : 'Geen'],
    ['Plan', state.plan ? `${labelOf(PLAN_KIND_LABELS, state.plan.planKind)}, verantwoordelijk: ${labelOf(ACCOUNTABLE_LABELS, state.plan.accountableRole).toLowerCase()}, sinds ${formatDate(state.plan.since)}, evaluatie ${formatDate(state.plan.reviewOn)}` : 'Geen plan'],
    ['Aanbod', state.offer ? `${labelOf(OFFER_LABELS, state.offer.offerKind)}, sinds ${formatDate(state.offer.since)}` : 'Geen'],
    ['Wachtlijsten', waitlists.length ? waitlists.join('; ') : 'Geen'],
  ];
}

/** A case id as people read it aloud in an overleg: its first eight characters. */
export const shortCaseId = (caseId: string) => caseId.slice(0, 8);
