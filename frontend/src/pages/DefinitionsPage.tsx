// Definities: the metric catalogue, searchable. Every figure elsewhere links here at its id (#norm_overschreden),
// so the page scrolls to and highlights the figure named in the address once the catalogue is loaded.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { downloadUrl } from '../api/client.ts';
import { configQuery, metricsQuery } from '../api/queries.ts';
import { ButtonLink, DataList, ErrorAlert, FormField, H2, Loading, P, PageHeading, Textbox } from '../components/ui.tsx';
import { configRows } from '../data/definitions-data.ts';
import { groupMetrics, resultText, searchMetrics, TYPE_LABELS, UNIT_LABELS } from '../data/definitions-data.ts';
import { useQueryState } from '../router.tsx';

export default function DefinitionsPage() {
  const [query, setQuery] = useQueryState();
  const [search, setSearch] = useState(query.get('zoek') ?? '');
  const catalogue = useQuery(metricsQuery());
  const config = useQuery(configQuery());
  const found = catalogue.data ? searchMetrics(catalogue.data, search) : [];

  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!catalogue.data || !id) return;
    const target = document.getElementById(id);
    target?.scrollIntoView();
    target?.focus({ preventScroll: true });
  }, [catalogue.data]);

  return (
    <>
      <PageHeading title="Definities">Definities van de cijfers</PageHeading>
      <P lead>
        Elk cijfer in Pactmonitor is hier precies omschreven: wat er geteld wordt, op welke dag, en de rekenregel. Zo kan iedereen een cijfer narekenen en weet iedereen over hetzelfde te praten.
      </P>
      <div className="pact-actions">
        <ButtonLink href={downloadUrl('metrics', { format: 'csv' })} download>
          Download alle definities (CSV)
        </ButtonLink>
      </div>
      <section aria-labelledby="regio-instellingen" className="pact-section">
        <H2 id="regio-instellingen">De keuzes van deze regio</H2>
        <P>Elke regio legt een paar rekenregels zelf vast. Deze gelden hier, en elk rapport noemt ze.</P>
        {config.error && <ErrorAlert error={config.error} />}
        {config.data && <DataList rows={configRows(config.data)} />}
      </section>
      <form role="search" className="pact-search" onSubmit={(e) => e.preventDefault()}>
        <FormField label="Zoek een cijfer" description="Op naam, code of een woord uit de definitie, bijvoorbeeld ‘verborgen’ of ‘plan’.">
          {({ id, describedBy }) => (
            <Textbox
              id={id}
              type="search"
              value={search}
              describedBy={describedBy}
              onChange={(v) => {
                setSearch(v);
                setQuery({ zoek: v });
              }}
            />
          )}
        </FormField>
      </form>
      {catalogue.isPending && <Loading what="De definities" />}
      {catalogue.error && <ErrorAlert error={catalogue.error} />}
      {catalogue.data && (
        <>
          <p className="utrecht-paragraph pact-result-count" role="status">
            {resultText(found.length, catalogue.data.length)}
          </p>
          {groupMetrics(found).map((group) => (
            <section key={group.type} aria-labelledby={`groep-${group.type}`} className="pact-section">
              <H2 id={`groep-${group.type}`}>{group.heading}</H2>
              <P className="pact-note">{TYPE_LABELS[group.type]}.</P>
              <ul className="pact-definition-list">
                {group.metrics.map((m) => (
                  <li key={m.id} id={m.id} tabIndex={-1} className="pact-definition">
                    <h3 className="utrecht-heading-3">{m.label}</h3>
                    <p className="utrecht-paragraph">{m.definition}</p>
                    <dl className="pact-definition__facts">
                      <div>
                        <dt>Rekenregel</dt>
                        <dd>{m.formula}</dd>
                      </div>
                      <div>
                        <dt>Eenheid</dt>
                        <dd>{UNIT_LABELS[m.unit]}</dd>
                      </div>
                      {m.target && (
                        <div>
                          <dt>Doel van het pact</dt>
                          <dd>{m.target}</dd>
                        </div>
                      )}
                      <div>
                        <dt>Code</dt>
                        <dd>
                          <code>{m.id}</code>
                        </dd>
                      </div>
                    </dl>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </>
  );
}
