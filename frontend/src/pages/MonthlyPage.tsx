// Maandcijfers, for beleid: a month range, scope and profile; the figures at each month's end and the flows in
// each month as charts (each with its sentence and table), then every figure in one table; CSV and Excel.
import { useQuery } from '@tanstack/react-query';
import { downloadUrl, type Me, type MonthlyReport } from '../api/client.ts';
import { metricsQuery, monthlyReportQuery } from '../api/queries.ts';
import { ChartFigure, MonthBars, MonthLines } from '../components/charts.tsx';
import { MetricLink, MonthTable, NothingRegistered, SuppressionNote } from '../components/figures.tsx';
import { Table } from '../components/table.tsx';
import { AsOfPicker, MonthPicker, ProfilePicker, ScopePicker } from '../components/pickers.tsx';
import { ButtonLink, ErrorAlert, H2, Loading, P, PageHeading } from '../components/ui.tsx';
import { anySuppressed, catalogueMap, nothingRegistered, scopeText, type Catalogue } from '../data/figures.ts';
import { chartData, flowConclusion, FLOW_IDS, monthlyTable, monthPoints, NORM_IDS, normMonthsConclusion, stockConclusion, STOCK_IDS, type MonthlyTableRow } from '../data/monthly-data.ts';
import { usePageDefaults, type PageDefaults } from '../api/page-defaults.ts';
import { monthlyParamsFrom } from '../data/params.ts';
import { isDay, monthChoices } from '../data/school-year.ts';
import { formatMonth, formatMoment, todayIso } from '../format.ts';
import { labelOf, PROFILE_SHORT } from '../labels.ts';
import { useQueryState } from '../router.tsx';

export default function MonthlyPage({ me }: { me: Me }) {
  const [query] = useQueryState();
  const defaults = usePageDefaults(query, 'to');
  if (defaults === undefined) return <Loading what="De maandcijfers" />;
  return <Monthly me={me} defaults={defaults} />;
}

function Monthly({ me, defaults }: { me: Me; defaults: PageDefaults }) {
  const [query, setQuery] = useQueryState();
  const today = todayIso();
  const params = monthlyParamsFrom(query, today, defaults);
  const report = useQuery(monthlyReportQuery(params));
  const catalogue = useQuery(metricsQuery());
  const months = monthChoices(today);

  return (
    <>
      <PageHeading title="Maandcijfers">Maandcijfers</PageHeading>
      <P lead>Per maand: hoeveel kinderen er aan het eind van de maand thuis zaten, en wat er in de maand gebeurde. Voor het maandelijkse overleg en om verder te rekenen in Excel.</P>
      <div className="pact-pickers" role="group" aria-label="Keuzes voor de maandcijfers">
        <MonthPicker label="Van" value={params.from} months={months} onChange={(from) => setQuery({ from, to: from > params.to ? from : params.to })} />
        <MonthPicker label="Tot en met" value={params.to} months={months} onChange={(to) => setQuery({ to, from: to < params.from ? to : params.from })} />
        <ScopePicker me={me} value={params} onChange={(s) => setQuery({ gemeente: s.gemeente, swv: s.swv })} />
        <ProfilePicker value={params.profile} onChange={(profile) => setQuery({ profile })} />
        <AsOfPicker value={params.asOf ?? ''} onChange={(asOf) => setQuery({ asOf: isDay(asOf) ? asOf : undefined })} />
      </div>
      <div className="pact-actions" role="group" aria-label="Downloaden">
        <ButtonLink href={downloadUrl('reports/monthly', { ...params, format: 'xlsx' })} download>
          Download Excel
        </ButtonLink>
        <ButtonLink href={downloadUrl('reports/monthly', { ...params, format: 'csv' })} download>
          Download CSV
        </ButtonLink>
      </div>
      {report.isPending && <Loading what="De maandcijfers" />}
      {report.error && <ErrorAlert error={report.error} />}
      {catalogue.error && <ErrorAlert error={catalogue.error} />}
      {report.data && catalogue.data && <MonthlyBody report={report.data} catalogue={catalogueMap(catalogue.data)} />}
    </>
  );
}

function MonthlyBody({ report, catalogue }: { report: MonthlyReport; catalogue: Catalogue }) {
  if (report.rows.length === 0) return <P>Deze maanden zijn nog niet begonnen.</P>;
  const stock = monthPoints(report, STOCK_IDS, catalogue);
  const norm = monthPoints(report, NORM_IDS, catalogue);
  const flow = monthPoints(report, FLOW_IDS, catalogue);
  const table = monthlyTable(report, catalogue);
  const range = `${formatMonth(report.rows[0].month)} tot en met ${formatMonth(report.rows.at(-1)!.month)}`;
  const series = (ids: readonly string[]) => ids.map((id) => ({ key: id, label: catalogue.get(id)?.label ?? id }));
  const profile = labelOf(PROFILE_SHORT, report.profile);
  return (
    <>
      <P>
        {scopeText(report.scope)}, {range}, profiel {profile.toLowerCase()}
        {report.asOf ? `, zoals geregistreerd op ${formatMoment(report.asOf)}` : ''}.
      </P>
      <NothingRegistered show={report.rows.every(nothingRegistered)} period={range} />
      <SuppressionNote show={anySuppressed(...report.rows)} k={report.config.suppressionK} />

      <section aria-labelledby="stand" className="pact-section">
        <H2 id="stand">Thuiszitters aan het eind van de maand</H2>
        <ChartFigure id="stand-grafiek" title="Thuiszitters, absoluut en langdurig relatief verzuim" conclusion={stockConclusion(stock, profile)} table={<MonthTable caption="Aantal kinderen aan het eind van elke maand" points={stock} ids={STOCK_IDS} catalogue={catalogue} />}>
          <MonthLines data={chartData(stock)} series={series(STOCK_IDS)} />
        </ChartFigure>
      </section>

      <section aria-labelledby="norm" className="pact-section">
        <H2 id="norm">De norm van {report.config.normMonths} maanden</H2>
        <ChartFigure id="norm-grafiek" title={`Kinderen ${report.config.normMonths - 1} tot ${report.config.normMonths} en langer dan ${report.config.normMonths} maanden thuis zonder passend aanbod`} conclusion={normMonthsConclusion(norm, report.config)} table={<MonthTable caption="Aantal kinderen aan het eind van elke maand" points={norm} ids={NORM_IDS} catalogue={catalogue} />}>
          <MonthLines data={chartData(norm)} series={series(NORM_IDS)} />
        </ChartFigure>
      </section>

      <section aria-labelledby="stromen" className="pact-section">
        <H2 id="stromen">Nieuwe en afgesloten casussen</H2>
        <ChartFigure id="stromen-grafiek" title="Casussen geopend en afgesloten per maand" conclusion={flowConclusion(flow)} table={<MonthTable caption="Aantal casussen per maand" points={flow} ids={FLOW_IDS} catalogue={catalogue} />}>
          <MonthBars data={chartData(flow)} series={series(FLOW_IDS)} />
        </ChartFigure>
      </section>

      <section aria-labelledby="alle-maandcijfers" className="pact-section">
        <H2 id="alle-maandcijfers">Alle cijfers per maand</H2>
        <Table
          label="Alle cijfers per maand (horizontaal scrollen)"
          className="pact-table--wide"
          caption={`Alle cijfers, ${range}`}
          columns={[
            { header: 'Cijfer', cell: (r) => <MetricLink id={r.id}>{r.label}</MetricLink>, className: 'pact-sticky' },
            ...table.months.map((m, i) => ({ header: m.label, cell: (r: MonthlyTableRow) => r.cells[i], numeric: true })),
          ]}
          groups={table.groups}
          rowKey={(r) => r.id}
        />
      </section>
    </>
  );
}
