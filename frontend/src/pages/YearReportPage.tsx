// Jaarrapportage (OOGO): the Leerplichttelling, the three-month norm now and month by month, the three profiles
// side by side (how much lies under the official count), outflow by outcome, the pact's meetings, every figure
// against the previous school year. With `print`, the same report as an A4 document (the PDF export prints it).
import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { Me, MonthlyReport, Profile, YearReport } from '../api/client.ts';
import { downloadUrl } from '../api/client.ts';
import { yearPageQueries, type YearParams } from '../api/queries.ts';
import { CategoryBars, ChartFigure, MonthLines } from '../components/charts.tsx';
import { FigureTable, MetricLink, MonthTable, NothingRegistered, SuppressionNote } from '../components/figures.tsx';
import { Table } from '../components/table.tsx';
import { AsOfPicker, ProfilePicker, ScopePicker, YearPicker } from '../components/pickers.tsx';
import { AppLink, Button, ButtonLink, DataList, ErrorAlert, H2, Loading, P, PageHeading, StatusBadge } from '../components/ui.tsx';
import { anySuppressed, catalogueMap, figureRow, nothingRegistered, type Catalogue } from '../data/figures.ts';
import { chartData, monthPoints, NORM_IDS } from '../data/monthly-data.ts';
import { usePageDefaults, type PageDefaults } from '../api/page-defaults.ts';
import { yearParamsFrom } from '../data/params.ts';
import { isDay, schoolYearChoices, schoolYearLabel } from '../data/school-year.ts';
import { allFigureGroups, icebergConclusion, icebergRows, keyFigures, leerplichttelling, meetingRows, normConclusion, outflowConclusion, outflowRows, profileColumns, reportMeta, type MeetingRow } from '../data/year-data.ts';
import { formatDate, formatMoment, todayIso } from '../format.ts';
import { PROFILE_LABELS } from '../labels.ts';
import { VERDICT_LABELS } from '@pact/projections/labels';
import { normSentence } from '../data/promises-data.ts';
import type { Verdict } from '../api/client.ts';

const VERDICT_BADGE: Record<Verdict, 'safe' | 'danger' | 'neutral'> = { gehaald: 'safe', tot_nu_toe_gehaald: 'safe', niet_gehaald: 'danger', nog_open: 'neutral' };
import { useQueryState } from '../router.tsx';

const toQuery = (p: YearParams) => new URLSearchParams(Object.entries(p).filter(([, v]) => v) as [string, string][]).toString();

export default function YearReportPage({ me, print = false }: { me: Me; print?: boolean }) {
  const [query] = useQueryState();
  const defaults = usePageDefaults(query, 'year');
  if (defaults === undefined) return <Loading what="De jaarrapportage" />;
  return <YearReport me={me} print={print} defaults={defaults} />;
}

function YearReport({ me, print, defaults }: { me: Me; print: boolean; defaults: PageDefaults }) {
  const [query, setQuery] = useQueryState();
  const today = todayIso();
  const params = yearParamsFrom(query, today, defaults);
  const queries = yearPageQueries(params);
  const report = useQuery(queries.report);
  const catalogue = useQuery(queries.catalogue);
  const profiles = useQueries({ queries: queries.others });
  const monthly = useQuery(queries.monthly);
  // Printing (and the PDF) waits for everything: the report, the catalogue, the months and the other profiles.
  const ready = report.isSuccess && catalogue.isSuccess && !monthly.isPending && profiles.every((p) => !p.isPending);
  const failed = report.isError || catalogue.isError;
  const others: Partial<Record<Profile, YearReport>> = Object.fromEntries(profiles.flatMap((p) => (p.data ? [[p.data.profile, p.data]] : [])));

  const title = `Jaarrapportage ${schoolYearLabel(params.year)}`;
  return (
    <div className="pact-report" data-print-ready={ready ? 'true' : failed ? 'error' : undefined}>
      <PageHeading title={title}>Jaarrapportage thuiszitterspact {schoolYearLabel(params.year)}</PageHeading>
      <P lead>
        Voor het OOGO: hoe houden gemeente en samenwerkingsverband zich aan het pact? Elk cijfer staat naast dat van het vorige schooljaar; {print ? 'de definities staan achterin.' : 'klik op een cijfer voor de definitie.'}
      </P>

      {!print && (
        <div className="pact-pickers" role="group" aria-label="Keuzes voor deze rapportage">
          <YearPicker value={params.year} years={schoolYearChoices(today)} onChange={(year) => setQuery({ year })} />
          <ScopePicker me={me} value={params} onChange={(s) => setQuery({ gemeente: s.gemeente, swv: s.swv })} />
          <ProfilePicker value={params.profile} onChange={(profile) => setQuery({ profile })} />
          <AsOfPicker value={isDay(params.asOf) ? params.asOf : ''} onChange={(asOf) => setQuery({ asOf: isDay(asOf) ? asOf : undefined })} />
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
          <AppLink to={`/jaarrapportage?${toQuery(params)}`}>Terug naar de jaarrapportage</AppLink>
        </div>
      )}

      {report.isPending && <Loading what="De jaarrapportage" />}
      {report.error && <ErrorAlert error={report.error} />}
      {catalogue.error && <ErrorAlert error={catalogue.error} />}
      {report.data && catalogue.data && <ReportBody report={report.data} catalogue={catalogueMap(catalogue.data)} others={others} monthly={monthly} print={print} />}
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
  catalogue: Catalogue;
  others: Partial<Record<Profile, YearReport>>;
  monthly: UseQueryResult<MonthlyReport>;
  print: boolean;
}) {
  const current = schoolYearLabel(report.period.label);
  const previous = report.previous ? schoolYearLabel(report.previous.period.label) : undefined;
  const reports: Partial<Record<Profile, YearReport>> = { ...others, [report.profile]: report };
  const norm = monthPoints(monthly.data, NORM_IDS, catalogue);
  const columns = profileColumns(reports);
  const outflow = outflowRows(report, catalogue);
  const meetings = meetingRows(report, catalogue);
  const n = report.config.normMonths;
  const suppressed = anySuppressed(report, report.previous, ...Object.values(others));

  return (
    <>
      <p className={`pact-verdict pact-verdict--${report.verdicts.norm_overschreden_totaal ?? 'geen'}`}>
        <strong>De pactnorm:</strong> {normSentence(report, 'norm_overschreden_totaal')}
      </p>
      <DataList rows={[...reportMeta(report), ...(print ? [['Gemaakt op', formatMoment(new Date())] as [string, string]] : [])]} />
      <NothingRegistered show={nothingRegistered(report)} period={`het schooljaar ${current}`} />
      <SuppressionNote show={suppressed} k={report.config.suppressionK} />

      <section aria-labelledby="kerncijfers" className="pact-section">
        <H2 id="kerncijfers">Kerncijfers</H2>
        <ul className="pact-keyfigures">
          {keyFigures(report, catalogue).map((row) => (
            <li key={row.id} className={`pact-keyfigure${row.id === 'norm_overschreden_totaal' ? ' pact-keyfigure--target' : ''}`}>
              <span className="pact-keyfigure__value">{row.text}</span>
              <span className="pact-keyfigure__label">
                <MetricLink id={row.id}>{row.label}</MetricLink>
                {row.id === 'norm_overschreden_totaal' && <> (in het schooljaar; pactnorm: 0)</>}
                {row.id === 'norm_overschreden' && <> (nu: op {formatDate(report.period.stockOn)})</>}
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
        <H2 id="norm">De norm van {n} maanden</H2>
        {monthly.isPending && <Loading what="De cijfers per maand" />}
        {monthly.error && <ErrorAlert error={monthly.error} />}
        {monthly.data && (
          <ChartFigure
            id="norm-per-maand"
            title={`Kinderen langer dan ${n} maanden thuis zonder passend aanbod, per maand`}
            conclusion={normConclusion(report, norm)}
            table={<MonthTable caption="Aantal kinderen aan het eind van elke maand" points={norm} ids={NORM_IDS} catalogue={catalogue} />}
          >
            <MonthLines data={chartData(norm)} series={NORM_IDS.map((id) => ({ key: id, label: catalogue.get(id)?.label ?? id }))} />
          </ChartFigure>
        )}
      </section>

      <section aria-labelledby="ijsberg" className="pact-section pact-break-before">
        <H2 id="ijsberg">Onder de officiële telling: geoorloofd en verborgen</H2>
        <P>Drie manieren van tellen naast elkaar. Officieel telt alleen absoluut en langdurig ongeoorloofd verzuim; breed ook vrijstelling 5 onder a en wie 4 weken geoorloofd thuis is; leerrecht ieder kind zonder volledig onderwijs.</P>
        <ChartFigure
          id="profielen"
          title="Thuiszitters in het schooljaar, per manier van tellen"
          conclusion={icebergConclusion(columns, report)}
          table={
            <>
              <Table
                caption={`Thuiszitters per profiel, ${current}`}
                columns={[
                  { header: 'Profiel', cell: (c) => PROFILE_LABELS[c.profile] },
                  { header: <MetricLink id="thuiszitters_totaal">In het schooljaar</MetricLink>, cell: (c) => c.totalText, numeric: true },
                  { header: <MetricLink id="thuiszitters">Op {formatDate(report.period.stockOn)}</MetricLink>, cell: (c) => c.nowText, numeric: true },
                ]}
                groups={[{ rows: columns }]}
                rowKey={(c) => c.profile}
              />
              <FigureTable caption="Verborgen en geoorloofd" groups={[{ heading: 'Verborgen en geoorloofd', rows: icebergRows(report, catalogue) }]} current={current} previous={previous} />
            </>
          }
        >
          <CategoryBars
            data={columns.map((c) => ({ label: c.label, total: c.total ?? 0, totalText: c.totalText, now: c.now ?? 0, nowText: c.nowText }))}
            series={[
              { key: 'total', label: `In het schooljaar ${current}` },
              { key: 'now', label: `Op ${formatDate(report.period.stockOn)}` },
            ]}
          />
        </ChartFigure>
      </section>

      <section aria-labelledby="uitstroom" className="pact-section pact-break-before">
        <H2 id="uitstroom">Uitstroom: hoe casussen eindigden</H2>
        <ChartFigure
          id="uitstroom-grafiek"
          title={`Afgesloten casussen per uitkomst${previous ? `, ${current} en ${previous}` : ''}`}
          conclusion={outflowConclusion(report, outflow)}
          table={<FigureTable caption="Afgesloten casussen per uitkomst" groups={[{ heading: 'Uitstroom', rows: [...outflow, figureRow('uitstroom_cases', catalogue, report.config.suppressionK, report, report.previous)] }]} current={current} previous={previous} />}
        >
          <CategoryBars data={outflow.map((r) => ({ label: r.label, nu: r.value ?? 0, nuText: r.text, vorig: r.previous ?? 0, vorigText: r.previousText }))} series={[{ key: 'nu', label: current }, ...(previous ? [{ key: 'vorig', label: previous }] : [])]} />
        </ChartFigure>
      </section>

      <section aria-labelledby="overleggen" className="pact-section">
        <H2 id="overleggen">Overleggen van het pact</H2>
        <P>Het pact spreekt af: elke maand Leerplicht/SWV-overleg, elke twee maanden kernpartneroverleg, elk jaar OOGO. Het oordeel is dat van de catalogus van cijfers.</P>
        <Table
          caption={`Gehouden overleggen, ${current}`}
          columns={[
            { header: 'Overleg', cell: (m) => <MetricLink id={m.id}>{m.label}</MetricLink> },
            { header: 'Gehouden', cell: (m) => m.heldText, numeric: true },
            { header: 'Verwacht', cell: (m) => m.expectedText, numeric: true },
            { header: 'Oordeel', cell: (m) => (m.verdict ? <StatusBadge status={VERDICT_BADGE[m.verdict]}>{VERDICT_LABELS[m.verdict]}</StatusBadge> : 'Geen oordeel') },
            ...(previous ? [{ header: previous, cell: (m: MeetingRow) => m.previousText, numeric: true }] : []),
          ]}
          groups={[{ rows: meetings }]}
          rowKey={(m) => m.id}
        />
      </section>

      <section aria-labelledby="alle-cijfers" className="pact-section pact-break-before">
        <H2 id="alle-cijfers">Alle cijfers</H2>
        <FigureTable caption={`Alle cijfers, ${current}${previous ? ` en ${previous}` : ''}`} groups={allFigureGroups(report, catalogue)} current={current} previous={previous} />
        <SuppressionNote show={suppressed} k={report.config.suppressionK} />
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
