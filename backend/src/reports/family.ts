// Suppression of a publication's linked tables together (README, "Publications and differencing"). A public role
// (bestuur, raad) can ask for every table of a publication: per profile, each school year and each of its months.
// Those tables are linked by exact relations, and a cell hidden in one table must not be recomputable from any
// others, so all cells are suppressed as one system (./suppression.ts `protect`), with these relations:
// - within a table: ADDITIVE_RELATIONS (a total and its parts);
// - a year and its months: a count of cases or events of a period (unit `casussen`, type `period`) is the sum of
//   its months (a happening lies on one day); a stock figure (type `stock`) of the year is that of the month with
//   the same stock day; a figure taken on the period's first day (id ending in `_begin`) is that of its first month;
// - profiles: a figure with the same value in several profiles is treated as one cell (profile-independent figures
//   are), and PROFILE_SUMS hold across profiles;
// - publications: a count that changed by 1 to k − 1 since a publication before it (whose cell was shown) is hidden, or
//   the difference would count the few children registered in between.
// - breakdowns (interface.md "Breakdowns"): each cell is a cell of the table (`<dimension>/<cell>/<metric id>`); the
//   cells of a partitioning dimension sum to their figure, and the other relations hold for a cell as for its figure.
// Everything is found through the catalogue (`metricById`: unit, type) and the ids present, so new figures join
// the relations by their kind; a relation that names a figure not in the tables is left out.
import { DIMENSIONS, metricById, PROFILES, type Breakdowns, type Dimension, type Verdict } from '@pact/projections';
import { ADDITIVE_RELATIONS, countsPeople, hideIn, isSmall, primaryCells, protect, smallBounds, type Bounds, type CellRelation } from './suppression.ts';

/** One table's figures as computed, before suppression. */
export interface RawTable {
  metrics: Record<string, number | null>;
  parts: Record<string, { numerator: number; denominator: number }>;
  /** The catalogue's verdict of a figure against its target; a suppressed figure's verdict is left out. */
  verdicts: Record<string, Verdict>;
  breakdowns?: Breakdowns;
}

export interface RawYear {
  period: { label: string; start: string; end: string; stockOn: string };
  year: RawTable;
  months: (RawTable & { month: string; start: string; stockOn: string })[];
}

/** The tables of one publication: per profile, per school year. */
export type RawFamily = Record<string, Record<string, RawYear>>;

/** A breakdown as published: per cell, per figure; `suppressed`/`complementary` name `<cell>/<metric id>`. */
export interface PublishedCells {
  cells: Record<string, Record<string, number | null>>;
  suppressed: string[];
  complementary: string[];
}

export interface PublishedTable {
  metrics: Record<string, number | null>;
  verdicts: Record<string, Verdict>;
  suppressed: string[];
  complementary: string[];
  breakdowns?: Partial<Record<Dimension, PublishedCells>>;
}

export interface PublishedYear {
  period: RawYear['period'];
  year: PublishedTable;
  months: (PublishedTable & { month: string; stockOn: string })[];
}

export type PublishedFamily = Record<string, Record<string, PublishedYear>>;

/** Exact sums across profiles: who is counted by leerrecht is counted by officieel or is verborgen (not both). */
export const PROFILE_SUMS: readonly { total: [string, string]; parts: [string, string][] }[] = [
  { total: ['thuiszitters', 'leerrecht'], parts: [['thuiszitters', 'officieel'], ['verborgen', 'officieel']] },
  { total: ['thuiszitters_totaal', 'leerrecht'], parts: [['thuiszitters_totaal', 'officieel'], ['verborgen_totaal', 'officieel']] },
];

const key = (profile: string, period: string, id: string) => `${profile}|${period}|${id}`;
/** A breakdown cell's id within its table. */
const cellId = (by: string, cell: string, id: string) => `${by}/${cell}/${id}`;
/** The figure a table id is of (a breakdown cell: its metric). */
const figureOf = (tableId: string) => tableId.slice(tableId.lastIndexOf('/') + 1);

/** A table's values: its figures, then every breakdown cell under its `cellId`. */
function valuesOf(table: RawTable): [string, number | null][] {
  const cells = Object.entries(table.breakdowns ?? {}).flatMap(([by, cells]) =>
    Object.entries(cells).flatMap(([cell, figures]) => Object.entries(figures).map(([id, n]): [string, number] => [cellId(by, cell, id), n])),
  );
  return [...Object.entries(table.metrics), ...cells];
}

/** Within a table: a partitioning dimension's cells of a figure add up to the figure. */
function breakdownSums(breakdowns: Breakdowns): { total: string; parts: string[] }[] {
  return Object.entries(breakdowns)
    .filter(([by]) => DIMENSIONS[by as Dimension].partition)
    .flatMap(([by, cells]) => {
      const ids = Object.keys(Object.values(cells)[0] ?? {});
      return ids.map((id) => ({ total: id, parts: Object.keys(cells).map((cell) => cellId(by, cell, id)) }));
    });
}

/** The relations among the cells of a family (see the top of this file). */
export function familyRelations(family: RawFamily): CellRelation[] {
  const relations: CellRelation[] = [];
  const tables: { profile: string; period: string; table: RawTable }[] = [];
  for (const [profile, years] of Object.entries(family)) {
    for (const [label, y] of Object.entries(years)) {
      tables.push({ profile, period: label, table: y.year }, ...y.months.map((m) => ({ profile, period: m.month, table: m })));
      for (const [id] of valuesOf(y.year)) {
        const m = metricById.get(figureOf(id));
        if (!m || !countsPeople(m.id)) continue;
        const at = (month: string) => key(profile, month, id);
        if (m.type === 'period' && m.unit === 'casussen' && y.months.length > 0) relations.push({ total: key(profile, label, id), parts: y.months.map((x) => at(x.month)) });
        if (m.type === 'stock') {
          const same = y.months.find((x) => x.stockOn === y.period.stockOn);
          if (same) relations.push({ total: key(profile, label, id), parts: [at(same.month)] });
        }
        if (id.endsWith('_begin') && y.months[0]?.start === y.period.start) relations.push({ total: key(profile, label, id), parts: [at(y.months[0].month)] });
      }
    }
  }
  for (const { profile, period, table } of tables) {
    for (const r of [...ADDITIVE_RELATIONS, ...breakdownSums(table.breakdowns ?? {})]) relations.push({ total: key(profile, period, r.total), parts: r.parts.map((p) => key(profile, period, p)) });
  }
  // profiles: equal values are one cell; and the sums across profiles
  const byCell = new Map<string, { profile: string; value: number | null }[]>();
  for (const { profile, period, table } of tables) {
    for (const [id, value] of valuesOf(table)) {
      if (!countsPeople(figureOf(id))) continue;
      const list = byCell.get(`${period}|${id}`) ?? [];
      list.push({ profile, value });
      byCell.set(`${period}|${id}`, list);
    }
  }
  for (const [cell, list] of byCell) {
    const [period, id] = cell.split('|');
    for (let i = 1; i < list.length; i++) {
      const same = list.slice(0, i).find((x) => x.value === list[i].value);
      if (same) relations.push({ total: key(same.profile, period, id), parts: [key(list[i].profile, period, id)] });
    }
    if (list.length === PROFILES.length) {
      for (const s of PROFILE_SUMS.filter((s) => s.total[0] === id)) relations.push({ total: key(s.total[1], period, id), parts: s.parts.map(([p, prof]) => key(prof, period, p)) });
    }
  }
  return relations;
}

/**
 * Suppresses a family as one: small numbers, counts that changed by 1 to k − 1 since an earlier publication
 * (`earlier`, as published), and the complements that keep every hidden cell from being recomputed.
 */
export function suppressFamily(family: RawFamily, k: number, earlier: readonly PublishedFamily[] = []): PublishedFamily {
  const values = new Map<string, number>();
  const hidden = new Map<string, Bounds>();
  const changed = new Set<string>();
  const each = (fn: (profile: string, period: string, table: RawTable) => void) => {
    for (const [profile, years] of Object.entries(family)) {
      for (const [label, y] of Object.entries(years)) {
        fn(profile, label, y.year);
        for (const m of y.months) fn(profile, m.month, m);
      }
    }
  };
  each((profile, period, table) => {
    for (const [id, value] of valuesOf(table)) if (value !== null) values.set(key(profile, period, id), value);
    const small = valuesOf(table).filter(([id, n]) => id.includes('/') && n !== null && isSmall(n, k));
    for (const id of [...primaryCells(table.metrics, table.parts, k), ...small.map(([id]) => id)]) hidden.set(key(profile, period, id), smallBounds(k));
  });
  each((profile, period, table) => {
    for (const [id, value] of valuesOf(table)) {
      const cell = key(profile, period, id);
      if (value === null || hidden.has(cell) || !countsPeople(figureOf(id))) continue;
      for (const before of earlier) {
        const shown = publishedValue(before, profile, period, id);
        if (shown !== undefined && isSmall(Math.abs(value - shown), k)) {
          hidden.set(cell, [Math.max(0, shown - (k - 1)), shown + (k - 1)]);
          changed.add(cell);
          break;
        }
      }
    }
  });
  const complementary = new Set([...changed, ...protect(values, hidden, familyRelations(family))]);
  const all = new Set([...hidden.keys(), ...complementary]);
  const present = (profile: string, period: string, table: RawTable): PublishedTable => {
    const ids = Object.keys(table.metrics);
    const mine = (set: ReadonlySet<string>) => ids.filter((id) => set.has(key(profile, period, id)));
    const hidden = new Set(mine(all));
    // a verdict says on which side of its target a figure lies: not for a hidden one
    const verdicts = Object.fromEntries(Object.entries(table.verdicts).filter(([id]) => !hidden.has(id)));
    const breakdowns = Object.entries(table.breakdowns ?? {}).map(([by, cells]) => [by, publishedCells(by, cells, (id) => all.has(key(profile, period, id)), (id) => complementary.has(key(profile, period, id)))]);
    return { ...hideIn(table.metrics, hidden, mine(complementary)), verdicts, ...(table.breakdowns ? { breakdowns: Object.fromEntries(breakdowns) } : {}) };
  };
  return Object.fromEntries(
    Object.entries(family).map(([profile, years]) => [
      profile,
      Object.fromEntries(
        Object.entries(years).map(([label, y]) => [
          label,
          { period: y.period, year: present(profile, label, y.year), months: y.months.map((m) => ({ month: m.month, stockOn: m.stockOn, ...present(profile, m.month, m) })) },
        ]),
      ),
    ]),
  );
}

/** One breakdown with its hidden cells (`isHidden`, `isComplement`: by table id) as null. */
function publishedCells(by: string, cells: Record<string, Record<string, number>>, isHidden: (id: string) => boolean, isComplement: (id: string) => boolean): PublishedCells {
  const suppressed: string[] = [];
  const complementary: string[] = [];
  const shown = Object.fromEntries(
    Object.entries(cells).map(([cell, figures]) => [
      cell,
      Object.fromEntries(
        Object.entries(figures).map(([id, n]) => {
          const tableId = cellId(by, cell, id);
          if (!isHidden(tableId)) return [id, n];
          suppressed.push(`${cell}/${id}`);
          if (isComplement(tableId)) complementary.push(`${cell}/${id}`);
          return [id, null];
        }),
      ),
    ]),
  );
  return { cells: shown, suppressed, complementary };
}

/** A cell's value as a publication showed it (undefined: not in it, or hidden). */
function publishedValue(family: PublishedFamily, profile: string, period: string, id: string): number | undefined {
  for (const y of Object.values(family[profile] ?? {})) {
    const table = y.period.label === period ? y.year : y.months.find((m) => m.month === period);
    if (!table) continue;
    if (!id.includes('/')) return table.metrics[id] ?? undefined;
    const [by, cell, figure] = id.split('/');
    return table.breakdowns?.[by as Dimension]?.cells[cell]?.[figure] ?? undefined;
  }
  return undefined;
}
