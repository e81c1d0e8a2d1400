// Jaarrapportage (OOGO): the Leerplichttelling, the three-month norm now and month by month, the three profiles
// side by side (how much lies under the official count), outflow by outcome, the pact's meetings, every figure
// against the previous school year. With `print`, the same report as an A4 document (the PDF export prints it).
import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { Me, MonthlyReport, Profile, YearReport } from '../api/client.ts';
import { downloadUrl } from '../api/client.ts';
import { metricsQuery, monthlyReportQuery, yearReportQuery, type YearParams } from '../api/queries.ts';
import { CategoryBars, ChartFigure, MonthLines } from '../components/charts.tsx';
import { FigureTable, MetricLink, SuppressionNote, TableContainer } from '../components/figures.tsx';
import { AsOfPicker, isProfile, ProfilePicker, ScopePicker, YearPicker } from '../components/pickers.tsx';
import { Button, ButtonLink, DataList, ErrorAlert, H2, Loading, P, PageHeading, StatusBadge } from '../components/ui.tsx';
import { catalogueMap, figureRow } from '../data/figures.ts';
import { isDay, isSchoolYear, lastCompletedSchoolYear, schoolYearChoices, schoolYearMonths } from '../data/school-year.ts';
import {
  allFigureGroups,
  hasSuppression,
  icebergConclusion,
  icebergRows,
  leerplichttelling,
  meetingRows,
  normByMonth,
  normConclusion,
  outflowConclusion,
  outflowRows,
  PROFILES,
  profileColumns,
  reportMeta,
} from '../data/year-data.ts';
import { formatDate, formatMoment, todayIso } from '../format.ts';
import { PROFILE_LABELS } from '../labels.ts';
import { useQueryState } from '../router.tsx';

export function yearParamsFrom(query: URLSearchParams, today: string): YearParams {
  const year = query.get('year');
  const profile = query.get('profile');
  const asOf = query.get('asOf');
  return {
    year: isSchoolYear(year) ? year : lastCompletedSchoolYear(today),
    profile: isProfile(profile) ? profile : 'officieel',
    gemeente: query.get('gemeente') || undefined,
    swv: query.get('swv') || undefined,
    asOf: isDay(asOf) ? asOf : undefined,
  };
}

const toQuery = (p: YearParams) => new URLSearchParams(Object.entries(p).filter(([, v]) => v) as [string, string][]).toString();

export default function YearReportPage({ me, print = false }: { me: Me; print?: boolean }) {
  const [query, setQuery] = useQueryState();
  const today = todayIso();
  const params = yearParamsFrom(query, today);
  const report = useQuery(yearReportQuery(params));
  const catalogue = useQuery(metricsQuery());
  const profiles = useQueries({ queries: PROFILES.filter((p) => p !== params.profile).map((profile) => yearReportQuery({ ...params, profile })) });
  const monthly = useQuery(monthlyReportQuery({ ...schoolYearMonths(params.year), profile: params.profile, gemeente: params.gemeente, swv: params.swv, asOf: params.asOf }));
  const ready = report.isSuccess && catalogue.isSuccess && monthly.isSettled && profiles.every((p) => p.isSettled);

  const title = `Jaarrapportage ${params.year.replace('-', '–')}`;
  return (
    <div className="pact-report" data-print-ready={ready ? 'true' : undefined}>
      <PageHeading title={title}>
        Jaarrapportage thuiszitterspact {params.year.replace('-', '–')}
      </PageHeading>
      <P lead>Voor het OOGO: hoe houden gemeente en samenwerkingsverband zich aan het pact? Elk cijfer staat naast dat van het vorige schooljaar; klik op een cijfer voor de definitie.</P>

      {!print && (
        <div className="pact-pickers" role="group" aria-label="Keuzes voor deze rapportage">
          <YearPicker value={params.year} years={schoolYearChoices(today)} onChange={(year) => setQuery({ year })} />
          <ScopePicker me={me} value={params} onChange={(s) => setQuery({ gemeente: s.gemeente, swv: s.swv })} />
          <ProfilePicker value={params.profile} onChange={(profile) => setQuery({ profile })} />
          <AsOfPicker value={params.asOf ?? ''} onChange={(asOf) => setQuery({ asOf: isDay(asOf) ? asOf : undefined })} />
        </div>
      )}
      {!print && (
        <div className="pact-actions" role="group" aria-label="Afdrukken en downloaden">
          <ButtonLink href={`/print/jaarrapportage?${toQuery(params)}`} appearance="primary">
            Afdrukversie (A4)
          </ButtonLink>
          <ButtonLink href={downloadUrl('reports/year', { ...params, format: 'pdf' })} download>
            Download PDF
          </ButtonLink>
          <ButtonLink href={downloadUrl('reports/year', { ...params, format: 'xlsx' })} download>
            Download Excel
          </ButtonLink>
          <ButtonLink href={downloadUrl('reports/year', { ...params, format: 'csv' })} download>
            Download CSV
          </ButtonLink>
        </div>
      )}
      {print && (
        <div className="pact-screen-only pact-actions">
          <Button onClick={() => window.print()}>Afdrukken of opslaan als PDF</Button>
        </div>
      )}

      {report.isPending && <Loading what="De jaarrapportage" />}
      {report.error && <ErrorAlert error={report.error} />}
      {report.data && catalogue.data && (
        <ReportBody report={report.data} catalogue={catalogueMap(catalogue.data)} others={Object.fromEntries(profiles.flatMap((p) => (p.data ? [[p.data.profile, p.data]] : [])))} monthly={monthly} print={print} />
      )}
    </div>
  );
}

function ReportBody({
  report,
  catalogue,
  others,
  monthly,
  print,
}: {
  report: YearReport;
  catalogue: ReturnType<typeof catalogueMap>;
  others: Partial<Record<Profile, YearReport>>;
  monthly: UseQueryResult<MonthlyReport>;
  print: boolean;
}) {
  const current = report.period.label;
  const previous = report.previous?.period.label;
  const reports: Partial<Record<Profile, YearReport>> = { ...others, [report.profile]: report };
  const official = reports.officieel;
  const norm = normByMonth(monthly.data);
  const columns = profileColumns(reports);
  const outflow = outflowRows(report, catalogue);
  const meetings = meetingRows(report);
  const key = ['norm_overschreden', 'thuiszitters_totaal', 'verborgen_totaal', 'plan_binnen_3m_aandeel'].map((id) => figureRow(id, catalogue, report, report.previous));

  return (
    <>
      <DataList rows={[...reportMeta(report), ...(print ? [['Gemaakt op', formatMoment(new Date())] as [string, string]] : [])]} />
      <SuppressionNote show={hasSuppression(report)} />

      <section aria-labelledby="kerncijfers" className="pact-section">
        <H2 id="kerncijfers">Kerncijfers</H2>
        <ul className="pact-keyfigures">
          {key.map((row) => (
            <li key={row.id} className={`pact-keyfigure${row.id === 'norm_overschreden' ? ' pact-keyfigure--target' : ''}`}>
              <span className="pact-keyfigure__value">{row.text}</span>
              <span className="pact-keyfigure__label">
                <MetricLink id={row.id}>{row.label}</MetricLink>
                {row.id === 'norm_overschreden' && <> (op {formatDate(report.period.stockOn)}; pactnorm: 0)</>}
              </span>
              <span className="pact-keyfigure__previous">
                {previous ?? 'Vorig jaar'}: {row.previousText}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="leerplichttelling" className="pact-section">
        <H2 id="leerplichttelling">Leerplichttelling</H2>
        <P>Zoals de jaarlijkse telling voor het ministerie van OCW: kinderen (niet casussen), elk kind één keer.</P>
        <FigureTable caption={`Leerplichttelling ${current}${previous ? ` en ${previous}` : ''}`} groups={leerplichttelling(report, catalogue)} current={current} previous={previous} />
      </section>

      <section aria-labelledby="norm" className="pact-section pact-break-before">
        <H2 id="norm">De 3-maandennorm</H2>
        {monthly.isPending && <Loading what="De cijfers per maand" />}
        {monthly.error && <ErrorAlert error={monthly.error} />}
        {monthly.data && (
          <ChartFigure
            id="norm-per-maand"
            title="Kinderen langer dan 3 maanden thuis zonder plan, per maand"
            conclusion={normConclusion(report, norm)}
            table={
              <TableContainer>
                <table className="utrecht-table utrecht-table--html-table pact-table">
                  <caption className="utrecht-table__caption">Aantal kinderen aan het eind van elke maand</caption>
                  <thead className="utrecht-table__header">
                    <tr className="utrecht-table__row">
                      <th scope="col" className="utrecht-table__header-cell">Maand</th>
                      <th scope="col" className="utrecht-table__header-cell utrecht-table__cell--numeric-column">
                        <MetricLink id="norm_overschreden">{catalogue.get('norm_overschreden')?.label}</MetricLink>
                      </th>
                      <th scope="col" className="utrecht-table__header-cell utrecht-table__cell--numeric-column">
                        <MetricLink id="norm_dreigend">{catalogue.get('norm_dreigend')?.label}</MetricLink>
                      </th>
                    </tr>
                  </thead>
                  <tbody className="utrecht-table__body">
                    {norm.map((p) => (
                      <tr className="utrecht-table__row" key={p.month}>
                        <th scope="row" className="utrecht-table__header-cell pact-row-label">{p.label}</th>
                        <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{p.overschredenText}</td>
                        <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{p.dreigendText}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableContainer>
            }
          >
            <MonthLines
              data={norm.map((p) => ({ short: p.label.replace(/ \d{4}$/, ''), overschreden: p.overschreden, dreigend: p.dreigend }))}
              series={[
                { key: 'overschreden', label: 'Langer dan 3 maanden zonder plan' },
                { key: 'dreigend', label: '2 tot 3 maanden zonder plan' },
              ]}
            />
          </ChartFigure>
        )}
      </section>

      <section aria-labelledby="ijsberg" className="pact-section pact-break-before">
        <H2 id="ijsberg">Onder de officiële telling: geoorloofd en verborgen</H2>
        <P>Drie manieren van tellen naast elkaar. Officieel telt alleen absoluut en langdurig ongeoorloofd verzuim; breed ook vrijstelling 5 onder a en wie 4 weken geoorloofd thuis is; leerrecht ieder kind zonder volledig onderwijs.</P>
        <ChartFigure
          id="profielen"
          title="Thuiszitters in het schooljaar, per manier van tellen"
          conclusion={icebergConclusion(columns, official)}
          table={
            <>
              <TableContainer>
                <table className="utrecht-table utrecht-table--html-table pact-table">
                  <caption className="utrecht-table__caption">Thuiszitters per profiel, {current}</caption>
                  <thead className="utrecht-table__header">
                    <tr className="utrecht-table__row">
                      <th scope="col" className="utrecht-table__header-cell">Profiel</th>
                      <th scope="col" className="utrecht-table__header-cell utrecht-table__cell--numeric-column">
                        <MetricLink id="thuiszitters_totaal">In het schooljaar</MetricLink>
                      </th>
                      <th scope="col" className="utrecht-table__header-cell utrecht-table__cell--numeric-column">
                        <MetricLink id="thuiszitters">Op {formatDate(report.period.stockOn)}</MetricLink>
                      </th>
                    </tr>
                  </thead>
                  <tbody className="utrecht-table__body">
                    {columns.map((c) => (
                      <tr className="utrecht-table__row" key={c.profile}>
                        <th scope="row" className="utrecht-table__header-cell pact-row-label">{PROFILE_LABELS[c.profile]}</th>
                        <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{c.totalText}</td>
                        <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{c.nowText}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableContainer>
              {official && <FigureTable caption="Verborgen en geoorloofd (uit de officiële rapportage)" groups={[{ heading: 'Verborgen en geoorloofd', rows: icebergRows(official, catalogue) }]} current={current} previous={previous} />}
            </>
          }
        >
          <CategoryBars data={columns.map((c) => ({ label: c.label, total: c.total }))} series={[{ key: 'total', label: 'Thuiszitters in het schooljaar' }]} />
        </ChartFigure>
      </section>

      <section aria-labelledby="uitstroom" className="pact-section pact-break-before">
        <H2 id="uitstroom">Uitstroom: hoe casussen eindigden</H2>
        <ChartFigure
          id="uitstroom-grafiek"
          title={`Afgesloten casussen per uitkomst${previous ? `, ${current} en ${previous}` : ''}`}
          conclusion={outflowConclusion(report, outflow)}
          table={<FigureTable caption="Afgesloten casussen per uitkomst" groups={[{ heading: 'Uitstroom', rows: [...outflow, figureRow('uitstroom_cases', catalogue, report, report.previous)] }]} current={current} previous={previous} />}
        >
          <CategoryBars data={outflow.map((r) => ({ label: r.label, nu: r.value, vorig: r.previous }))} series={[{ key: 'nu', label: current }, ...(previous ? [{ key: 'vorig', label: previous }] : [])]} />
        </ChartFigure>
      </section>

      <section aria-labelledby="overleggen" className="pact-section">
        <H2 id="overleggen">Overleggen van het pact</H2>
        <P>Het pact spreekt af: elke maand Leerplicht/SWV-overleg, elke twee maanden kernpartneroverleg, elk jaar OOGO.</P>
        <TableContainer>
          <table className="utrecht-table utrecht-table--html-table pact-table">
            <caption className="utrecht-table__caption">Gehouden overleggen, {current}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">Overleg</th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__cell--numeric-column">Gehouden</th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__cell--numeric-column">Afspraak</th>
                <th scope="col" className="utrecht-table__header-cell">Status</th>
                {previous && <th scope="col" className="utrecht-table__header-cell utrecht-table__cell--numeric-column">{previous}</th>}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {meetings.map((m) => (
                <tr className="utrecht-table__row" key={m.id}>
                  <th scope="row" className="utrecht-table__header-cell pact-row-label">
                    <MetricLink id={m.id}>{m.label}</MetricLink>
                  </th>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{m.heldText}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{m.expectedText}</td>
                  <td className="utrecht-table__cell">{m.met === null ? '–' : m.met ? <StatusBadge status="safe">Gehaald</StatusBadge> : <StatusBadge status="danger">Niet gehaald</StatusBadge>}</td>
                  {previous && <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{m.previousText}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      </section>

      <section aria-labelledby="alle-cijfers" className="pact-section pact-break-before">
        <H2 id="alle-cijfers">Alle cijfers</H2>
        <FigureTable caption={`Alle cijfers, ${current}${previous ? ` en ${previous}` : ''}`} groups={allFigureGroups(report, catalogue)} current={current} previous={previous} />
        <SuppressionNote show={hasSuppression(report)} />
      </section>

      {print && (
        <section aria-labelledby="definities" className="pact-section pact-break-before">
          <H2 id="definities">Definities</H2>
          <dl className="pact-definitions">
            {[...catalogue.values()].map((m) => (
              <div key={m.id}>
                <dt>{m.label}</dt>
                <dd>{m.definition}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </>
  );
}
