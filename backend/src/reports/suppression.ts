// Small-number suppression (interface.md, "Roles"): a count from 1 to k − 1 (the region's `suppressionK`, default 5)
// is shown as `<k` (JSON: null, its id in `suppressed`); a share whose numerator or denominator is such a count is
// suppressed too. Zero is shown as 0.
//
// Complementary suppression: where cells add up exactly (within one table, ADDITIVE_RELATIONS; across the linked
// tables of a publication, ./family.ts), a hidden cell could be recomputed from the visible ones. `protect` treats
// all the relations as one system of linear equations in the hidden cells and hides more cells (the smallest
// positive visible cell of a relation that pins one down; JSON: also listed in `complementary`; CSV/xlsx/PDF: `×`)
// until no hidden cell is determined: not by the equations alone, and not by a sum whose hidden cells all sit at
// their bounds (small numbers lie in 1..k − 1: two small cells summing to 2 are both 1).
import { METRIC_IDS, metricById } from '@pact/projections';

export type Suppression = 'none' | 'small-numbers';

/** A count the region suppresses: 1 … k − 1. */
export const isSmall = (n: number, k: number) => n >= 1 && n < k;
/** What a suppressed small count may be. */
export const smallBounds = (k: number): Bounds => [1, k - 1];
/** Counts that could single out a child; months and meetings held are not about children. */
const COUNTS_OF_PEOPLE = new Set(['kinderen', 'casussen']);

/** Whether a figure counts children or cases (and so is suppressed when small), by the catalogue's unit. */
export const countsPeople = (id: string) => COUNTS_OF_PEOPLE.has(metricById.get(id)?.unit ?? '');

export interface AdditiveRelation {
  total: string;
  parts: readonly string[];
  /** Why the parts add up to the total exactly (README, "Suppression"). */
  why: string;
}

/** Exact sums among the figures of one period (one table row); only relations that hold for every history. */
export const ADDITIVE_RELATIONS: readonly AdditiveRelation[] = [
  {
    total: 'uitstroom_cases',
    parts: METRIC_IDS.filter((id) => /^uitstroom_.+_cases$/.test(id) && id !== 'uitstroom_cases'),
    why: 'every closed case has exactly one outcome',
  },
  {
    total: 'escalaties_cases',
    parts: METRIC_IDS.filter((id) => /^escalaties_.+_cases$/.test(id) && id !== 'escalaties_cases'),
    why: 'every Escalated event has exactly one level',
  },
  { total: 'lrv_totaal', parts: ['lrv_begin', 'lrv_nieuw'], why: 'lrv_nieuw is defined as lrv_totaal minus the children of lrv_begin, who are all in lrv_totaal' },
];

export interface Suppressed {
  metrics: Record<string, number | null>;
  /** Every id shown as null: small numbers and their complements. */
  suppressed: string[];
  /** The ids among `suppressed` hidden only so that a small number cannot be recomputed. */
  complementary: string[];
}

/** The figures of one table that are small numbers (or shares of them): hidden whatever else is published. */
export function primaryCells(metrics: Record<string, number | null>, parts: Record<string, { numerator: number; denominator: number }>, k: number): string[] {
  return Object.entries(metrics)
    .filter(([id, value]) => {
      if (metricById.get(id)?.unit === 'aandeel') {
        const share = parts[id];
        return !!share && (isSmall(share.numerator, k) || isSmall(share.denominator, k));
      }
      return countsPeople(id) && value !== null && isSmall(value, k);
    })
    .map(([id]) => id);
}

/** One table on its own (no linked tables): primary suppression and complements within the table. */
export function suppress(
  metrics: Record<string, number | null>,
  parts: Record<string, { numerator: number; denominator: number }>,
  suppression: Suppression,
  k: number,
): Suppressed {
  if (suppression === 'none') return { metrics, suppressed: [], complementary: [] };
  const primary = primaryCells(metrics, parts, k);
  const complementary = complementaryCells(metrics, new Set(primary), k);
  return hideIn(metrics, new Set([...primary, ...complementary]), complementary);
}

/** The table with the `hidden` ids as null, listed in `suppressed` (in the table's order). */
export function hideIn(metrics: Record<string, number | null>, hidden: ReadonlySet<string>, complementary: readonly string[]): Suppressed {
  const out: Record<string, number | null> = {};
  for (const [id, value] of Object.entries(metrics)) out[id] = hidden.has(id) ? null : value;
  return { metrics: out, suppressed: Object.keys(metrics).filter((id) => hidden.has(id)), complementary: Object.keys(metrics).filter((id) => complementary.includes(id)) };
}

/** The cells of one table to hide besides `primary` (small numbers) so that none of them can be recomputed. */
export function complementaryCells(
  values: Record<string, number | null>,
  primary: ReadonlySet<string>,
  k: number,
  relations: readonly AdditiveRelation[] = ADDITIVE_RELATIONS,
): string[] {
  const known = new Map(Object.entries(values).filter((e): e is [string, number] => e[1] !== null));
  return protect(known, new Map([...primary].map((id) => [id, smallBounds(k)])), relations);
}

/** Where a hidden cell's value is known to lie; a complementary cell is any count (0 … ∞). */
export type Bounds = readonly [number, number];
const ANY_COUNT: Bounds = [0, Infinity];

/** An exact sum among cells (keys): `total` = Σ `parts`; one part makes it an equality (the same figure twice). */
export interface CellRelation {
  total: string;
  parts: readonly string[];
}

/**
 * The cells to hide besides `primary` (each with the bounds an outsider knows for it) so that no hidden cell is
 * determined by the visible cells and the relations. Relations naming a cell without a value are left out.
 * Returns the added cells in the order they were added.
 */
export function protect(values: ReadonlyMap<string, number>, primary: ReadonlyMap<string, Bounds>, relations: readonly CellRelation[]): string[] {
  const usable = relations.filter((r) => values.has(r.total) && r.parts.every((p) => values.has(p)));
  const bounds = new Map(primary);
  const added: string[] = [];
  for (const component of components(usable)) {
    const cells = new Set(component.flatMap((r) => [r.total, ...r.parts]));
    if (![...cells].some((c) => bounds.has(c))) continue;
    for (;;) {
      const pinned = determined(component, values, bounds);
      if (pinned === undefined) break;
      const next = complementFor(pinned, component, values, bounds);
      if (next === undefined) break; // every cell around it is hidden already: nothing left to hide
      bounds.set(next, ANY_COUNT);
      added.push(next);
    }
  }
  return added;
}

/** Relations that share cells, grouped (each group is solved on its own). */
function components(relations: readonly CellRelation[]): CellRelation[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  for (const r of relations) {
    const [first, ...rest] = [r.total, ...r.parts];
    if (!parent.has(first)) parent.set(first, first);
    for (const c of rest) {
      if (!parent.has(c)) parent.set(c, c);
      parent.set(find(c), find(first));
    }
  }
  const groups = new Map<string, CellRelation[]>();
  for (const r of relations) {
    const root = find(r.total);
    groups.set(root, [...(groups.get(root) ?? []), r]);
  }
  return [...groups.values()];
}

const EPS = 1e-9;

/**
 * A hidden cell that the relations determine, or `undefined`. Each relation is an equation in the hidden cells
 * (total +1, parts −1, the visible cells moved to the right); in reduced row echelon form a cell is determined when
 * its row has no other cell, or when the row's cells must all sit at a bound for the right side to be reached.
 */
function determined(relations: readonly CellRelation[], values: ReadonlyMap<string, number>, bounds: ReadonlyMap<string, Bounds>): string | undefined {
  const vars = [...new Set(relations.flatMap((r) => [r.total, ...r.parts]).filter((c) => bounds.has(c)))].sort();
  if (vars.length === 0) return undefined;
  const index = new Map(vars.map((v, i) => [v, i]));
  const rows: number[][] = [];
  for (const r of relations) {
    const row = new Array<number>(vars.length + 1).fill(0);
    let any = false;
    for (const [cell, sign] of [[r.total, 1] as const, ...r.parts.map((p) => [p, -1] as const)]) {
      const i = index.get(cell);
      if (i === undefined) row[vars.length] -= sign * values.get(cell)!;
      else {
        row[i] += sign;
        any = true;
      }
    }
    if (any) rows.push(row);
  }
  // Gauss-Jordan elimination
  let lead = 0;
  for (let col = 0; col < vars.length && lead < rows.length; col++) {
    let pivot = lead;
    while (pivot < rows.length && Math.abs(rows[pivot][col]) < EPS) pivot++;
    if (pivot === rows.length) continue;
    [rows[lead], rows[pivot]] = [rows[pivot], rows[lead]];
    const p = rows[lead][col];
    for (let k = col; k <= vars.length; k++) rows[lead][k] /= p;
    for (let r = 0; r < rows.length; r++) {
      if (r === lead || Math.abs(rows[r][col]) < EPS) continue;
      const f = rows[r][col];
      for (let k = col; k <= vars.length; k++) rows[r][k] -= f * rows[lead][k];
    }
    lead++;
  }
  for (const row of rows.slice(0, lead)) {
    const cells = vars.map((_, i) => i).filter((i) => Math.abs(row[i]) > EPS);
    if (cells.length === 1) return vars[cells[0]];
    const [min, max] = cells.reduce(
      ([lo, hi], i) => {
        const [a, b] = bounds.get(vars[i])!;
        return row[i] > 0 ? [lo + row[i] * a, hi + row[i] * b] : [lo + row[i] * b, hi + row[i] * a];
      },
      [0, 0],
    );
    const rhs = row[vars.length];
    if (Math.abs(rhs - min) < EPS || Math.abs(rhs - max) < EPS) return vars[cells[0]];
  }
  return undefined;
}

/**
 * The visible cell to hide next to `cell`. First in the relations holding it or a cell equal to it (a relation of one
 * part): the smallest positive cell, of a relation in which nothing else is hidden first (that one pins it), parts
 * before totals. When every cell of those is hidden already, the nearest relations beyond them, and so on.
 */
function complementFor(cell: string, relations: readonly CellRelation[], values: ReadonlyMap<string, number>, bounds: ReadonlyMap<string, Bounds>): string | undefined {
  const seen = equalTo(cell, relations);
  const used = new Set<CellRelation>();
  let frontier = new Set(seen);
  while (frontier.size > 0) {
    const holding = relations.filter((r) => !used.has(r) && (frontier.has(r.total) || r.parts.some((p) => frontier.has(p))));
    for (const r of holding) used.add(r);
    const candidates = holding.flatMap((r) => {
      const alone = [r.total, ...r.parts].filter((c) => bounds.has(c)).length <= 1 ? 0 : 1;
      return [...r.parts.filter((p) => !bounds.has(p)).map((p) => ({ id: p, alone, total: 0 })), ...(bounds.has(r.total) ? [] : [{ id: r.total, alone, total: 1 }])];
    });
    if (candidates.length > 0) {
      const rank = (c: { id: string; alone: number; total: number }) => [c.alone, values.get(c.id)! > 0 ? 0 : 1, values.get(c.id)!, c.total];
      candidates.sort((a, b) => compareTuples(rank(a), rank(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return candidates[0].id;
    }
    frontier = new Set(holding.flatMap((r) => [r.total, ...r.parts]).filter((c) => !seen.has(c)));
    for (const c of frontier) seen.add(c);
  }
  return undefined;
}

/** `cell` and every cell that relations of one part make equal to it. */
function equalTo(cell: string, relations: readonly CellRelation[]): Set<string> {
  const equal = new Set([cell]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of relations) {
      if (r.parts.length !== 1) continue;
      const [a, b] = [r.total, r.parts[0]];
      if (equal.has(a) !== equal.has(b)) {
        equal.add(a);
        equal.add(b);
        grew = true;
      }
    }
  }
  return equal;
}

function compareTuples(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
