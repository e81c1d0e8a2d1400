// Dutch words for the codes of the event vocabulary (events.md). Each list is checked against the backend's
// event types, so a value the API would refuse cannot be offered and a new value cannot be forgotten.
import type { CaseEvent, EventData } from '@pact/backend';

type Data<T extends CaseEvent['type'] | 'MeetingHeld'> = EventData<T>;
type Labels<K extends string> = { readonly [key in K]: string };

// the codes a breakdown's cells are named by: one home, in the projections' labels
export { REASON_LABELS, SECTOR_LABELS, WAITING_FOR_LABELS } from '@pact/projections/labels';

export const PHASE_LABELS: Labels<Data<'PhaseChanged'>['phase']> = {
  op_school: 'Gaat volledig naar school (fase 1)',
  minder_naar_school: 'Gaat minder naar school (fase 2)',
  thuis: 'Gaat helemaal niet naar school (fase 3)',
};
export const PHASE_SHORT: Labels<Data<'PhaseChanged'>['phase']> = { op_school: 'op school', minder_naar_school: 'minder naar school', thuis: 'thuis' };

export const SIGNALLED_BY_LABELS: Labels<Data<'CaseOpened'>['signalledBy']> = {
  school: 'School',
  leerplicht: 'Leerplicht',
  swv: 'Samenwerkingsverband',
  ouders: 'Ouders',
  jeugdhulp: 'Jeugdhulp',
  jgz: 'Jeugdgezondheidszorg (JGZ)',
  overig: 'Overig',
};
export const ARTICLE_LABELS: Labels<Data<'ExemptionGranted'>['article']> = {
  '5a': '5 onder a: lichamelijk of psychisch niet in staat',
  '5b': '5 onder b: bezwaar tegen de richting van de scholen',
  '5c': '5 onder c: school in het buitenland',
  '15': 'Artikel 15: overig',
};
export const ACCOUNTABLE_LABELS: Labels<Data<'PlanAgreed'>['accountableRole']> = {
  school: 'School',
  swv: 'Samenwerkingsverband',
  leerplicht: 'Leerplicht',
  jeugdhulp: 'Jeugdhulp',
  gemeente: 'Gemeente',
  jgz: 'JGZ',
};
export const PLAN_KIND_LABELS: Labels<Data<'PlanAgreed'>['planKind']> = {
  onderwijs: 'Onderwijs',
  zorg: 'Zorg',
  onderwijs_zorg: 'Onderwijs en zorg',
  maatwerk: 'Maatwerk',
};
export const PLAN_OUTCOME_LABELS: Labels<Data<'PlanEnded'>['outcome']> = {
  uitgevoerd: 'Uitgevoerd',
  mislukt: 'Mislukt',
  verlopen: 'Verlopen',
  vervangen: 'Vervangen door een nieuw plan',
};
export const OFFER_OUTCOME_LABELS: Labels<Data<'OfferEnded'>['outcome']> = {
  afgerond: 'Afgerond, of overgegaan in gewoon onderwijs',
  afgebroken: 'Afgebroken: het kind is weer zonder aanbod',
  niet_gestart: 'Nooit echt begonnen (telt niet als aanbod)',
};
export const OFFER_LABELS: Labels<Data<'OfferStarted'>['offerKind']> = {
  regulier: 'Regulier onderwijs',
  speciaal_onderwijs: 'Speciaal onderwijs',
  onderwijs_zorg: 'Onderwijs-zorgarrangement',
  maatwerk: 'Maatwerk',
  zorg: 'Zorg',
};
export const ESCALATION_LABELS: Labels<Data<'Escalated'>['level']> = { actietafel: 'Actietafel', bestuurlijk: 'Bestuurlijke interventie' };
export const CASE_FORUM_LABELS: Labels<Data<'CaseDiscussed'>['forum']> = {
  leerplicht_swv: 'Leerplicht/SWV-overleg',
  kernpartner: 'Kernpartneroverleg',
  actietafel: 'Actietafel',
};
export const MEETING_FORUM_LABELS: Labels<Data<'MeetingHeld'>['forum']> = {
  leerplicht_swv: 'Leerplicht/SWV-overleg (maandelijks)',
  kernpartner: 'Kernpartneroverleg (tweemaandelijks)',
  oogo: 'OOGO (jaarlijks)',
};
export const ENFORCEMENT_LABELS: Labels<Data<'EnforcementRecorded'>['measure']> = {
  waarschuwing: 'Waarschuwing',
  proces_verbaal: 'Proces-verbaal',
  veilig_thuis: 'Melding Veilig Thuis',
  raad_kinderbescherming: 'Raad voor de Kinderbescherming',
};
export const CLOSE_OUTCOME_LABELS: Labels<Data<'CaseClosed'>['outcome']> = {
  terug_naar_school: 'Terug naar school',
  passend_aanbod: 'Passend aanbod',
  verhuisd: 'Verhuisd',
  leeftijd: 'Leeftijd (niet meer leerplichtig)',
  startkwalificatie: 'Startkwalificatie behaald',
  overig: 'Overig',
};
export const RETRACTION_LABELS: Labels<Data<'EventRetracted'>['reason']> = {
  invoerfout: 'Invoerfout',
  dubbel: 'Dubbel geregistreerd',
  verkeerd_kind: 'Verkeerd kind',
};

export const EVENT_LABELS: Labels<CaseEvent['type'] | 'MeetingHeld'> = {
  CaseOpened: 'Casus geopend',
  PhaseChanged: 'Fase gewijzigd',
  EnrolmentChanged: 'Inschrijving gewijzigd',
  ExemptionGranted: 'Vrijstelling verleend',
  ExemptionEnded: 'Vrijstelling beëindigd',
  ReducedTimetableGranted: 'Ontheffing onderwijstijd',
  ReducedTimetableEnded: 'Ontheffing onderwijstijd beëindigd',
  PlanAgreed: 'Plan afgesproken',
  PlanEnded: 'Plan beëindigd',
  PlanReviewed: 'Plan geëvalueerd',
  OfferStarted: 'Aanbod gestart',
  OfferEnded: 'Aanbod beëindigd',
  WaitlistEntered: 'Op wachtlijst',
  WaitlistLeft: 'Van wachtlijst af',
  Escalated: 'Opgeschaald',
  CaseDiscussed: 'Besproken',
  EnforcementRecorded: 'Drang en dwang',
  CaseClosed: 'Casus gesloten',
  EventRetracted: 'Registratie ingetrokken',
  MeetingHeld: 'Overleg gehouden',
};

export const PROFILE_LABELS = {
  officieel: 'Officieel (Leerplichttelling)',
  breed: 'Breed (ook vrijstelling 5a en geoorloofd thuis)',
  leerrecht: 'Leerrecht (ieder kind zonder volledig onderwijs)',
} as const;
export const PROFILE_SHORT = { officieel: 'Officieel', breed: 'Breed', leerrecht: 'Leerrecht' } as const;

export const ROLE_LABELS = {
  registrator: 'Registrator',
  beleid: 'Beleidsmedewerker',
  bestuur: 'Bestuurder',
  raad: 'Raadslid',
  admin: 'Beheerder',
} as const;

/** A label for a code, or the code itself when unknown (never an empty cell). */
export const labelOf = (labels: Readonly<Record<string, string>>, code: string | null | undefined): string => (code ? (labels[code] ?? code) : '–');
