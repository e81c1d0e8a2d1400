// Pactbeloften, for the gemeenteraad: each promise of the pact as a card with its target, the value now, the
// trend and whether it is kept. Aggregates only: small numbers are suppressed by the API, no case ids anywhere.
import { useQuery } from '@tanstack/react-query';
import type { Me } from '../api/client.ts';
import { metricsQuery, monthlyReportQuery, yearReportQuery } from '../api/queries.ts';
import { Sparkline } from '../components/charts.tsx';
import { MetricLink, NothingRegistered, SuppressionNote } from '../components/figures.tsx';
import { Table } from '../components/table.tsx';
import { ScopePicker, YearPicker } from '../components/pickers.tsx';
import { ErrorAlert, H2, Loading, P, PageHeading, StatusBadge } from '../components/ui.tsx';
import { catalogueMap, nothingRegistered, scopeText } from '../data/figures.ts';
import { monthPoints } from '../data/monthly-data.ts';
import { usePageDefaults, type PageDefaults } from '../api/page-defaults.ts';
import { defaultRunningYear, scopeFrom } from '../data/params.ts';
import { cardsSuppress, PROMISE_TREND_IDS, promiseCards, STATUS_TEXT, type PromiseCard, type PromiseStatus } from '../data/promises-data.ts';
import { isSchoolYear, schoolYearChoices, schoolYearLabel, schoolYearMonths, schoolYearOf } from '../data/school-year.ts';
import { todayIso } from '../format.ts';
import { labelOf, PROFILE_LABELS } from '../labels.ts';
import { useQueryState } from '../router.tsx';

const BADGE: Record<PromiseStatus, 'safe' | 'danger' | 'neutral'> = { gehaald: 'safe', tot_nu_toe_gehaald: 'safe', niet_gehaald: 'danger', nog_open: 'neutral', geen: 'neutral' };
const SYMBOL: Record<PromiseStatus, string> = { gehaald: '✓', tot_nu_toe_gehaald: '✓', niet_gehaald: '✗', nog_open: '…', geen: '–' };

export default function PromisesPage({ me }: { me: Me }) {
  const [query] = useQueryState();
  const defaults = usePageDefaults(query, 'year');
  if (defaults === undefined) return <Loading what="De pactbeloften" />;
  return <Promises me={me} defaults={defaults} />;
}

function Promises({ me, defaults }: { me: Me; defaults: PageDefaults }) {
  const [query, setQuery] = useQueryState();
  const today = todayIso();
  const year = isSchoolYear(query.get('year')) ? query.get('year')! : defaultRunningYear(today, defaults.last);
  const scope = scopeFrom(query);
  const profile = defaults.defaultProfile;
  const report = useQuery(yearReportQuery({ year, profile, ...scope }));
  const monthly = useQuery(monthlyReportQuery({ ...schoolYearMonths(year), profile, ...scope }));
  const catalogue = useQuery(metricsQuery());
  const running = year === schoolYearOf(today);

  return (
    <>
      <PageHeading title="Pactbeloften">Houden we ons aan het thuiszitterspact?</PageHeading>
      <P lead>
        De afspraken van het pact, met wat er van terechtkomt. {running ? 'Het schooljaar loopt nog: de cijfers gaan tot vandaag.' : `Over het schooljaar ${schoolYearLabel(year)}.`} Alle cijfers zijn van kinderen, nooit over één kind.
      </P>
      <div className="pact-pickers" role="group" aria-label="Keuzes voor de pactbeloften">
        <YearPicker value={year} years={schoolYearChoices(today)} onChange={(y) => setQuery({ year: y })} />
        <ScopePicker me={me} value={scope} onChange={(s) => setQuery({ gemeente: s.gemeente, swv: s.swv })} />
      </div>
      {report.isPending && <Loading what="De pactbeloften" />}
      {report.error && <ErrorAlert error={report.error} />}
      {report.data && catalogue.data && (
        <>
          <P>
            {scopeText(report.data.scope)}, profiel {labelOf(PROFILE_LABELS, report.data.profile).toLowerCase()}.
          </P>
          <NothingRegistered show={nothingRegistered(report.data)} period={`het schooljaar ${schoolYearLabel(year)}${running ? ' tot nu toe' : ''}`} />
          <Cards cards={promiseCards(report.data, monthPoints(monthly.data, PROMISE_TREND_IDS, catalogueMap(catalogue.data)))} k={report.data.config.suppressionK} />
        </>
      )}
    </>
  );
}

function Cards({ cards, k }: { cards: PromiseCard[]; k: number }) {
  return (
    <>
      <SuppressionNote show={cardsSuppress(cards, k)} k={k} />
      <ul className="pact-cards">
        {cards.map((card) => (
          <PromiseCardView key={card.id} card={card} />
        ))}
      </ul>
    </>
  );
}

function PromiseCardView({ card }: { card: PromiseCard }) {
  const headingId = `belofte-${card.id}`;
  return (
    <li className={`pact-card pact-card--${card.status}`}>
      <H2 id={headingId}>{card.promise}</H2>
      <p className="pact-card__status">
        <StatusBadge status={BADGE[card.status]}>
          <span aria-hidden="true">{SYMBOL[card.status]} </span>
          {STATUS_TEXT[card.status]}
        </StatusBadge>
      </p>
      <p className="pact-card__value">
        <span className="pact-card__number">{card.valueText}</span> <span className="pact-card__note">{card.valueNote}</span>
      </p>
      <p className="utrecht-paragraph">
        Doel: <strong>{card.target}</strong>. {card.explanation}
      </p>
      <p className="utrecht-paragraph pact-card__trend">{card.trendText}</p>
      {card.trend.length > 1 && (
        <>
          <Sparkline data={card.trend} share={card.id.endsWith('_aandeel')} />
          <details className="pact-details">
            <summary>Verloop per maand</summary>
            <Table
              caption={`${card.promise}: per maand`}
              columns={[
                { header: 'Maand', cell: (t) => t.label },
                { header: 'Waarde', cell: (t) => t.text, numeric: true },
              ]}
              groups={[{ rows: card.trend }]}
              rowKey={(t) => t.label}
            />
          </details>
        </>
      )}
      <p className="utrecht-paragraph pact-card__definition">
        <MetricLink id={card.id}>Hoe dit cijfer is bepaald</MetricLink>
      </p>
    </li>
  );
}
