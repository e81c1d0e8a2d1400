// The year report as a printable HTML page (Dutch, A4): what the PDF export prints until the dashboard's print
// page exists. Same figures and the same suppression marks as the CSV and xlsx exports (reports/tables.ts).
import { METRICS, type MetricDefinition } from '@pact/projections';
import type { PresentedYearReport } from '../reports/present.ts';
import { figureCell, SUPPRESSION_NOTE, type Cell } from '../reports/tables.ts';
import { formatCount, formatDay, formatMoment, formatShare } from './format.ts';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function show(cell: Cell): string {
  if (typeof cell === 'string') return escape(cell);
  if ('date' in cell) return escape(formatDay(cell.date));
  return escape(cell.share ? formatShare(cell.number) : formatCount(cell.number));
}

const CSS = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; color: #1a1a1a; margin: 0; }
h1 { font-size: 17pt; margin: 0 0 2mm; color: #00457d; }
h2 { font-size: 12pt; margin: 7mm 0 2mm; color: #00457d; break-after: avoid; }
p.lead { margin: 0 0 4mm; color: #444; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 5mm; margin: 0 0 4mm; padding: 3mm 4mm; background: #f1f5f9; border-left: 3px solid #00457d; }
dl.meta dt { font-weight: bold; } dl.meta dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin-bottom: 3mm; }
caption { text-align: left; font-weight: bold; padding: 1mm 0; }
th, td { padding: 1.4mm 2mm; border-bottom: 0.3mm solid #cbd5e1; vertical-align: top; }
thead th { background: #00457d; color: #fff; text-align: left; }
tbody th { text-align: left; font-weight: normal; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; }
tr.target td { font-weight: bold; }
.note { font-size: 8pt; color: #555; }
dl.definitions dt { font-weight: bold; margin-top: 2mm; break-after: avoid; }
dl.definitions dd { margin: 0 0 0 4mm; }
`;

function figureTable(caption: string, metrics: readonly MetricDefinition[], report: PresentedYearReport): string {
  const previous = report.previous;
  const rows = metrics
    .map(
      (m) =>
        `<tr${m.id === 'norm_overschreden' ? ' class="target"' : ''}><th scope="row">${escape(m.label)}</th><td class="num">${show(figureCell(m.id, report))}</td>${
          previous ? `<td class="num">${show(figureCell(m.id, previous))}</td>` : ''
        }</tr>`,
    )
    .join('\n');
  return `<table>
<caption>${escape(caption)}</caption>
<thead><tr><th scope="col">Cijfer</th><th scope="col" class="num">${escape(report.period.label)}</th>${previous ? `<th scope="col" class="num">${escape(previous.period.label)}</th>` : ''}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

export function yearReportHtml(report: PresentedYearReport, generatedAt: Date): string {
  const scope = [report.scope.gemeente ? `gemeente ${report.scope.gemeente}` : '', report.scope.swv ? `samenwerkingsverband ${report.scope.swv}` : ''].filter(Boolean).join(', ') || 'hele regio';
  const meta: [string, string][] = [
    ['Schooljaar', `${report.period.label}: ${formatDay(report.period.start)} t/m ${formatDay(report.period.end)}`],
    ['Stand op', formatDay(report.period.stockOn)],
    ['Profiel', report.profile],
    ['Bereik', scope],
    ['Stand van registratie', report.asOf ? formatMoment(new Date(report.asOf)) : 'actueel'],
    ['Gemaakt op', formatMoment(generatedAt)],
  ];
  const stock = METRICS.filter((m) => m.type === 'stock');
  const period = METRICS.filter((m) => m.type === 'period');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Jaarrapportage thuiszitterspact ${escape(report.period.label)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>Jaarrapportage thuiszitterspact ${escape(report.period.label)}</h1>
<p class="lead">Voor het op overeenstemming gericht overleg (OOGO). Elk cijfer is gedefinieerd onder "Definities" achteraan.</p>
<dl class="meta">${meta.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join('')}</dl>
${report.suppressed.length > 0 ? `<p class="note">${escape(SUPPRESSION_NOTE)}.</p>` : ''}
<h2>Stand op de peildatum</h2>
${figureTable(`Stand op ${formatDay(report.period.stockOn)}`, stock, report)}
<h2>Over het schooljaar</h2>
${figureTable(`Periodecijfers ${report.period.label}`, period, report)}
<h2>Definities</h2>
<dl class="definitions">${METRICS.map((m) => `<dt>${escape(m.label)} <span class="note">(${escape(m.id)})</span></dt><dd>${escape(m.definition)}</dd>`).join('\n')}</dl>
</main>
</body>
</html>`;
}
