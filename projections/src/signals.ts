// The signal list (interface.md "The signal list (v2)") for the monthly overleg, computed from the read models as
// believed at `asOf`: every open case whose profile's base condition holds on `on` and whose norm spell has lasted
// 4 weeks, and, as a group of their own, the children at home geoorloofd for 4 weeks whom the profile does not list.
import { daysBetween, monthOf, type Db, type IsoDate } from '@pact/events';
import { sql } from 'kysely';
import { projectionSettings, type Profile, type RegionConfig } from './config.ts';
import { ageBandOf, type AgeBand } from './facts/age.ts';
import { expiredFrom, markOf } from './facts/case-timeline.ts';
import { bit, bits, flagOf, FLAGS, has, type Flag } from './facts/flags.ts';
import type { Scope } from './metrics/figures.ts';

export const SIGNAL_LEVELS = ['overschreden', 'dreigend', 'in_beeld', 'aanbod'] as const;
export type SignalLevel = (typeof SIGNAL_LEVELS)[number];
export const SIGNAL_GROUPS = ['profiel', 'geoorloofd_thuis'] as const;
export type SignalGroup = (typeof SIGNAL_GROUPS)[number];

export interface Signal {
  caseId: string;
  group: SignalGroup;
  level: SignalLevel;
  /** s*: the first day of the norm spell. */
  spellStart: IsoDate;
  /** Days from s* up to and including `on` (the days of short interruptions included). */
  daysOut: number;
  /** The norm spell's mark: s* + normMonths. */
  normOn: IsoDate;
  plan: null | { status: 'geldig' | 'verlopen'; reviewOn: IsoDate; since?: IsoDate };
  offer: null | { kind: string; start: IsoDate };
  waitlists: string[];
  escalation: null | 'actietafel' | 'bestuurlijk';
  lastDiscussed: null | { forum: 'leerplicht_swv'; on: IsoDate };
  discussedThisMonth: boolean;
  gemeente: string;
  swv: string;
  sector: string;
  ageBand: AgeBand;
}

export interface SignalList {
  on: IsoDate;
  profile: Profile;
  scope: Scope;
  asOf: string | null;
  signals: Signal[];
}

export interface SignalOptions {
  profile: Profile;
  scope: Scope;
  /** System time: the list as it could be made then. Undefined: now. */
  asOf?: Date;
  config: RegionConfig;
}

const WAITLIST_FLAGS = FLAGS.filter((f) => f.startsWith('waitlist_'));
type Row = {
  case_id: string;
  gemeente: string;
  swv: string;
  sector: string;
  birth_year: number;
  mask: string;
  s_profile: string | null;
  s_geoorloofd: string | null;
  review_on: string | null;
  offer_kind: string | null;
  offer_since: string | null;
};

export async function signalList(db: Db, on: IsoDate, options: SignalOptions): Promise<SignalList> {
  const { profile, scope, asOf } = options;
  const rules = projectionSettings(options.config);
  const believed = (alias: string) => {
    const t = sql.ref(alias);
    return asOf ? sql`${t}.recorded_from <= ${asOf} and (${t}.recorded_to is null or ${t}.recorded_to > ${asOf})` : sql`${t}.recorded_to is null`;
  };
  const listed = bits([flagOf('listed', profile), 'listed_geoorloofd_thuis']).toString();
  const { rows } = await sql<Row>`
    select s.case_id::text as case_id, s.gemeente, s.swv, c.sector, c.birth_year, s.mask::text as mask,
      ${sql.ref(`s.s_${profile}`)}::text as s_profile, s.s_geoorloofd_thuis::text as s_geoorloofd,
      s.review_on::text as review_on, s.offer_kind, s.offer_since::text as offer_since
    from readmodel.stretches s join readmodel.cases c on c.case_id = s.case_id
    where ${believed('s')} and s.start_on <= ${on}::date and coalesce(s.end_on, 'infinity'::date) >= ${on}::date
      and (s.mask & ${listed}::bigint) <> 0
      ${scope.gemeente ? sql`and s.gemeente = ${scope.gemeente}` : sql``} ${scope.swv ? sql`and s.swv = ${scope.swv}` : sql``}`.execute(db);
  const happenings = await lastHappenings(
    db,
    rows.map((r) => r.case_id),
    on,
    believed,
  );
  const signals = rows.map((r): Signal => {
    const mask = BigInt(r.mask);
    const inProfile = has(mask, flagOf('listed', profile));
    const condition = inProfile ? profile : 'geoorloofd_thuis';
    const spellStart = (inProfile ? r.s_profile : r.s_geoorloofd)!;
    const flag = (name: 'aanbod' | 'norm_over' | 'norm_threat') => has(mask, `${name}_${condition}` as Flag);
    const h = happenings.get(r.case_id);
    return {
      caseId: r.case_id,
      group: inProfile ? 'profiel' : 'geoorloofd_thuis',
      level: flag('aanbod') ? 'aanbod' : flag('norm_over') ? 'overschreden' : flag('norm_threat') ? 'dreigend' : 'in_beeld',
      spellStart,
      daysOut: daysBetween(spellStart, on) + 1,
      normOn: markOf(spellStart, rules),
      plan: r.review_on === null ? null : has(mask, 'plan_valid') ? { status: 'geldig', reviewOn: r.review_on } : { status: 'verlopen', reviewOn: r.review_on, since: expiredFrom(r.review_on) },
      offer: r.offer_kind && r.offer_since ? { kind: r.offer_kind, start: r.offer_since } : null,
      waitlists: WAITLIST_FLAGS.filter((f) => (mask & bit(f)) !== 0n).map((f) => f.slice('waitlist_'.length)),
      escalation: h?.bestuurlijk ? 'bestuurlijk' : h?.actietafel ? 'actietafel' : null,
      lastDiscussed: h?.discussed ? { forum: 'leerplicht_swv', on: h.discussed } : null,
      discussedThisMonth: !!h?.discussed && monthOf(h.discussed) === monthOf(on),
      gemeente: r.gemeente,
      swv: r.swv,
      sector: r.sector,
      ageBand: ageBandOf(r.birth_year, on),
    };
  });
  const order = (s: Signal) => [SIGNAL_GROUPS.indexOf(s.group), SIGNAL_LEVELS.indexOf(s.level), -s.daysOut];
  signals.sort((a, b) => compare(order(a), order(b)) || (a.caseId < b.caseId ? -1 : 1));
  return { on, profile, scope, asOf: asOf?.toISOString() ?? null, signals };
}

/** Per case: the days of its last escalation of each level and of its last Leerplicht/SWV discussion, up to `on`. */
async function lastHappenings(db: Db, caseIds: string[], on: IsoDate, believed: (alias: string) => ReturnType<typeof sql>) {
  const out = new Map<string, { actietafel?: IsoDate; bestuurlijk?: IsoDate; discussed?: IsoDate }>();
  if (caseIds.length === 0) return out;
  const { rows } = await sql<{ case_id: string; kind: string; last: string }>`
    select o.subject_id::text as case_id, o.kind, max(o.on_date)::text as last from readmodel.occurrences o
    where o.subject_id = any(${caseIds}::uuid[]) and o.kind in ('escalated_actietafel', 'escalated_bestuurlijk', 'discussed_leerplicht_swv')
      and o.on_date <= ${on}::date and ${believed('o')}
    group by o.subject_id, o.kind`.execute(db);
  for (const r of rows) {
    const entry = out.get(r.case_id) ?? {};
    if (r.kind === 'discussed_leerplicht_swv') entry.discussed = r.last;
    else entry[r.kind === 'escalated_bestuurlijk' ? 'bestuurlijk' : 'actietafel'] = r.last;
    out.set(r.case_id, entry);
  }
  return out;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
