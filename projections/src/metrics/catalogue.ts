// The metric catalogue: every figure of metrics.md v2 once, with its Dutch label, definition (for a raadslid), exact
// rule, unit, target and computation. The CLI, API, exports, PDF and dashboard all read figures, labels and
// verdicts through this module; none restates them.
//
// Computations never hold a time rule: those are in the case facts (facts/), which store per case and stretch of
// days the flags of facts/flags.ts. A figure here is a condition on a child's flags (OR-ed over its rows in scope:
// on some day of the period, on the stock day, on the period's first day), a count of occurrences, something about
// the meetings in scope, or a share of two of these.
import { closeOutcome, escalationLevel, EXEMPTION_ARTICLES } from '@pact/events';
import type { Profile, RegionConfig } from '../config.ts';
import type { Flag } from '../facts/flags.ts';

export type Unit = 'kinderen' | 'casussen' | 'aandeel' | 'maanden' | 'blokken' | 'overleggen';

/** A condition on one child's flags: on some day of the period, on the stock day, or on the period's first day. */
export type ChildCondition = { period: Flag } | { stock: Flag } | { first: Flag } | { all: ChildCondition[] } | { not: ChildCondition };

/** What the meetings in scope give (figures.ts computes these from the meetings' dates). */
export type MeetingFigure = 'overleg_maanden' | 'overleg_maanden_verwacht' | 'kernpartner_blokken' | 'kernpartner_blokken_verwacht' | 'kernpartner_overleggen' | 'oogo_overleggen';

export type Computation =
  | { children: (profile: Profile) => ChildCondition }
  | { occurrences: 'rows' | 'children'; kinds: (profile: Profile) => string[] }
  | { meetings: MeetingFigure }
  | { share: { numerator: Computation; denominator: Computation } }
  | { query: 'herhaald' | 'besproken' };

/** What the pact promises about a figure (metrics.md "Targets and verdicts"). */
export type Target = { equals: 0 } | { equalsMetric: string } | { atLeast: 1; schoolYearOnly: true };

type Text = string | ((c: RegionConfig) => string);

export interface MetricDefinition {
  id: string;
  label: Text;
  type: 'stock' | 'period';
  unit: Unit;
  /** The figure in one plain Dutch sentence or two, for a raadslid (shown under "Definities"). */
  definition: Text;
  /** The exact rule, in the words of metrics.md, for those who reproduce the figure. */
  formula: Text;
  compute: Computation;
  target?: Target;
  /** The target in words, e.g. "0 kinderen". */
  targetText?: Text;
}

// --- building blocks ---------------------------------------------------------------------------------------------
const period = (flag: Flag): ChildCondition => ({ period: flag });
const stock = (flag: Flag): ChildCondition => ({ stock: flag });
const first = (flag: Flag): ChildCondition => ({ first: flag });
const all = (...conditions: ChildCondition[]): ChildCondition => ({ all: conditions });
const not = (condition: ChildCondition): ChildCondition => ({ not: condition });
const ofProfile = (name: string) => (p: Profile) => `${name}_${p}` as Flag;
const children = (condition: (p: Profile) => ChildCondition): Computation => ({ children: condition });
const rows = (...kinds: string[]): Computation => ({ occurrences: 'rows', kinds: () => kinds });
const months = (c: RegionConfig) => (c.normMonths === 1 ? '1 maand' : `${c.normMonths} maanden`);
const threat = (c: RegionConfig) => (c.normMonths - 1 === 1 ? '1 maand' : `${c.normMonths - 1} maanden`);
const weeks = (c: RegionConfig) => (c.fourWeeksDays % 7 === 0 ? `${c.fourWeeksDays / 7} weken` : `${c.fourWeeksDays} dagen`);

const PROFILE_WORDS =
  'Welke kinderen meetellen hangt af van het profiel: officieel (niet ingeschreven, of ingeschreven en al 4 weken ongeoorloofd thuis), breed (ook vrijstelling wegens ziekte of beperking en wie 4 weken thuis zit, ook geoorloofd) of leerrecht (ieder kind zonder volledig onderwijs, ook wie gedeeltelijk naar school gaat).';
const NORM_SPELL = (c: RegionConfig) =>
  `De thuiszitperiode begint op de eerste dag zonder onderwijs (de basisvoorwaarde van het profiel); een onderbreking van hoogstens ${c.normGapDays} dagen zet de klok niet terug.`;
const AANBOD = 'Een passend aanbod telt zolang het loopt en alleen als het in de huidige thuiszitperiode is begonnen.';
const VALID_PLAN = 'Een plan is geldig vanaf de afspraak tot en met de evaluatiedatum; daarna is het verlopen tot het opnieuw is geëvalueerd.';

export const CLOSE_OUTCOMES = closeOutcome.options;
export const OUTCOME_LABELS: Record<(typeof CLOSE_OUTCOMES)[number], string> = {
  terug_naar_school: 'terug naar school',
  passend_aanbod: 'passend aanbod',
  verhuisd: 'verhuisd',
  leeftijd: 'leeftijd',
  startkwalificatie: 'startkwalificatie',
  overig: 'overig',
};
const ESCALATION_LABELS: Record<(typeof escalationLevel.options)[number], string> = { actietafel: 'actietafel', bestuurlijk: 'bestuurlijke interventie' };
const ARTICLES: Record<(typeof EXEMPTION_ARTICLES)[number], { flag: Flag; label: string; words: string }> = {
  '5a': { flag: 'v5a', label: 'art. 5 onder a', words: 'lichamelijk of psychisch niet in staat een school te bezoeken' },
  '5b': { flag: 'v5b', label: 'art. 5 onder b', words: 'bedenkingen tegen de richting van de scholen in de buurt' },
  '5c': { flag: 'v5c', label: 'art. 5 onder c', words: 'ingeschreven op een school in het buitenland' },
  '15': { flag: 'v15', label: 'art. 15', words: 'kwalificatieplichtig en op andere wijze voldoende onderwijs' },
};

// --- the catalogue -----------------------------------------------------------------------------------------------
export const METRICS: readonly MetricDefinition[] = [
  // stock figures (on one day: the period's last day, or today)
  {
    id: 'thuiszitters',
    label: 'Thuiszitters',
    type: 'stock',
    unit: 'kinderen',
    definition: `Kinderen die op de peildatum als thuiszitter meetellen. ${PROFILE_WORDS}`,
    formula: 'kinderen die op de peildatum door het profiel worden geteld',
    compute: children((p) => stock(ofProfile('counted')(p))),
  },
  {
    id: 'av',
    label: 'Absoluut verzuim',
    type: 'stock',
    unit: 'kinderen',
    definition: 'Kinderen die op de peildatum niet op een school staan ingeschreven en geen vrijstelling hebben.',
    formula: 'kinderen in absoluut verzuim op de peildatum: niet ingeschreven, geen vrijstelling',
    compute: children(() => stock('av')),
  },
  {
    id: 'lrv',
    label: 'Langdurig relatief verzuim',
    type: 'stock',
    unit: 'kinderen',
    definition: (c) => `Kinderen die op de peildatum ingeschreven zijn, geen vrijstelling hebben en al minstens ${weeks(c)} ongeoorloofd helemaal niet naar school gaan.`,
    formula: (c) => `kinderen op de peildatum ingeschreven, zonder vrijstelling, in fase thuis, ongeoorloofd, en dat al ${c.fourWeeksDays} dagen of langer aaneen`,
    compute: children(() => stock('lrv')),
  },
  ...EXEMPTION_ARTICLES.map(
    (article): MetricDefinition => ({
      id: `vrijstelling_${article}`,
      label: `Vrijstelling ${ARTICLES[article].label}`,
      type: 'stock',
      unit: 'kinderen',
      definition: `Kinderen met een vrijstelling van de leerplicht op grond van ${ARTICLES[article].label} van de Leerplichtwet (${ARTICLES[article].words}) op de peildatum.`,
      formula: `kinderen met een lopende vrijstelling ${ARTICLES[article].label} op de peildatum`,
      compute: children(() => stock(ARTICLES[article].flag)),
    }),
  ),
  {
    id: 'verborgen',
    label: 'Verborgen thuiszitters',
    type: 'stock',
    unit: 'kinderen',
    definition: 'Kinderen zonder volledig onderwijs die de officiële telling niet ziet: geteld door het profiel leerrecht, niet door het profiel officieel.',
    formula: 'kinderen die op de peildatum door leerrecht worden geteld en niet door officieel',
    compute: children(() => all(stock('counted_leerrecht'), not(stock('counted_officieel')))),
  },
  {
    id: 'verborgen_aandeel',
    label: 'Aandeel verborgen',
    type: 'stock',
    unit: 'aandeel',
    definition: 'Het deel van alle kinderen zonder volledig onderwijs (profiel leerrecht) dat de officiële telling niet ziet.',
    formula: 'verborgen gedeeld door het aantal kinderen dat leerrecht telt, op de peildatum',
    compute: { share: { numerator: children(() => all(stock('counted_leerrecht'), not(stock('counted_officieel')))), denominator: children(() => stock('counted_leerrecht')) } },
  },
  {
    id: 'geoorloofd_aandeel',
    label: 'Aandeel geoorloofd',
    type: 'stock',
    unit: 'aandeel',
    definition: 'Van de ingeschreven kinderen zonder vrijstelling die niet volledig naar school gaan: het deel waarvoor het verzuim geoorloofd is (bijvoorbeeld ziek).',
    formula: 'onder kinderen die op de peildatum ingeschreven zijn, zonder vrijstelling en niet in fase op school: het deel met geoorloofd verzuim',
    compute: { share: { numerator: children(() => stock('absent_authorised')), denominator: children(() => stock('absent')) } },
  },
  {
    id: 'norm_overschreden',
    label: (c) => `Langer dan ${months(c)} zonder passend aanbod`,
    type: 'stock',
    unit: 'kinderen',
    definition: (c) =>
      `Kinderen die op de peildatum al langer dan ${months(c)} thuiszitten zonder passend aanbod. Dit is de norm van het pact: geen kind langer dan ${months(c)} thuis zonder passend aanbod. ${NORM_SPELL(c)} ${AANBOD}`,
    formula: (c) =>
      `kinderen in de basisvoorwaarde van het profiel op de peildatum, van wie de thuiszitperiode (met onderbrekingen tot ${c.normGapDays} dagen) op die dag ${months(c)} duurt of langer, en die geen passend aanbod hebben dat in die periode is begonnen`,
    compute: children((p) => stock(ofProfile('norm_over')(p))),
    target: { equals: 0 },
    targetText: '0 kinderen',
  },
  {
    id: 'norm_zonder_plan',
    label: (c) => `Langer dan ${months(c)} zonder aanbod en zonder geldig plan`,
    type: 'stock',
    unit: 'kinderen',
    definition: (c) => `Van de kinderen die langer dan ${months(c)} thuiszitten zonder passend aanbod: wie ook geen geldig plan heeft. ${VALID_PLAN}`,
    formula: 'kinderen van norm_overschreden die op de peildatum ook geen geldig plan hebben (afgesproken, niet beëindigd, niet voorbij de evaluatiedatum)',
    compute: children((p) => stock(ofProfile('norm_zonder_plan')(p))),
  },
  {
    id: 'norm_dreigend',
    label: (c) => `${threat(c)} tot ${months(c)} zonder passend aanbod`,
    type: 'stock',
    unit: 'kinderen',
    definition: (c) => `Kinderen die op de peildatum ${threat(c)} tot ${months(c)} thuiszitten zonder passend aanbod: zij halen de norm van ${months(c)} als er niets gebeurt.`,
    formula: (c) => `kinderen in de basisvoorwaarde van het profiel, thuiszitperiode ${threat(c)} of langer maar nog geen ${months(c)}, zonder passend aanbod`,
    compute: children((p) => stock(ofProfile('norm_threat')(p))),
  },
  {
    id: 'plan_verlopen',
    label: 'Plan verlopen',
    type: 'stock',
    unit: 'kinderen',
    definition: `Kinderen zonder onderwijs van wie het plan over de evaluatiedatum heen is zonder dat het is geëvalueerd. ${VALID_PLAN}`,
    formula: 'kinderen in de basisvoorwaarde van het profiel met een lopend plan waarvan de evaluatiedatum voor de peildatum ligt',
    compute: children((p) => stock(ofProfile('plan_verlopen')(p))),
  },
  {
    id: 'wachtlijst',
    label: 'Op een wachtlijst',
    type: 'stock',
    unit: 'kinderen',
    definition: 'Kinderen zonder volledig onderwijs (profiel leerrecht) die op de peildatum op een wachtlijst staan (SO/VSO, jeugdhulp, GGZ, diagnostiek of TLV).',
    formula: 'kinderen die op de peildatum door leerrecht worden geteld en op een wachtlijst staan',
    compute: children(() => stock('wachtlijst')),
  },
  // period figures (over every day of the period up to today)
  {
    id: 'av_totaal',
    label: 'Absoluut verzuim (uniek in periode)',
    type: 'period',
    unit: 'kinderen',
    definition: 'Kinderen die op enig moment in de periode niet ingeschreven waren zonder vrijstelling; elk kind telt één keer.',
    formula: 'kinderen in absoluut verzuim op een dag van de periode',
    compute: children(() => period('av')),
  },
  {
    id: 'av_3m',
    label: 'waarvan langer dan 3 maanden',
    type: 'period',
    unit: 'kinderen',
    definition: 'Kinderen van wie het absoluut verzuim op enig moment in de periode al 3 maanden duurde (het verzuim kan vóór de periode zijn begonnen). De 3 maanden van de Leerplichttelling.',
    formula: 'kinderen met een aaneengesloten periode van absoluut verzuim die op een dag van de periode 3 maanden of langer duurt',
    compute: children(() => period('av_3m')),
  },
  {
    id: 'lrv_totaal',
    label: 'Langdurig relatief verzuim (uniek in periode)',
    type: 'period',
    unit: 'kinderen',
    definition: (c) => `Kinderen die op enig moment in de periode ${weeks(c)} of langer ongeoorloofd thuiszaten terwijl ze wel ingeschreven waren; elk kind telt één keer.`,
    formula: 'kinderen in langdurig relatief verzuim op een dag van de periode',
    compute: children(() => period('lrv')),
  },
  {
    id: 'lrv_3m',
    label: 'waarvan langer dan 3 maanden',
    type: 'period',
    unit: 'kinderen',
    definition: 'Kinderen van wie het ongeoorloofd thuiszitten (ingeschreven) op enig moment in de periode al 3 maanden duurde. De 3 maanden van de Leerplichttelling.',
    formula: 'kinderen met een aaneengesloten periode van ongeoorloofd thuis (ingeschreven, zonder vrijstelling) die op een dag van de periode 3 maanden of langer duurt',
    compute: children(() => period('lrv_3m')),
  },
  {
    id: 'lrv_begin',
    label: 'LRV bij aanvang',
    type: 'period',
    unit: 'kinderen',
    definition: 'Kinderen die op de eerste dag van de periode al in langdurig relatief verzuim waren.',
    formula: 'kinderen in langdurig relatief verzuim op de eerste dag van de periode',
    compute: children(() => first('lrv')),
  },
  {
    id: 'lrv_nieuw',
    label: 'LRV nieuw in periode',
    type: 'period',
    unit: 'kinderen',
    definition: 'Kinderen in langdurig relatief verzuim in de periode die dat bij aanvang nog niet waren.',
    formula: 'lrv_totaal min de kinderen van lrv_begin',
    compute: children(() => all(period('lrv'), not(first('lrv')))),
  },
  {
    id: 'thuiszitters_totaal',
    label: 'Thuiszitters (uniek in periode)',
    type: 'period',
    unit: 'kinderen',
    definition: `Kinderen die op enig moment in de periode als thuiszitter meetelden; elk kind telt één keer. ${PROFILE_WORDS}`,
    formula: 'kinderen die op een dag van de periode door het profiel worden geteld',
    compute: children((p) => period(ofProfile('counted')(p))),
  },
  {
    id: 'verborgen_totaal',
    label: 'Verborgen (uniek in periode)',
    type: 'period',
    unit: 'kinderen',
    definition: 'Kinderen die in de periode zonder volledig onderwijs waren (leerrecht) maar op geen enkele dag in de officiële telling zaten.',
    formula: 'kinderen die op een dag van de periode door leerrecht worden geteld en op geen dag van de periode door officieel',
    compute: children(() => all(period('counted_leerrecht'), not(period('counted_officieel')))),
  },
  ...EXEMPTION_ARTICLES.map(
    (article): MetricDefinition => ({
      id: `vrijstelling_${article}_verleend`,
      label: `Vrijstellingen verleend (${ARTICLES[article].label})`,
      type: 'period',
      unit: 'kinderen',
      definition: `Kinderen aan wie in de periode een vrijstelling op grond van ${ARTICLES[article].label} van de Leerplichtwet is verleend.`,
      formula: `kinderen met een verleende vrijstelling ${ARTICLES[article].label} gedateerd in de periode`,
      compute: { occurrences: 'children', kinds: () => [`exemption_${article}`] },
    }),
  ),
  {
    id: 'norm_overschreden_totaal',
    label: (c) => `Ooit langer dan ${months(c)} zonder passend aanbod`,
    type: 'period',
    unit: 'kinderen',
    definition: (c) =>
      `Kinderen die op enig moment in de periode langer dan ${months(c)} thuiszaten zonder passend aanbod. Dit is het oordeel over het pact: gehaald als het 0 is. Wie één dag over de norm ging, telt mee, ook als er later een aanbod kwam.`,
    formula: 'kinderen voor wie norm_overschreden gold op een dag van de periode',
    compute: children((p) => period(ofProfile('norm_over')(p))),
    target: { equals: 0 },
    targetText: '0 kinderen',
  },
  {
    id: 'norm_zonder_plan_totaal',
    label: (c) => `Ooit langer dan ${months(c)} zonder aanbod en plan`,
    type: 'period',
    unit: 'kinderen',
    definition: (c) => `Kinderen die op enig moment in de periode langer dan ${months(c)} thuiszaten zonder passend aanbod en zonder geldig plan.`,
    formula: 'kinderen voor wie norm_zonder_plan gold op een dag van de periode',
    compute: children((p) => period(ofProfile('norm_zonder_plan')(p))),
    target: { equals: 0 },
    targetText: '0 kinderen',
  },
  {
    id: 'plan_binnen_3m_aandeel',
    label: (c) => `Plan of aanbod binnen ${months(c)}`,
    type: 'period',
    unit: 'aandeel',
    definition: (c) =>
      `Van de thuiszitperiodes die in deze periode de grens van ${months(c)} bereikten (ook als het kind al eerder terug naar school ging): het deel dat vóór die grens een geldig plan of passend aanbod had, of al terug was.`,
    formula: (c) =>
      `onder de thuiszitperiodes van het profiel waarvan de grens (begin + ${months(c)}) op een dag van de periode tot vandaag valt, behalve die van een casus die voor de grens is gesloten omdat het kind verhuisde: het deel met een geldig plan of een passend aanbod op een dag van de periode voor de grens, of dat op de grens niet meer thuis was (tenzij de casus gesloten werd wegens leeftijd of overig)`,
    compute: { share: { numerator: { occurrences: 'rows', kinds: (p) => [`mark_${p}_plan`] }, denominator: { occurrences: 'rows', kinds: (p) => [`mark_${p}`] } } },
  },
  {
    id: 'aanbod_binnen_3m_aandeel',
    label: (c) => `Passend aanbod binnen ${months(c)}`,
    type: 'period',
    unit: 'aandeel',
    definition: (c) => `Van dezelfde thuiszitperiodes: het deel dat vóór de grens van ${months(c)} een passend aanbod had, of al terug was.`,
    formula: 'als plan_binnen_3m_aandeel, met alleen een passend aanbod (geen plan) of terugkeer vóór de grens',
    compute: { share: { numerator: { occurrences: 'rows', kinds: (p) => [`mark_${p}_aanbod`] }, denominator: { occurrences: 'rows', kinds: (p) => [`mark_${p}`] } } },
  },
  {
    id: 'instroom_cases',
    label: 'Nieuwe casussen',
    type: 'period',
    unit: 'casussen',
    definition: 'Casussen die in de periode zijn geopend.',
    formula: 'casussen met een opening gedateerd in de periode',
    compute: rows('opened'),
  },
  {
    id: 'uitstroom_cases',
    label: 'Afgesloten casussen',
    type: 'period',
    unit: 'casussen',
    definition: 'Casussen die in de periode zijn afgesloten, ook uitgesplitst naar uitkomst.',
    formula: 'casussen met een afsluiting gedateerd in de periode',
    compute: rows(...CLOSE_OUTCOMES.map((o) => `closed_${o}`)),
  },
  ...CLOSE_OUTCOMES.map(
    (outcome): MetricDefinition => ({
      id: `uitstroom_${outcome}_cases`,
      label: `Afgesloten: ${OUTCOME_LABELS[outcome]}`,
      type: 'period',
      unit: 'casussen',
      definition: `Casussen die in de periode zijn afgesloten met uitkomst "${OUTCOME_LABELS[outcome]}".`,
      formula: `casussen met een afsluiting (uitkomst ${OUTCOME_LABELS[outcome]}) gedateerd in de periode`,
      compute: rows(`closed_${outcome}`),
    }),
  ),
  {
    id: 'herhaald',
    label: 'Opnieuw thuis',
    type: 'period',
    unit: 'kinderen',
    definition: 'Kinderen voor wie in de periode een casus is geopend, terwijl in het jaar daarvoor een eerdere casus van hetzelfde kind was afgesloten.',
    formula: 'kinderen met een casus geopend in de periode, van wie een andere casus (zelfde pseudoniem) is gesloten op een dag in de 365 dagen voor de opening (de dag van de opening meegerekend)',
    compute: { query: 'herhaald' },
  },
  {
    id: 'escalaties_cases',
    label: 'Escalaties',
    type: 'period',
    unit: 'casussen',
    definition: 'Het aantal keren dat de regie in de periode is opgeschaald (actietafel of bestuurlijke interventie).',
    formula: 'opschalingen gedateerd in de periode',
    compute: rows(...escalationLevel.options.map((l) => `escalated_${l}`)),
  },
  ...escalationLevel.options.map(
    (level): MetricDefinition => ({
      id: `escalaties_${level}_cases`,
      label: `Escalaties: ${ESCALATION_LABELS[level]}`,
      type: 'period',
      unit: 'casussen',
      definition: `Het aantal keren dat de regie in de periode is opgeschaald naar ${ESCALATION_LABELS[level]}.`,
      formula: `opschalingen naar ${ESCALATION_LABELS[level]} gedateerd in de periode`,
      compute: rows(`escalated_${level}`),
    }),
  ),
  {
    id: 'drang_dwang',
    label: 'Drang en dwang',
    type: 'period',
    unit: 'kinderen',
    definition: 'Kinderen bij wie in de periode een maatregel van drang of dwang is genomen (waarschuwing, proces-verbaal, Veilig Thuis, Raad voor de Kinderbescherming).',
    formula: 'kinderen met een maatregel van drang of dwang gedateerd in de periode',
    compute: { occurrences: 'children', kinds: () => ['enforcement'] },
  },
  {
    id: 'overleg_maanden',
    label: 'Maanden met Leerplicht/SWV-overleg',
    type: 'period',
    unit: 'maanden',
    definition: 'Maanden van de periode (tot vandaag) waarin een Leerplicht/SWV-overleg werd verwacht en ten minste één is gehouden. Afspraak: elke maand.',
    formula: 'verwachte maanden van de periode met ten minste één Leerplicht/SWV-overleg in het bereik',
    compute: { meetings: 'overleg_maanden' },
    target: { equalsMetric: 'overleg_maanden_verwacht' },
    targetText: 'elke verwachte maand',
  },
  {
    id: 'overleg_maanden_verwacht',
    label: 'Maanden met verwacht overleg',
    type: 'period',
    unit: 'maanden',
    definition: (c) =>
      `Het aantal kalendermaanden van de periode tot vandaag waarin een Leerplicht/SWV-overleg is afgesproken${c.overlegPauseMonths.length ? `, zonder de maanden waarin de regio geen overleg verwacht (${c.overlegPauseMonths.map((m) => MONTH_NAMES[m - 1]).join(', ')})` : ''}.`,
    formula: 'kalendermaanden van de periode tot vandaag, zonder de pauzemaanden van de regio',
    compute: { meetings: 'overleg_maanden_verwacht' },
  },
  {
    id: 'kernpartner_blokken',
    label: 'Tweemaandelijkse kernpartnerblokken met overleg',
    type: 'period',
    unit: 'blokken',
    definition: 'Blokken van twee maanden (augustus-september, oktober-november, december-januari, februari-maart, april-mei, juni-juli) waarin ten minste één kernpartneroverleg is gehouden. Afspraak: elke twee maanden.',
    formula: 'de blokken van de periode met ten minste één kernpartneroverleg in het bereik in het blok (ook in de eerste maand van een blok als die voor de periode ligt)',
    compute: { meetings: 'kernpartner_blokken' },
    target: { equalsMetric: 'kernpartner_blokken_verwacht' },
    targetText: 'elk blok van twee maanden',
  },
  {
    id: 'kernpartner_blokken_verwacht',
    label: 'Tweemaandelijkse blokken in periode',
    type: 'period',
    unit: 'blokken',
    definition: 'Het aantal blokken van twee maanden waarvan de laatste maand in de periode ligt en al begonnen is. Een maandrapport telt het blok dat in die maand eindigt (september, november, januari, maart, mei, juli).',
    formula: 'blokken waarvan de laatste maand in de periode ligt en tot vandaag begonnen is',
    compute: { meetings: 'kernpartner_blokken_verwacht' },
  },
  {
    id: 'kernpartner_overleggen',
    label: 'Kernpartneroverleggen',
    type: 'period',
    unit: 'overleggen',
    definition: 'Gehouden kernpartneroverleggen in de periode.',
    formula: 'kernpartneroverleggen in het bereik gedateerd in de periode',
    compute: { meetings: 'kernpartner_overleggen' },
  },
  {
    id: 'oogo_overleggen',
    label: 'OOGO',
    type: 'period',
    unit: 'overleggen',
    definition: 'Gehouden OOGO-overleggen (op overeenstemming gericht overleg tussen gemeente en samenwerkingsverband) in de periode. Afspraak: eens per schooljaar.',
    formula: 'OOGO-overleggen in het bereik gedateerd in de periode',
    compute: { meetings: 'oogo_overleggen' },
    target: { atLeast: 1, schoolYearOnly: true },
    targetText: '1 per schooljaar',
  },
  {
    id: 'besproken_aandeel',
    label: 'Besproken in overleg',
    type: 'period',
    unit: 'aandeel',
    definition: (c) =>
      `Per maand: van de kinderen die aan het eind van de maand als thuiszitter meetellen en al ${weeks(c)} thuiszitten, het deel dat die maand in het Leerplicht/SWV-overleg is besproken. Voor een langere periode tellen alle maanden samen.`,
    formula: (c) =>
      `maand: onder kinderen die op de laatste dag van de maand (of vandaag) door het profiel worden geteld en van wie de thuiszitperiode ${c.fourWeeksDays} dagen of langer duurt, het deel met een bespreking in het Leerplicht/SWV-overleg gedateerd in die maand; langere periode: de tellers van de maanden opgeteld gedeeld door de noemers opgeteld`,
    compute: { query: 'besproken' },
  },
];

const MONTH_NAMES = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

export const METRIC_IDS = METRICS.map((m) => m.id);
export const metricById = new Map(METRICS.map((m) => [m.id, m]));

/** A metric's texts for a region: label, definition, rule and target in words. */
export interface DescribedMetric {
  id: string;
  label: string;
  type: 'stock' | 'period';
  unit: Unit;
  definition: string;
  formula: string;
  target: string | null;
}

const render = (text: Text, config: RegionConfig) => (typeof text === 'string' ? text : text(config));

export function describeMetric(m: MetricDefinition, config: RegionConfig): DescribedMetric {
  return {
    id: m.id,
    label: render(m.label, config),
    type: m.type,
    unit: m.unit,
    definition: render(m.definition, config),
    formula: render(m.formula, config),
    target: m.targetText ? render(m.targetText, config) : null,
  };
}

export const describeCatalogue = (config: RegionConfig): DescribedMetric[] => METRICS.map((m) => describeMetric(m, config));
