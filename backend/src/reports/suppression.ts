// Small-number suppression (interface.md, "Roles"): a count from 1 to 4 is shown as `<5` (JSON: null, its id in
// `suppressed`); a share whose numerator or denominator is such a count is suppressed too. Zero is shown as 0.
//
// Complementary suppression: where the cells of one table add up (ADDITIVE_RELATIONS), a single suppressed
// cell could be recomputed from the total and the other cells; then the smallest other cell is suppressed
// too (JSON: also listed in `complementary`; CSV/xlsx/PDF: `×`), until no suppressed cell can be recomputed.
import { METRIC_IDS, metricById } from '@pact/projections';

export type Suppression = 'none' | 'small-numbers';

export const SMALL = (n: number) => n >= 1 && n <= 4;
/** Counts that could single out a child; months and meetings held are not about children. */
const COUNTS_OF_PEOPLE = new Set(['kinderen', 'casussen']);

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

export function suppress(
  metrics: Record<string, number | null>,
  parts: Record<string, { numerator: number; denominator: number }>,
  suppression: Suppression,
): Suppressed {
  if (suppression === 'none') return { metrics, suppressed: [], complementary: [] };
  const primary = new Set<string>();
  for (const [id, value] of Object.entries(metrics)) {
    const unit = metricById.get(id)?.unit;
    const share = parts[id];
    const hide =
      unit === 'aandeel' ? !!share && (SMALL(share.numerator) || SMALL(share.denominator)) : COUNTS_OF_PEOPLE.has(unit!) && value !== null && SMALL(value);
    if (hide) primary.add(id);
  }
  const complementary = complementaryCells(metrics, primary);
  const hidden = new Set([...primary, ...complementary]);
  const out: Record<string, number | null> = {};
  for (const [id, value] of Object.entries(metrics)) out[id] = hidden.has(id) ? null : value;
  return { metrics: out, suppressed: Object.keys(metrics).filter((id) => hidden.has(id)), complementary };
}

/**
 * The cells to hide besides `primary` so that no hidden cell of an additive relation can be recomputed: a
 * relation with one hidden cell gets a second; one whose hidden cells are all small numbers of a sum that
 * allows only one split (all 1s or all 4s) gets another. Picks the smallest positive visible cell (parts
 * before the total), and repeats until nothing changes (a cell may lie in several relations).
 */
export function complementaryCells(values: Record<string, number | null>, primary: ReadonlySet<string>, relations: readonly AdditiveRelation[] = ADDITIVE_RELATIONS): string[] {
  const hidden = new Set(primary);
  const added: string[] = [];
  const value = (id: string) => values[id] ?? 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const relation of relations) {
      const cells = [...relation.parts, relation.total].filter((id) => id in values);
      const hiddenCells = cells.filter((id) => hidden.has(id));
      if (hiddenCells.length === 0 || !recomputable(relation, hiddenCells, value, primary)) continue;
      const rank = (id: string) => [value(id) > 0 ? 0 : 1, value(id), id === relation.total ? 1 : 0];
      const candidates = cells.filter((id) => !hidden.has(id)).sort((a, b) => compareTuples(rank(a), rank(b)));
      if (candidates.length === 0) continue;
      hidden.add(candidates[0]);
      added.push(candidates[0]);
      changed = true;
    }
  }
  return added;
}

function recomputable(relation: AdditiveRelation, hiddenCells: string[], value: (id: string) => number, primary: ReadonlySet<string>): boolean {
  if (hiddenCells.length === 1) return true;
  if (hiddenCells.includes(relation.total)) return false;
  // Only parts hidden: their sum is known. Small numbers lie in 1..4, so a sum of n of them that is n or 4n
  // has one split only; a complementary cell can be anything, so it keeps the split open.
  if (!hiddenCells.every((id) => primary.has(id))) return false;
  const sum = hiddenCells.reduce((s, id) => s + value(id), 0);
  return sum === hiddenCells.length || sum === 4 * hiddenCells.length;
}

function compareTuples(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
