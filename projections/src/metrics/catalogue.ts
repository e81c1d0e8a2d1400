// The metric catalogue: every figure of metrics.md once, with its Dutch label, definition, unit and computation.
// The CLI, API, exports, PDF and dashboard all read figures through this module.
//
// Computations are SQL over the read models, in four families that figures.ts runs as one query each:
// - `children`: a count of distinct children, given as a condition on per-child flags (FLAGS below), each flag a
//   raised by some spell row of the child in scope that overlaps the period;
// - `occurrences`: a count of occurrence rows of the period (cases, events), or of distinct children among them;
// - `meetings`: an aggregate over the meetings of the period in scope;
// - `share`: numerator / denominator of two such counts (0..1, 4 decimals, null when the denominator is 0);
// and two that need a query of their own (`herhaald`, `besproken_aandeel`).
import { FOUR_WEEKS_DAYS, NORM_MONTHS, PROFILES, type Profile } from '../spells.ts';

export type Unit = 'kinderen' | 'casussen' | 'aandeel' | 'maanden' | 'overleggen';

/** A condition on the per-child flags; the profile picks which spells count. */
export type ChildCondition = (profile: Profile) => string;

export type Computation =
  | { children: ChildCondition }
  | { occurrences: 'rows' | 'children'; where: string }
  | { meetings: string }
  | { share: { numerator: Computation; denominator: Computation } }
  | { query: 'herhaald' | 'besproken' | 'months_expected' };

export interface MetricDefinition {
  id: string;
  label: string;
  type: 'stock' | 'period';
  unit: Unit;
  /** The definition in words (Dutch), as shown under "Definities". */
  definition: string;
  /** The rule in the terms of metrics.md, for those who want to reproduce the figure. */
  formula: string;
  compute: Computation;
}

// --- per-child flags -------------------------------------------------------------------------------------
// `:T` is the stock day, `:ps`/`:pe` the period's first and last day (up to today), `end` an ongoing spell's
// end read as infinity. "Lasted 4 weeks" shifts a spell's start by 28 days, "3 months" by addMonths(start, 3).
const END = `coalesce(end_on, 'infinity'::date)`;
const after = (shift: string) => (shift === '0' ? 'start_on' : shift === 'months' ? `(start_on + make_interval(months => ${NORM_MONTHS}))::date` : `(start_on + ${shift})`);
const on = (kind: string, day: string, shift = '0'): Flag => ({ kind, when: `${after(shift)} <= ${day} and ${END} >= ${day}` });
const during = (kind: string, shift = '0'): Flag => ({ kind, when: `greatest(${after(shift)}, :ps) <= least(${END}, :pe)` });
const W = String(FOUR_WEEKS_DAYS);

/** A per-child flag: some spell row of the child in scope is of `kind` and satisfies `when` (SQL over that row). */
export interface Flag {
  kind: string;
  when: string;
}

/** Flag name → the spell rows that raise it (among the child's rows that overlap the period). */
export const FLAGS: Record<string, Flag> = {
  av_t: on('av', ':T'),
  av_p: during('av'),
  av_3m_p: during('av', 'months'),
  lrv_t: on('lrv_base', ':T', W),
  lrv_s: on('lrv_base', ':ps', W),
  lrv_p: during('lrv_base', W),
  lrv_3m_p: during('lrv_base', 'months'),
  thuis_t: on('thuis_base', ':T'),
  thuis_p: during('thuis_base'),
  thuis_4w_t: on('thuis_base', ':T', W),
  thuis_4w_p: during('thuis_base', W),
  v5a_t: on('v5a', ':T'),
  v5a_p: during('v5a'),
  partial_t: on('partial', ':T'),
  partial_p: during('partial'),
  absent_t: on('absent', ':T'),
  absent_authorised_t: on('absent_authorised', ':T'),
  wachtlijst_t: on('wachtlijst', ':T'),
  ...Object.fromEntries(
    PROFILES.flatMap((p) => [
      [`norm_over_${p}_t`, on(`norm_over_${p}`, ':T')],
      [`norm_over_${p}_p`, during(`norm_over_${p}`)],
      [`norm_threat_${p}_t`, on(`norm_threat_${p}`, ':T')],
    ]),
  ),
};

/** The spell kinds the flags read. */
export const FLAG_KINDS = [...new Set(Object.values(FLAGS).map((f) => f.kind))];

/** Counted by a profile on the stock day (`t`) or on some day of the period (`p`) (metrics.md, "Profiles"). */
export function counted(profile: Profile, when: 't' | 'p'): string {
  const f = (name: string) => `${name}_${when}`;
  switch (profile) {
    case 'officieel':
      return `(${f('av')} or ${f('lrv')})`;
    case 'breed':
      return `(${f('av')} or ${f('v5a')} or ${f('thuis_4w')})`;
    case 'leerrecht':
      return `(${f('av')} or ${f('v5a')} or ${f('thuis')} or ${f('partial')})`;
  }
}

const verborgenOn = `(${counted('leerrecht', 't')} and not ${counted('officieel', 't')})`;

// --- the catalogue ---------------------------------------------------------------------------------------
export const CLOSE_OUTCOMES = ['terug_naar_school', 'passend_aanbod', 'verhuisd', 'leeftijd', 'startkwalificatie', 'overig'] as const;
const OUTCOME_LABELS: Record<(typeof CLOSE_OUTCOMES)[number], string> = {
  terug_naar_school: 'terug naar school',
  passend_aanbod: 'passend aanbod',
  verhuisd: 'verhuisd',
  leeftijd: 'leeftijd',
  startkwalificatie: 'startkwalificatie',
  overig: 'overig',
};
const ESCALATION_LEVELS = { actietafel: 'actietafel', bestuurlijk: 'bestuurlijke interventie' } as const;

const PROFILE_WORDS = 'Welke kinderen meetellen hangt af van het profiel: officieel (absoluut verzuim of langdurig relatief verzuim), breed (ook vrijstelling 5 onder a en wie 4 weken thuis zit, ook geoorloofd) of leerrecht (ook wie gedeeltelijk naar school gaat).';

export const METRICS: readonly MetricDefinition[] = [
  // stock figures (on one day: the period's last day, or today)
  {
    id: 'thuiszitters',
    label: 'Thuiszitters',
    type: 'stock',
    unit: 'kinderen',
    definition: `Kinderen die op de peildatum als thuiszitter meetellen. ${PROFILE_WORDS}`,
    formula: 'kinderen geteld door het profiel op dag t',
    compute: { children: (p) => counted(p, 't') },
  },
  {
    id: 'av',
    label: 'Absoluut verzuim',
    type: 'stock',
    unit: 'kinderen',
    definition: 'Kinderen die op de peildatum niet op een school staan ingeschreven en geen vrijstelling hebben.',
    formula: 'kinderen in AV op dag t (niet ingeschreven, geen vrijstelling)',
    compute: { children: () => 'av_t' },
  },
  {
    id: 'lrv',
    label: 'Langdurig relatief verzuim',
    type: 'stock',
    unit: 'kinderen',
    definition: 'Kinderen die op de peildatum ingeschreven zijn, geen vrijstelling hebben en al minstens 4 weken ongeoorloofd helemaal niet naar school gaan.',
    formula: 'kinderen in LRV op dag t: LRV-basis (ingeschreven, geen vrijstelling, fase thuis, ongeoorloofd) en die periode duurt 4 weken (t ≥ s + 28 dagen)',
    compute: { children: () => 'lrv_t' },
  },
  {
    id: 'vrijstelling_5a',
    label: 'Vrijstelling 5 onder a',
    type: 'stock',
    unit: 'kinderen',
    definition: 'Kinderen met een vrijstelling op grond van artikel 5 onder a van de Leerplichtwet (lichamelijk of psychisch niet in staat een school te bezoeken) op de peildatum.',
    formula: 'kinderen in V5A op dag t',
    compute: { children: () => 'v5a_t' },
  },
  {
    id: 'verborgen',
    label: 'Verborgen thuiszitters',
    type: 'stock',
    unit: 'kinderen',
    definition: 'Kinderen zonder volledig onderwijs die de officiële telling niet ziet: geteld door het profiel leerrecht, niet door het profiel officieel.',
    formula: 'kinderen geteld door leerrecht en niet door officieel op dag t',
    compute: { children: () => verborgenOn },
  },
  {
    id: 'verborgen_aandeel',
    label: 'Aandeel verborgen',
    type: 'stock',
    unit: 'aandeel',
    definition: 'Het deel van alle kinderen zonder volledig onderwijs (profiel leerrecht) dat de officiële telling niet ziet.',
    formula: 'verborgen / aantal kinderen geteld door leerrecht, op dag t',
    compute: { share: { numerator: { children: () => verborgenOn }, denominator: { children: () => counted('leerrecht', 't') } } },
  },
  {
    id: 'geoorloofd_aandeel',
    label: 'Aandeel geoorloofd',
    type: 'stock',
    unit: 'aandeel',
    definition: 'Van de ingeschreven kinderen zonder vrijstelling die niet volledig naar school gaan: het deel waarvoor het verzuim geoorloofd is (bijvoorbeeld ziek).',
    formula: 'onder kinderen ingeschreven, geen vrijstelling, fase ≠ op_school op dag t: aandeel met geoorloofd = ja',
    compute: { share: { numerator: { children: () => 'absent_authorised_t' }, denominator: { children: () => 'absent_t' } } },
  },
  {
    id: 'norm_overschreden',
    label: 'Langer dan 3 maanden zonder plan',
    type: 'stock',
    unit: 'kinderen',
    definition: `Kinderen die op de peildatum meetellen en al minstens 3 maanden thuiszitten (de normperiode van het profiel) zonder lopend plan en zonder aanbod dat in deze periode is gestart. Doel van het pact: 0. ${PROFILE_WORDS}`,
    formula: 'kinderen geteld door het profiel op dag t, normperiode ≥ 3 maanden (t ≥ addMonths(s, 3)), niet gedekt (geen actief plan, geen aanbod gestart binnen de huidige periode)',
    compute: { children: (p) => `norm_over_${p}_t` },
  },
  {
    id: 'norm_dreigend',
    label: '2 tot 3 maanden zonder plan',
    type: 'stock',
    unit: 'kinderen',
    definition: 'Kinderen die op de peildatum meetellen, 2 tot 3 maanden thuiszitten en nog geen plan of aanbod hebben: zij halen de norm van 3 maanden als er niets gebeurt.',
    formula: 'als norm_overschreden, met addMonths(s, 2) ≤ t < addMonths(s, 3)',
    compute: { children: (p) => `norm_threat_${p}_t` },
  },
  {
    id: 'wachtlijst',
    label: 'Op een wachtlijst',
    type: 'stock',
    unit: 'kinderen',
    definition: 'Kinderen zonder volledig onderwijs (profiel leerrecht) die op de peildatum op een wachtlijst staan (SO/VSO, jeugdhulp, GGZ, diagnostiek of TLV).',
    formula: 'kinderen geteld door leerrecht op dag t met een actieve wachtlijstinschrijving',
    compute: { children: () => 'wachtlijst_t' },
  },
  // period figures (over every day of the period up to today)
  {
    id: 'av_totaal',
    label: 'Absoluut verzuim (uniek in periode)',
    type: 'period',
    unit: 'kinderen',
    definition: 'Kinderen die op enig moment in de periode niet ingeschreven waren zonder vrijstelling; elk kind telt één keer.',
    formula: 'kinderen in AV op een dag van P',
    compute: { children: () => 'av_p' },
  },
  {
    id: 'av_3m',
    label: 'waarvan langer dan 3 maanden',
    type: 'period',
    unit: 'kinderen',
    definition: 'Kinderen van wie het absoluut verzuim op enig moment in de periode al 3 maanden duurde (de periode kan vóór de rapportageperiode zijn begonnen).',
    formula: 'kinderen met een AV-periode die op een dag van P 3 maanden duurt (dag ≥ addMonths(s, 3))',
    compute: { children: () => 'av_3m_p' },
  },
  {
    id: 'lrv_totaal',
    label: 'Langdurig relatief verzuim (uniek in periode)',
    type: 'period',
    unit: 'kinderen',
    definition: 'Kinderen die op enig moment in de periode langer dan 4 weken ongeoorloofd thuiszaten terwijl ze wel ingeschreven waren; elk kind telt één keer.',
    formula: 'kinderen in LRV op een dag van P',
    compute: { children: () => 'lrv_p' },
  },
  {
    id: 'lrv_3m',
    label: 'waarvan langer dan 3 maanden',
    type: 'period',
    unit: 'kinderen',
    definition: 'Kinderen van wie het ongeoorloofd thuiszitten (ingeschreven) op enig moment in de periode al 3 maanden duurde.',
    formula: 'kinderen met een LRV-basisperiode die op een dag van P 3 maanden duurt',
    compute: { children: () => 'lrv_3m_p' },
  },
  {
    id: 'lrv_begin',
    label: 'LRV bij aanvang',
    type: 'period',
    unit: 'kinderen',
    definition: 'Kinderen die op de eerste dag van de periode al in langdurig relatief verzuim waren.',
    formula: 'kinderen in LRV op de eerste dag van P',
    compute: { children: () => 'lrv_s' },
  },
  {
    id: 'lrv_nieuw',
    label: 'LRV nieuw in periode',
    type: 'period',
    unit: 'kinderen',
    definition: 'Kinderen in langdurig relatief verzuim in de periode die dat bij aanvang nog niet waren.',
    formula: 'lrv_totaal − lrv_begin',
    compute: { children: () => '(lrv_p and not lrv_s)' },
  },
  {
    id: 'thuiszitters_totaal',
    label: 'Thuiszitters (uniek in periode)',
    type: 'period',
    unit: 'kinderen',
    definition: `Kinderen die op enig moment in de periode als thuiszitter meetelden; elk kind telt één keer. ${PROFILE_WORDS}`,
    formula: 'kinderen geteld door het profiel op een dag van P',
    compute: { children: (p) => counted(p, 'p') },
  },
  {
    id: 'verborgen_totaal',
    label: 'Verborgen (uniek in periode)',
    type: 'period',
    unit: 'kinderen',
    definition: 'Kinderen die in de periode zonder volledig onderwijs waren (leerrecht) maar op geen enkele dag in de officiële telling zaten.',
    formula: 'kinderen geteld door leerrecht op een dag van P en door officieel op geen dag van P',
    compute: { children: () => `(${counted('leerrecht', 'p')} and not ${counted('officieel', 'p')})` },
  },
  {
    id: 'norm_overschreden_totaal',
    label: 'Ooit langer dan 3 maanden zonder plan',
    type: 'period',
    unit: 'kinderen',
    definition: 'Kinderen die op enig moment in de periode langer dan 3 maanden thuiszaten zonder plan of aanbod.',
    formula: 'kinderen voor wie norm_overschreden gold op een dag van P',
    compute: { children: (p) => `norm_over_${p}_p` },
  },
  {
    id: 'plan_binnen_3m_aandeel',
    label: 'Plan binnen 3 maanden',
    type: 'period',
    unit: 'aandeel',
    definition: 'Van de thuiszitperiodes die in deze periode de grens van 3 maanden bereikten: het deel dat vóór die grens een plan of aanbod had.',
    formula: 'onder normperiodes (profiel) die hun 3-maandengrens op een dag van P bereiken: aandeel gedekt op een dag vóór die grens',
    compute: {
      share: {
        numerator: { occurrences: 'rows', where: `kind = 'mark_' || :profile || '_covered'` },
        denominator: { occurrences: 'rows', where: `kind = 'mark_' || :profile` },
      },
    },
  },
  {
    id: 'instroom_cases',
    label: 'Nieuwe casussen',
    type: 'period',
    unit: 'casussen',
    definition: 'Casussen die in de periode zijn geopend.',
    formula: 'casussen met CaseOpened in P',
    compute: { occurrences: 'rows', where: `kind = 'opened'` },
  },
  {
    id: 'uitstroom_cases',
    label: 'Afgesloten casussen',
    type: 'period',
    unit: 'casussen',
    definition: 'Casussen die in de periode zijn afgesloten, ook uitgesplitst naar uitkomst.',
    formula: 'casussen met CaseClosed in P',
    compute: { occurrences: 'rows', where: `kind like 'closed\\_%'` },
  },
  ...CLOSE_OUTCOMES.map(
    (outcome): MetricDefinition => ({
      id: `uitstroom_${outcome}_cases`,
      label: `Afgesloten: ${OUTCOME_LABELS[outcome]}`,
      type: 'period',
      unit: 'casussen',
      definition: `Casussen die in de periode zijn afgesloten met uitkomst "${OUTCOME_LABELS[outcome]}".`,
      formula: `casussen met CaseClosed (outcome ${outcome}) in P`,
      compute: { occurrences: 'rows', where: `kind = 'closed_${outcome}'` },
    }),
  ),
  {
    id: 'herhaald',
    label: 'Opnieuw thuis',
    type: 'period',
    unit: 'kinderen',
    definition: 'Kinderen voor wie in de periode een casus is geopend, terwijl in de 365 dagen daarvoor een eerdere casus van hetzelfde kind was afgesloten.',
    formula: 'kinderen met een casus geopend in P, van wie een andere casus (zelfde childRef) is gesloten op een dag in [opening − 365 dagen, opening]',
    compute: { query: 'herhaald' },
  },
  {
    id: 'escalaties_cases',
    label: 'Escalaties',
    type: 'period',
    unit: 'casussen',
    definition: 'Het aantal keren dat de regie in de periode is opgeschaald (actietafel of bestuurlijke interventie).',
    formula: 'Escalated-events in P',
    compute: { occurrences: 'rows', where: `kind like 'escalated\\_%'` },
  },
  ...Object.entries(ESCALATION_LEVELS).map(
    ([level, label]): MetricDefinition => ({
      id: `escalaties_${level}_cases`,
      label: `Escalaties: ${label}`,
      type: 'period',
      unit: 'casussen',
      definition: `Het aantal keren dat de regie in de periode is opgeschaald naar ${label}.`,
      formula: `Escalated-events (level ${level}) in P`,
      compute: { occurrences: 'rows', where: `kind = 'escalated_${level}'` },
    }),
  ),
  {
    id: 'drang_dwang',
    label: 'Drang en dwang',
    type: 'period',
    unit: 'kinderen',
    definition: 'Kinderen bij wie in de periode een maatregel van drang of dwang is genomen (waarschuwing, proces-verbaal, Veilig Thuis, Raad voor de Kinderbescherming).',
    formula: 'kinderen met een EnforcementRecorded in P',
    compute: { occurrences: 'children', where: `kind = 'enforcement'` },
  },
  {
    id: 'overleg_maanden',
    label: 'Maanden met Leerplicht/SWV-overleg',
    type: 'period',
    unit: 'maanden',
    definition: 'Kalendermaanden van de periode (tot vandaag) waarin ten minste één Leerplicht/SWV-overleg is gehouden. Afspraak: elke maand.',
    formula: 'kalendermaanden van P (tot vandaag) met ten minste één MeetingHeld forum leerplicht_swv in scope',
    compute: { meetings: `count(distinct date_trunc('month', on_date)) filter (where kind = 'meeting_leerplicht_swv')` },
  },
  {
    id: 'overleg_maanden_verwacht',
    label: 'Maanden in periode',
    type: 'period',
    unit: 'maanden',
    definition: 'Het aantal kalendermaanden van de periode tot vandaag: zoveel Leerplicht/SWV-overleggen zijn afgesproken.',
    formula: 'kalendermaanden van P tot vandaag',
    compute: { query: 'months_expected' },
  },
  {
    id: 'kernpartner_overleggen',
    label: 'Kernpartneroverleggen',
    type: 'period',
    unit: 'overleggen',
    definition: 'Gehouden kernpartneroverleggen in de periode. Afspraak: eens per twee maanden (6 per jaar).',
    formula: 'MeetingHeld forum kernpartner in P',
    compute: { meetings: `count(*) filter (where kind = 'meeting_kernpartner')` },
  },
  {
    id: 'oogo_overleggen',
    label: 'OOGO',
    type: 'period',
    unit: 'overleggen',
    definition: 'Gehouden OOGO-overleggen (op overeenstemming gericht overleg tussen gemeente en samenwerkingsverband) in de periode. Afspraak: eens per jaar.',
    formula: 'MeetingHeld forum oogo in P',
    compute: { meetings: `count(*) filter (where kind = 'meeting_oogo')` },
  },
  {
    id: 'besproken_aandeel',
    label: 'Besproken in overleg',
    type: 'period',
    unit: 'aandeel',
    definition: 'Per maand: van de kinderen die aan het eind van de maand officieel thuiszitten en van wie de thuiszitperiode al 4 weken duurt, het deel dat die maand in het Leerplicht/SWV-overleg is besproken. Voor een langere periode: het gemiddelde over de maanden met een waarde.',
    formula: 'maand: onder kinderen geteld door officieel op de laatste dag met normperiode ≥ 4 weken, aandeel met CaseDiscussed forum leerplicht_swv in die maand; langere periode: gemiddelde van de maandwaarden',
    compute: { query: 'besproken' },
  },
];

export const METRIC_IDS = METRICS.map((m) => m.id);
export const metricById = new Map(METRICS.map((m) => [m.id, m]));
