// The year report (OOGO) shaped for its page: the Leerplichttelling table, the norm month by month, the three
// profiles side by side, outflow by outcome, the pact's meetings, and a one-sentence conclusion per chart. Pure:
// report JSON and catalogue in, rows and sentences out. One transform feeds a chart and its table.
import type { Profile, RegionConfig, Verdict, YearReport } from '../api/client.ts';
import { formatCount, formatDate, formatMoment, formatMonthName } from '../format.ts';
import { CLOSE_OUTCOME_LABELS, labelOf, PROFILE_LABELS, PROFILE_SHORT } from '../labels.ts';
import { figureRow, figureText, figureValue, scopeText, type Catalogue, type FigureRow, type RowGroup } from './figures.ts';
import { peak, type MonthPoint } from './monthly-data.ts';
import { normSentence } from './promises-data.ts';
import { PROFILES } from './params.ts';
import { schoolYearLabel } from './school-year.ts';

const rows = (ids: string[], catalogue: Catalogue, report: YearReport) => ids.map((id) => figureRow(id, catalogue, report.config.suppressionK, report, report.previous));

/** Period, stock day, profile, scope and registration state of a report, as label/value pairs. */
export function reportMeta(report: YearReport): [string, string][] {
  const { label, start, end, stockOn } = report.period;
  return [
    ['Schooljaar', `${schoolYearLabel(label)}: ${formatDate(start)} t/m ${formatDate(end)}`],
    ['Peildatum van de standcijfers', formatDate(stockOn)],
    ['Profiel', labelOf(PROFILE_LABELS, report.profile)],
    ['Bereik', scopeText(report.scope)],
    ['Stand van registratie', report.asOf ? formatMoment(report.asOf) : 'Actueel: alles wat nu is geregistreerd'],
    ...configMeta(report.config),
  ];
}

/** The region's configuration a report was computed with, in words (every report names it). */
export function configMeta(c: RegionConfig): [string, string][] {
  return [
    ['Norm', `${c.normMonths} maanden zonder passend aanbod; een onderbreking tot ${c.normGapDays} dagen zet de klok niet terug`],
    ['Overleg niet verwacht in', c.overlegPauseMonths.length ? c.overlegPauseMonths.map((m) => formatMonthName(m)).join(', ') : 'geen enkele maand'],
  ];
}

const EXEMPTIONS = ['vrijstelling_5a', 'vrijstelling_5b', 'vrijstelling_5c', 'vrijstelling_15'];

/** The Leerplichttelling as OCW asks it: LRV at the start, new, total, longer than 3 months; AV; exemptions. */
export function leerplichttelling(report: YearReport, catalogue: Catalogue): RowGroup[] {
  return [
    { heading: 'Langdurig relatief verzuim (ingeschreven, 4 weken of langer ongeoorloofd thuis)', rows: rows(['lrv_begin', 'lrv_nieuw', 'lrv_totaal', 'lrv_3m'], catalogue, report) },
    { heading: 'Absoluut verzuim (niet ingeschreven)', rows: rows(['av_totaal', 'av_3m'], catalogue, report) },
    { heading: `Vrijstellingen op ${formatDate(report.period.stockOn)}`, rows: rows(EXEMPTIONS, catalogue, report) },
    { heading: 'Vrijstellingen verleend in het schooljaar', rows: rows(EXEMPTIONS.map((id) => `${id}_verleend`), catalogue, report) },
  ];
}

/** The report's key figures: the pact's verdict first (ever over the norm), the norm now, how many children, hidden ones, aanbod in time. */
export const keyFigures = (report: YearReport, catalogue: Catalogue) =>
  rows(['norm_overschreden_totaal', 'norm_overschreden', 'thuiszitters_totaal', 'verborgen_totaal', 'aanbod_binnen_3m_aandeel'], catalogue, report);

/** The chart of the norm month by month: the verdict in words, then the month with the most children over the norm. */
export function normConclusion(report: YearReport, months: MonthPoint[]): string {
  const top = peak(months, 'norm_overschreden');
  const highest = top && (top.values.norm_overschreden ?? 0) > 0 ? ` Het hoogste aantal aan het eind van een maand was ${formatCount(top.values.norm_overschreden)} (${top.label}).` : '';
  return `${normSentence(report, 'norm_overschreden_totaal')}${highest}`;
}

export interface ProfileColumn {
  profile: Profile;
  label: string;
  total: number | null;
  totalText: string;
  now: number | null;
  nowText: string;
}

/** Thuiszitters in the school year and on the stock day, per profile (those whose report has arrived). */
export function profileColumns(reports: Partial<Record<Profile, YearReport>>): ProfileColumn[] {
  return PROFILES.flatMap((profile) => {
    const r = reports[profile];
    if (!r) return [];
    return [
      {
        profile,
        label: PROFILE_SHORT[profile],
        total: figureValue('thuiszitters_totaal', r),
        totalText: figureText('thuiszitters_totaal', r, 'kinderen', r.config.suppressionK),
        now: figureValue('thuiszitters', r),
        nowText: figureText('thuiszitters', r, 'kinderen', r.config.suppressionK),
      },
    ];
  });
}

/** How big the iceberg is: the official count, the widest (leerrecht), and the hidden children between them. */
const children = (n: number) => (n === 1 ? '1 kind' : `${formatCount(n)} kinderen`);

export function icebergConclusion(columns: ProfileColumn[], report: YearReport): string {
  const year = schoolYearLabel(report.period.label);
  const official = columns.find((c) => c.profile === 'officieel');
  const widest = columns.find((c) => c.profile === 'leerrecht');
  const hidden = figureValue('verborgen_totaal', report);
  if (!official || !widest) return `De telling per profiel voor ${year} is nog niet (helemaal) geladen.`;
  const tail = hidden === null ? '' : `: ${children(hidden)} zonder volledig onderwijs vallen buiten de officiële telling`;
  return `Officieel waren in ${year} ${official.totalText} kinderen thuiszitter, maar wie ieder kind zonder volledig onderwijs meetelt (leerrecht) komt op ${widest.totalText}${tail}.`;
}

/** Hidden and authorised absence, from the report's own figures. */
export const icebergRows = (report: YearReport, catalogue: Catalogue) => rows(['verborgen_totaal', 'verborgen', 'verborgen_aandeel', 'geoorloofd_aandeel', 'vrijstelling_5a'], catalogue, report);

const OUTFLOW = /^uitstroom_(.+)_cases$/;

/** Closed cases per outcome (the catalogue's uitstroom_<outcome>_cases), labelled by outcome. */
export function outflowRows(report: YearReport, catalogue: Catalogue): FigureRow[] {
  return [...catalogue.keys()]
    .filter((id) => OUTFLOW.test(id))
    .map((id) => ({ ...figureRow(id, catalogue, report.config.suppressionK, report, report.previous), label: labelOf(CLOSE_OUTCOME_LABELS, OUTFLOW.exec(id)![1]) }));
}

export function outflowConclusion(report: YearReport, outflow: FigureRow[]): string {
  const year = schoolYearLabel(report.period.label);
  const total = figureValue('uitstroom_cases', report);
  if (total === 0) return `In ${year} is geen casus afgesloten.`;
  const top = outflow.reduce<FigureRow | null>((best, r) => (r.value !== null && (best === null || r.value > best.value!) ? r : best), null);
  if (!top) return `In ${year} zijn ${figureText('uitstroom_cases', report, 'casussen', report.config.suppressionK)} casussen afgesloten; de aantallen per uitkomst zijn te klein om te tonen.`;
  return `Van de ${figureText('uitstroom_cases', report, 'casussen', report.config.suppressionK)} casussen die in ${year} zijn afgesloten, eindigden er ${formatCount(top.value)} met de uitkomst ‘${top.label.toLowerCase()}’, de meest voorkomende.`;
}

export interface MeetingRow {
  id: string;
  label: string;
  agreement: string;
  heldText: string;
  expectedText: string;
  previousText: string;
  /** The catalogue's verdict (metrics.md "Targets and verdicts"); none where nothing was expected. */
  verdict: Verdict | null;
}

/** The pact's meetings against what was expected, judged by the API: monthly, two-monthly blocks, yearly. */
export function meetingRows(report: YearReport, catalogue: Catalogue): MeetingRow[] {
  const row = (id: string, agreement: string, expectedId: string | null): MeetingRow => ({
    id,
    label: catalogue.get(id)?.label ?? id,
    agreement,
    heldText: formatCount(report.metrics[id]),
    expectedText: expectedId ? formatCount(report.metrics[expectedId]) : '1',
    previousText: formatCount(report.previous?.metrics[id]),
    verdict: report.verdicts[id] ?? null,
  });
  return [
    row('overleg_maanden', 'elke maand (behalve de pauzemaanden van de regio)', 'overleg_maanden_verwacht'),
    row('kernpartner_blokken', 'elke twee maanden', 'kernpartner_blokken_verwacht'),
    row('oogo_overleggen', 'elk schooljaar', null),
  ];
}

/** Every figure of the catalogue: the stock figures on the stock day, then the figures over the year. */
export function allFigureGroups(report: YearReport, catalogue: Catalogue): RowGroup[] {
  const ids = (type: 'stock' | 'period') => [...catalogue.values()].filter((m) => m.type === type).map((m) => m.id);
  return [
    { heading: `Stand op de peildatum (${formatDate(report.period.stockOn)})`, rows: rows(ids('stock'), catalogue, report) },
    { heading: `Over het hele schooljaar`, rows: rows(ids('period'), catalogue, report) },
  ];
}
