// The flags of a case on a day, one bit each: everything a figure or the signal list needs to know about one case
// on one day. The case facts compute them (case-facts.ts); the read models store them as a bit mask per stretch of
// days; the figure queries only OR them together per child and count.
import { waitingFor } from '@pact/events';
import { PROFILES, type Profile } from '../config.ts';
import type { NormCondition } from './conditions.ts';

/** Per profile: counted, listed on the signal list, aanbod, over the norm, … (see case-facts.ts for each rule). */
const PER_PROFILE = ['counted', 'listed', 'aanbod', 'norm_over', 'norm_zonder_plan', 'norm_threat', 'plan_verlopen', 'due'] as const;
/** The signal list's group `geoorloofd_thuis` has its own norm spell, aanbod and level. */
const PER_GEOORLOOFD = ['listed', 'aanbod', 'norm_over', 'norm_threat'] as const;

export const FLAGS = [
  'av',
  'av_3m',
  'lrv',
  'lrv_3m',
  'v5a',
  'v5b',
  'v5c',
  'v15',
  'absent',
  'absent_authorised',
  'wachtlijst',
  'plan_valid',
  'plan_verlopen',
  'offer',
  ...waitingFor.options.map((w) => `waitlist_${w}` as const),
  ...PROFILES.flatMap((p) => PER_PROFILE.map((f) => `${f}_${p}` as const)),
  ...PER_GEOORLOOFD.map((f) => `${f}_geoorloofd_thuis` as const),
] as const;

export type Flag = (typeof FLAGS)[number];

const INDEX = new Map<string, number>(FLAGS.map((f, i) => [f, i]));
if (FLAGS.length > 62) throw new Error('more flags than a PostgreSQL bigint holds');

/** The bit of a flag in a mask. */
export function bit(flag: Flag): bigint {
  return 1n << BigInt(INDEX.get(flag)!);
}

/** The mask of several flags. */
export const bits = (flags: readonly Flag[]): bigint => flags.reduce((m, f) => m | bit(f), 0n);

export const has = (mask: bigint, flag: Flag): boolean => (mask & bit(flag)) !== 0n;

/** A per-condition flag name, e.g. `norm_over_officieel`. */
export const flagOf = (name: (typeof PER_PROFILE)[number], condition: Profile | NormCondition): Flag => `${name}_${condition}` as Flag;
