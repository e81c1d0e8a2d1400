// Excel workbooks (exceljs, pinned exactly; the only module that touches it): a sheet with the header block
// and the table with typed cells (numbers as numbers, shares as percentages of 0..1, dates as dates), and a
// "Definities" sheet with every metric's definition.
import ExcelJS from 'exceljs';
import { DEFINITION_HEAD, definitionRows } from '../reports/metrics-csv.ts';
import type { Cell, ExportTable } from '../reports/tables.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function setCell(target: ExcelJS.Cell, cell: Cell) {
  if (typeof cell === 'string') {
    target.value = cell;
  } else if ('date' in cell) {
    target.value = new Date(`${cell.date}T00:00:00Z`);
    target.numFmt = 'dd-mm-yyyy';
  } else {
    target.value = cell.number;
    target.numFmt = cell.share ? '0.0%' : '0';
  }
}

/** A workbook with one sheet for `table` (named `sheetName`), one per `more` table, and the "Definities" sheet. */
export async function tableXlsx(table: ExportTable, sheetName: string, generatedAt: Date, more: { table: ExportTable; sheetName: string }[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pactmonitor';
  workbook.created = generatedAt;
  for (const sheet of [{ table, sheetName }, ...more]) addTableSheet(workbook, sheet.table, sheet.sheetName);
  const definitions = workbook.addWorksheet('Definities');
  definitions.addRow(DEFINITION_HEAD).font = { bold: true };
  for (const row of definitionRows(table.config)) definitions.addRow(row).alignment = { wrapText: true, vertical: 'top' };
  definitions.columns.forEach((column, i) => (column.width = [28, 36, 10, 12, 80, 60][i] ?? 20));
  definitions.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addTableSheet(workbook: ExcelJS.Workbook, table: ExportTable, sheetName: string) {
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(['Pactmonitor', table.title]).font = { bold: true, size: 13 };
  for (const [label, value] of table.meta) sheet.addRow([label, value]).getCell(1).font = { bold: true };
  sheet.addRow([]);
  for (const head of table.head) sheet.addRow(head).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: sheet.rowCount, xSplit: 0 }];
  for (const cells of table.rows) {
    const row = sheet.addRow([]);
    cells.forEach((cell, i) => setCell(row.getCell(i + 1), cell));
  }
  const columns = Math.max(...table.head.map((h) => h.length));
  for (let i = 1; i <= columns; i++) sheet.getColumn(i).width = i <= 2 ? 28 : 14;
}
