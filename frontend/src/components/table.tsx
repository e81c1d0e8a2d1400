// One table for every list of figures: a caption, column headers, optionally groups of rows under a subheading,
// and the first column as the row's header (so a screen reader names each value by its row and column).
import type { ReactNode } from 'react';

/** Holds a table that may be wider than the page; a scrolling one is a named region reachable by keyboard (WCAG 2.1.1). */
export function TableContainer({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <div className="utrecht-table-container utrecht-table-container--overflow-inline pact-table-scroll" tabIndex={label ? 0 : undefined} role={label ? 'region' : undefined} aria-label={label}>
      {children}
    </div>
  );
}

export interface Column<R> {
  header: ReactNode;
  cell: (row: R) => ReactNode;
  numeric?: boolean;
  /** A sortable column says how it is sorted now. */
  sort?: 'ascending' | 'descending';
  className?: string;
}

export interface RowsGroup<R> {
  heading?: string;
  rows: R[];
}

export function Table<R>({
  caption,
  columns,
  groups,
  rowKey,
  label,
  className,
  rowClassName,
}: {
  caption: ReactNode;
  columns: Column<R>[];
  groups: RowsGroup<R>[];
  rowKey: (row: R) => string;
  /** A wide table scrolls: it then needs a name, as a region reachable by keyboard. */
  label?: string;
  className?: string;
  rowClassName?: (row: R) => string | undefined;
}) {
  const numeric = (c: Column<R>, kind: 'column' | 'data') => (c.numeric ? ` utrecht-table__cell--numeric-${kind}` : '') + (c.className ? ` ${c.className}` : '');
  const [first, ...rest] = columns;
  return (
    <TableContainer label={label}>
      <table className={`utrecht-table utrecht-table--html-table pact-table${className ? ` ${className}` : ''}`}>
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((c, i) => (
              <th scope="col" className={`utrecht-table__header-cell${numeric(c, 'column')}`} aria-sort={c.sort} key={i}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((group, g) => (
          <tbody className="utrecht-table__body" key={group.heading ?? g}>
            {group.heading && (
              <tr className="utrecht-table__row pact-group-row">
                <th scope="colgroup" colSpan={columns.length} className="utrecht-table__header-cell">
                  {group.heading}
                </th>
              </tr>
            )}
            {group.rows.map((row) => (
              <tr className={`utrecht-table__row${rowClassName?.(row) ? ` ${rowClassName(row)}` : ''}`} key={rowKey(row)}>
                <th scope="row" className={`utrecht-table__header-cell pact-row-label${numeric(first, 'data')}`}>
                  {first.cell(row)}
                </th>
                {rest.map((c, i) => (
                  <td className={`utrecht-table__cell${numeric(c, 'data')}`} key={i}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </TableContainer>
  );
}
