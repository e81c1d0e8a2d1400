// The year report (OOGO) shaped for its page: the Leerplichttelling table, the norm month by month, the three
// profiles side by side, outflow by outcome, the pact's meetings, and a one-sentence conclusion per chart. Pure:
// report JSON and catalogue in, rows and sentences out. One transform feeds a chart and its table.
import type { Profile, YearReport } from '../api/client.ts';
import { formatCount, formatDate, formatMoment } from '../format.ts';
import { CLOSE_OUTCOME_LABELS, labelOf, PROFILE_LABELS, PROFILE_SHORT } from '../labels.ts';
import { figureRow, figureText, figureValue, scopeText, type Catalogue, type FigureRow, type RowGroup } from './figures.ts';
import { peak, type MonthPoint } from './monthly-data.ts';
import { PROFILES } from './params.ts';
import { schoolYearLabel } from './school-year.ts';

const rows = (ids: string[], catalogue: Catalogue, report: YearReport) => ids.map((id) => figureRow(id, catalogue, report, report.previous));

/** Period, stock day, profile, scope and registration state of a report, as label/value pairs. */
export function reportMeta(report: YearReport): [string, string][] {
  const { label, start, end, stockOn } = report.period;
  return [
    ['Schooljaar', `${schoolYearLabel(label)}: ${formatDate(start)} t/m ${formatDate(end)}`],
    ['Peildatum van de standcijfers', formatDate(stockOn)],
    ['Profiel', labelOf(PROFILE_LABELS, report.profile)],
    ['Bereik', scopeText(report.scope)],
    ['Stand van registratie', report.asOf ? formatMoment(report.asOf) : 'Actueel: alles wat nu is geregistreerd'],
  ];
}

/** The Leerplichttelling as OCW asks it: LRV at the start, new, total, longer than 3 months; AV; exemptions. */
export function leerplichttelling(report: YearReport, catalogue: Catalogue): RowGroup[] {
  return [
    { heading: 'Langdurig relatief verzuim (ingeschreven, 4 weken of langer ongeoorloofd thuis)', rows: rows(['lrv_begin', 'lrv_nieuw', 'lrv_totaal', 'lrv_3m'], catalogue, report) },
    { heading: 'Absoluut verzuim (niet ingeschreven)', rows: rows(['av_totaal', 'av_3m'], catalogue, report) },
    { heading: `Vrijstellingen op ${formatDate(report.period.stockOn)}`, rows: rows(['vrijstelling_5a'], catalogue, report) },
  ];
}

/** The report's key figures: the norm first (pact target 0), then how many children, hidden ones, plans in time. */
export const keyFigures = (report: YearReport, catalogue: Catalogue) => rows(['norm_overschreden', 'thuiszitters_totaal', 'verborgen_totaal', 'plan_binnen_3m_aandeel'], catalogue, report);

const children = (n: number) => (n === 1 ? '1 kind' : `${formatCount(n)} kinderen`);

/** "On the stock day N children were over the norm (pact: 0), against M a year before; the highest month was …" */
export function normConclusion(report: YearReport, months: MonthPoint[]): string {
  const now = figureValue('norm_overschreden', report);
  const before = figureValue('norm_overschreden', report.previous);
  const on = `Op ${formatDate(report.period.stockOn)}`;
  const state =
    now === null
      ? `${on} zaten minder dan 5 kinderen langer dan 3 maanden thuis zonder plan`
      : now === 0
        ? `${on} zat geen kind langer dan 3 maanden thuis zonder plan: de pactnorm van 0 is gehaald`
        : `${on} zaten ${children(now)} langer dan 3 maanden thuis zonder plan, waar het pact 0 afspreekt`;
  const compared = before === null || now === null ? '' : `, tegen ${formatCount(before)} een jaar eerder`;
  const top = peak(months, 'norm_overschreden');
  const highest = top && (top.values.norm_overschreden ?? 0) > 0 ? `; het hoogste aantal aan het eind van een maand was ${formatCount(top.values.norm_overschreden)} (${top.label})` : '';
  return `${state}${compared}${highest}.`;
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
        totalText: figureText('thuiszitters_totaal', r, 'kinderen'),
        now: figureValue('thuiszitters', r),
        nowText: figureText('thuiszitters', r, 'kinderen'),
      },
    ];
  });
}

/** How big the iceberg is: the official count, the widest (leerrecht), and the hidden children between them. */
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
    .map((id) => ({ ...figureRow(id, catalogue, report, report.previous), label: labelOf(CLOSE_OUTCOME_LABELS, OUTFLOW.exec(id)![1]) }));
}

export function outflowConclusion(report: YearReport, outflow: FigureRow[]): string {
  const year = schoolYearLabel(report.period.label);
  const total = figureValue('uitstroom_cases', report);
  if (total === 0) return `In ${year} is geen casus afgesloten.`;
  const top = outflow.reduce<FigureRow | null>((best, r) => (r.value !== null && (best === null || r.value > best.value!) ? r : best), null);
  if (!top) return `In ${year} zijn ${figureText('uitstroom_cases', report, 'casussen')} casussen afgesloten; de aantallen per uitkomst zijn te klein om te tonen.`;
  return `Van de ${figureText('uitstroom_cases', report, 'casussen')} casussen die in ${year} zijn afgesloten, eindigden er ${formatCount(top.value)} met de uitkomst ‘${top.label.toLowerCase()}’, de meest voorkomende.`;
}

export interface MeetingRow {
  id: string;
  label: string;
  agreement: string;
  heldText: string;
  expectedText: string;
  previousText: string;
  /** Kept (true), not kept (false), or not yet to say while the year runs (null). */
  met: boolean | null;
}

/**
 * The pact's meetings (12 / 6 / 1 a year) against what was held. While a year runs the monthly overleg is held
 * against the months so far (the API's `overleg_maanden_verwacht`), the two-monthly one against half of them,
 * and the yearly OOGO is not judged yet.
 */
export function meetingRows(report: YearReport): MeetingRow[] {
  const months = report.metrics.overleg_maanden_verwacht ?? 0;
  const complete = months === 12;
  const row = (id: string, label: string, agreement: string, expected: number | null): MeetingRow => {
    const held = report.metrics[id] ?? null;
    return {
      id,
      label,
      agreement,
      heldText: formatCount(held),
      expectedText: formatCount(expected),
      previousText: formatCount(report.previous?.metrics[id]),
      met: expected === null || held === null ? null : held >= expected,
    };
  };
  return [
    row('overleg_maanden', 'Maanden met Leerplicht/SWV-overleg', 'elke maand', months),
    row('kernpartner_overleggen', 'Kernpartneroverleggen', 'elke twee maanden (6 per jaar)', Math.floor(months / 2)),
    row('oogo_overleggen', 'OOGO', 'elk jaar', complete ? 1 : null),
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
