// Tables of figures: every label links to its definition (Definities), suppressed values are explained once.
import { createContext, useContext, type ReactNode } from 'react';
import { definitionHref } from '../data/definitions-data.ts';
import type { Catalogue, FigureRow, RowGroup } from '../data/figures.ts';
import type { MonthPoint } from '../data/monthly-data.ts';
import { Link } from '../router.tsx';
import { Table, type Column } from './table.tsx';
import { Alert } from './ui.tsx';
import { suppressedText } from '../format.ts';

/** Printing: charts get a fixed size, no animation; figure names are plain text. */
export const PrintContext = createContext(false);
export const usePrint = () => useContext(PrintContext);

/** A figure's name, linked to its definition; printed as plain text (the definitions are at the back). */
export function MetricLink({ id, children }: { id: string; children: ReactNode }) {
  if (usePrint()) return <>{children}</>;
  return (
    <Link to={definitionHref(id)} className="utrecht-link utrecht-link--html-a pact-metric-link">
      {children}
    </Link>
  );
}

/** Figures with this year, the previous school year and the change, grouped under subheadings. */
export function FigureTable({ caption, groups, current, previous }: { caption: string; groups: RowGroup[]; current: string; previous?: string }) {
  const columns: Column<FigureRow>[] = [
    { header: 'Cijfer', cell: (r) => <MetricLink id={r.id}>{r.label}</MetricLink> },
    { header: current, cell: (r) => r.text, numeric: true },
    ...(previous
      ? [
          { header: previous, cell: (r: FigureRow) => r.previousText, numeric: true },
          { header: 'Verschil', cell: (r: FigureRow) => r.changeText, numeric: true },
        ]
      : []),
  ];
  return (
    <Table
      caption={caption}
      columns={columns}
      groups={groups.map((g) => ({ heading: groups.length > 1 ? g.heading : undefined, rows: g.rows }))}
      rowKey={(r) => r.id}
      rowClassName={(r) => (r.id === 'norm_overschreden' ? 'pact-target-row' : undefined)}
    />
  );
}

/** The table behind a chart over months: a row per month, a column per figure (its header links to the definition). */
export function MonthTable({ caption, points, ids, catalogue }: { caption: string; points: MonthPoint[]; ids: readonly string[]; catalogue: Catalogue }) {
  const columns: Column<MonthPoint>[] = [
    { header: 'Maand', cell: (p) => p.label },
    ...ids.map((id) => ({ header: <MetricLink id={id}>{catalogue.get(id)?.label ?? id}</MetricLink>, cell: (p: MonthPoint) => p.texts[id], numeric: true })),
  ];
  // two figures by 12 months can be wider than a phone or an A4 page: a named region the keyboard can scroll
  return <Table caption={caption} label={caption} columns={columns} groups={[{ rows: points }]} rowKey={(p) => p.month} />;
}

/** What "<k", "×" and "–" mean (k: the region's suppressionK). */
export const suppressionNote = (k: number) =>
  `${suppressedText(k)}: een aantal van 1 tot en met ${k - 1} (of een aandeel daarvan), niet getoond om kinderen te beschermen. ×: niet getoond omdat anders een klein aantal uit de andere cijfers te berekenen is. –: geen waarde (bijvoorbeeld een aandeel zonder kinderen om over te rekenen).`;

export function SuppressionNote({ show, k }: { show: boolean; k: number }) {
  if (!show) return null;
  return <p className="utrecht-paragraph pact-note">{suppressionNote(k)}</p>;
}

/** Said above figures of a period in which nothing was registered, so empty figures do not look broken. */
export function NothingRegistered({ show, period }: { show: boolean; period: string }) {
  if (!show) return null;
  return (
    <Alert type="info">
      <p className="utrecht-paragraph">
        In {period} is niets geregistreerd: geen casus geopend of gesloten, geen overleg. De standcijfers tellen de casussen die toen nog open stonden. Kies een andere periode, of controleer of de registraties van deze periode zijn ingelezen.
      </p>
    </Alert>
  );
}
