// Reports as Dutch-Excel CSV: UTF-8 with BOM, `;` separated, decimal comma, CRLF; suppressed cells `<5` (or `×`),
// shares without a denominator `–`; every text cell neutralised against formula injection.
import { formatCsv, neutraliseFormula } from '../csv.ts';
import type { Cell, ExportTable } from './tables.ts';

const BOM = '\uFEFF';

/** A cell as CSV text: counts plain, shares with 4 decimals and a decimal comma, dates ISO. */
export function csvCell(cell: Cell): string {
  if (typeof cell === 'string') return cell;
  if ('date' in cell) return cell.date;
  return cell.share ? cell.number.toFixed(4).replace('.', ',') : String(cell.number);
}

/** Rows of text as a Dutch-Excel CSV document. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return BOM + formatCsv(rows.map((r) => r.map(neutraliseFormula)), ';');
}

export function tableCsv(table: ExportTable): string {
  return csvDocument([['Pactmonitor', table.title], ...table.meta, [], ...table.head, ...table.rows.map((r) => r.map(csvCell))]);
}
