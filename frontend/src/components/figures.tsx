// Tables of figures: every label links to its definition (Definities), suppressed values are explained once.
import { createContext, useContext, type ReactNode } from 'react';
import { definitionHref } from '../data/definitions-data.ts';
import type { FigureRow, RowGroup } from '../data/figures.ts';
import { Link } from '../router.tsx';

/** Printing: charts get a fixed size, no animation; links lose their underline styling. */
export const PrintContext = createContext(false);
export const usePrint = () => useContext(PrintContext);

export function MetricLink({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Link to={definitionHref(id)} className="utrecht-link utrecht-link--html-a pact-metric-link">
      {children}
    </Link>
  );
}

export function TableContainer({ children, label }: { children: ReactNode; label?: string }) {
  // A scrollable region must be reachable by keyboard (WCAG 2.1.1): focusable, with a name.
  return (
    <div className="utrecht-table-container utrecht-table-container--overflow-inline pact-table-scroll" tabIndex={label ? 0 : undefined} role={label ? 'region' : undefined} aria-label={label}>
      {children}
    </div>
  );
}

/** Figures with this year, the previous school year and the change, grouped under subheadings. */
export function FigureTable({ caption, groups, current, previous, showChange = true }: { caption: string; groups: RowGroup[]; current: string; previous?: string; showChange?: boolean }) {
  const columns = 2 + (previous ? 1 : 0) + (previous && showChange ? 1 : 0);
  return (
    <TableContainer>
      <table className="utrecht-table utrecht-table--html-table pact-table">
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              Cijfer
            </th>
            <th scope="col" className="utrecht-table__header-cell utrecht-table__cell--numeric-column">
              {current}
            </th>
            {previous && (
              <th scope="col" className="utrecht-table__header-cell utrecht-table__cell--numeric-column">
                {previous}
              </th>
            )}
            {previous && showChange && (
              <th scope="col" className="utrecht-table__header-cell utrecht-table__cell--numeric-column">
                Verschil
              </th>
            )}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody className="utrecht-table__body" key={group.heading}>
            {groups.length > 1 && (
              <tr className="utrecht-table__row pact-group-row">
                <th scope="colgroup" colSpan={columns} className="utrecht-table__header-cell">
                  {group.heading}
                </th>
              </tr>
            )}
            {group.rows.map((row) => (
              <FigureTableRow key={row.id} row={row} previous={!!previous} showChange={showChange} />
            ))}
          </tbody>
        ))}
      </table>
    </TableContainer>
  );
}

function FigureTableRow({ row, previous, showChange }: { row: FigureRow; previous: boolean; showChange: boolean }) {
  return (
    <tr className={`utrecht-table__row${row.id === 'norm_overschreden' ? ' pact-target-row' : ''}`}>
      <th scope="row" className="utrecht-table__header-cell pact-row-label">
        <MetricLink id={row.id}>{row.label}</MetricLink>
      </th>
      <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{row.text}</td>
      {previous && <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{row.previousText}</td>}
      {previous && showChange && <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{row.changeText}</td>}
    </tr>
  );
}

export const SUPPRESSION_NOTE = '<5: een aantal van 1 tot 4 (of een aandeel daarvan), niet getoond om kinderen te beschermen. ×: niet getoond omdat anders een klein aantal uit de andere cijfers te berekenen is. –: geen waarde (bijvoorbeeld een aandeel zonder kinderen om over te rekenen).';

export function SuppressionNote({ show }: { show: boolean }) {
  if (!show) return null;
  return <p className="utrecht-paragraph pact-note">{SUPPRESSION_NOTE}</p>;
}
