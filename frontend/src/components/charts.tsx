// Charts (recharts 3) that everyone can read: a colour-blind-safe palette (Okabe-Ito, dark enough for 3:1 on
// white) with a distinct dash and marker per series, values written on bars, no animation, a one-sentence
// conclusion above and an equivalent table below. The SVG is one image with that sentence as its name; the
// table carries the numbers for keyboard and screen-reader users.
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, LineChart, XAxis, YAxis, type DotItemDotProps, type LegendPayload } from 'recharts';
import { formatCount, formatShare } from '../format.ts';
import { usePrint } from './figures.tsx';

export const PALETTE = ['#0072B2', '#D55E00', '#1a1a1a', '#007A5A', '#A23E7E'] as const;
export const DASHES = ['0', '6 3', '2 3', '10 4 2 4', '1 0'] as const;
const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross'] as const;
const AXIS_TICK = { fill: '#1a1a1a', fontSize: 13 };
/** Printed (fixed width), all twelve months fit; on screen recharts thins them out to what the width allows. */
const monthInterval = (print: boolean) => (print ? 0 : 'preserveStartEnd');

export function ChartFigure({ id, title, conclusion, children, table }: { id: string; title: string; conclusion: string; children: ReactNode; table: ReactNode }) {
  return (
    <figure className="pact-figure" aria-labelledby={`${id}-titel`}>
      <h3 className="utrecht-heading-3" id={`${id}-titel`}>
        {title}
      </h3>
      <p className="utrecht-paragraph pact-conclusion" id={`${id}-conclusie`}>
        {conclusion}
      </p>
      <div className="pact-chart" role="img" aria-label={`Grafiek: ${title}. ${conclusion} De cijfers staan in de tabel hieronder.`}>
        {children}
      </div>
      {table}
    </figure>
  );
}

/** Chart size: responsive on screen, fixed for print (A4 content width). */
function useSize(aspect: number) {
  const print = usePrint();
  return print
    ? { print, width: 660, height: Math.round(660 / aspect), responsive: false, style: undefined }
    : { print, width: undefined, height: undefined, responsive: true, style: { width: '100%', maxWidth: 820, aspectRatio: aspect } };
}

function Marker({ cx, cy, index, color }: { cx?: number; cy?: number; index: number; color: string }) {
  if (cx === undefined || cy === undefined || Number.isNaN(cx) || Number.isNaN(cy)) return null;
  const kind = MARKERS[index % MARKERS.length];
  const s = 4.5;
  switch (kind) {
    case 'square':
      return <rect x={cx - s} y={cy - s} width={s * 2} height={s * 2} fill={color} />;
    case 'triangle':
      return <path d={`M${cx},${cy - s - 1} L${cx + s + 1},${cy + s} L${cx - s - 1},${cy + s} Z`} fill={color} />;
    case 'diamond':
      return <path d={`M${cx},${cy - s - 1} L${cx + s + 1},${cy} L${cx},${cy + s + 1} L${cx - s - 1},${cy} Z`} fill={color} />;
    case 'cross':
      return <path d={`M${cx - s},${cy - s} L${cx + s},${cy + s} M${cx + s},${cy - s} L${cx - s},${cy + s}`} stroke={color} strokeWidth={2} />;
    default:
      return <circle cx={cx} cy={cy} r={s} fill={color} />;
  }
}

/** The legend in the order of the series (recharts sorts by label unless told otherwise). */
const inOrder = (series: { key: string }[]) => (item: LegendPayload) => series.findIndex((s) => s.key === item.dataKey);

export interface LineSeries {
  key: string;
  label: string;
}

/** Lines over months; a month without a value (suppressed) is a gap. */
export function MonthLines({ data, series, xKey = 'short', share = false }: { data: Record<string, unknown>[]; series: LineSeries[]; xKey?: string; share?: boolean }) {
  const size = useSize(2.4);
  const tick = share ? (v: number) => formatShare(v) : (v: number) => formatCount(v);
  return (
    <LineChart data={data} width={size.width} height={size.height} responsive={size.responsive} style={size.style} margin={{ top: 12, right: 24, bottom: 4, left: 4 }} accessibilityLayer={false}>
      <CartesianGrid stroke="#d0d7de" strokeDasharray="2 4" />
      <XAxis dataKey={xKey} tick={AXIS_TICK} interval={monthInterval(size.print)} />
      <YAxis tickFormatter={tick} tick={AXIS_TICK} allowDecimals={false} width={share ? 56 : 48} domain={share ? [0, 1] : [0, 'auto']} />
      <Legend wrapperStyle={{ fontSize: 14, color: '#1a1a1a' }} itemSorter={inOrder(series)} />
      {series.map((s, i) => (
        <Line
          key={s.key}
          type="linear"
          dataKey={s.key}
          name={s.label}
          stroke={PALETTE[i % PALETTE.length]}
          strokeWidth={2.5}
          strokeDasharray={DASHES[i % DASHES.length]}
          dot={(props: DotItemDotProps) => <Marker key={`${s.key}-${props.index}`} cx={props.cx} cy={props.cy} index={i} color={PALETTE[i % PALETTE.length]} />}
          legendType={MARKERS[i % MARKERS.length]}
          isAnimationActive={false}
          connectNulls={false}
        />
      ))}
    </LineChart>
  );
}

export interface BarSeries {
  key: string;
  label: string;
}

/**
 * Bars per category (vertical layout: categories as rows, so long Dutch labels stay readable). Each bar is labelled
 * with the text of its value (`<key>Text`, as the table shows it): a suppressed value, drawn at 0, says "<5".
 */
export function CategoryBars({ data, series, categoryKey = 'label' }: { data: Record<string, unknown>[]; series: BarSeries[]; categoryKey?: string }) {
  const print = usePrint();
  const rowHeight = series.length > 1 ? 56 : 40;
  const height = Math.max(120, data.length * rowHeight + 60);
  const size = print ? { width: 660, height, responsive: false, style: undefined } : { width: undefined, height, responsive: true, style: { width: '100%', maxWidth: 820, height } };
  return (
    <BarChart data={data} layout="vertical" width={size.width} height={size.height} responsive={size.responsive} style={size.style} margin={{ top: 4, right: 56, bottom: 4, left: 8 }} accessibilityLayer={false}>
      <defs>
        <pattern id="pact-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#0072B2" strokeWidth="3" />
        </pattern>
      </defs>
      <CartesianGrid stroke="#d0d7de" strokeDasharray="2 4" horizontal={false} />
      <XAxis type="number" tickFormatter={(v: number) => formatCount(v)} tick={AXIS_TICK} allowDecimals={false} />
      <YAxis type="category" dataKey={categoryKey} width={190} tick={AXIS_TICK} interval={0} />
      {series.length > 1 && <Legend wrapperStyle={{ fontSize: 14, color: '#1a1a1a' }} itemSorter={inOrder(series)} />}
      {series.map((s, i) => (
        <Bar key={s.key} dataKey={s.key} name={s.label} fill={i === 0 ? PALETTE[0] : 'url(#pact-hatch)'} stroke={PALETTE[0]} strokeWidth={1} isAnimationActive={false} barSize={series.length > 1 ? 18 : 24} minPointSize={2}>
          <LabelList dataKey={`${s.key}Text`} position="right" fill="#1a1a1a" fontSize={13} />
        </Bar>
      ))}
    </BarChart>
  );
}

/** Bars per month, side by side per series (in and out). */
export function MonthBars({ data, series, xKey = 'short' }: { data: Record<string, unknown>[]; series: BarSeries[]; xKey?: string }) {
  const size = useSize(2.6);
  return (
    <BarChart data={data} width={size.width} height={size.height} responsive={size.responsive} style={size.style} margin={{ top: 12, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
      <defs>
        <pattern id="pact-hatch-2" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#D55E00" strokeWidth="3" />
        </pattern>
      </defs>
      <CartesianGrid stroke="#d0d7de" strokeDasharray="2 4" vertical={false} />
      <XAxis dataKey={xKey} tick={AXIS_TICK} interval={monthInterval(size.print)} />
      <YAxis tickFormatter={(v: number) => formatCount(v)} tick={AXIS_TICK} allowDecimals={false} width={48} />
      <Legend wrapperStyle={{ fontSize: 14, color: '#1a1a1a' }} itemSorter={inOrder(series)} />
      {series.map((s, i) => (
        <Bar key={s.key} dataKey={s.key} name={s.label} fill={i === 0 ? PALETTE[0] : 'url(#pact-hatch-2)'} stroke={PALETTE[i % PALETTE.length]} strokeWidth={1} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}

/** A tiny trend line for a card (decorative: the card says the same in words). */
export function Sparkline({ data, share }: { data: { label: string; value: number | null }[]; share?: boolean }) {
  const print = usePrint();
  return (
    <div aria-hidden="true" className="pact-sparkline">
      <LineChart data={data} width={print ? 240 : undefined} height={56} responsive={!print} style={print ? undefined : { width: '100%', height: 56 }} margin={{ top: 6, right: 6, bottom: 6, left: 6 }} accessibilityLayer={false}>
        <YAxis hide domain={share ? [0, 1] : [0, 'auto']} />
        <Line type="linear" dataKey="value" stroke={PALETTE[0]} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
      </LineChart>
    </div>
  );
}
