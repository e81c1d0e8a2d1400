// metrics.md as data: the conditions on a child's case on one day, which of them make a child a thuiszitter under
// each profile, and the norm conditions whose spells are measured against the pact's norm.
import type { CaseState } from '@pact/events';
import { PROFILES, type Profile } from '../config.ts';

export type OpenState = Extract<CaseState, { status: 'open' }>;

const none = (s: OpenState) => s.exemption === null;

/** metrics.md "Conditions on a child's case on day t". A closed case satisfies none of them (from its closing day). */
export const CONDITIONS = {
  /** absoluut verzuim: not enrolled, no exemption */
  av: (s: OpenState) => !s.enrolled && none(s),
  /** enrolled, no exemption, at home, unauthorised */
  lrv_base: (s: OpenState) => s.enrolled && none(s) && s.phase === 'thuis' && !s.authorised,
  /** enrolled, no exemption, at home (geoorloofd or not) */
  thuis_base: (s: OpenState) => s.enrolled && none(s) && s.phase === 'thuis',
  /** enrolled, no exemption, at home, authorised: the signal list's group `geoorloofd_thuis` */
  geoorloofd_thuis: (s: OpenState) => s.enrolled && none(s) && s.phase === 'thuis' && s.authorised,
  v5a: (s: OpenState) => s.exemption?.article === '5a',
  v5b: (s: OpenState) => s.exemption?.article === '5b',
  v5c: (s: OpenState) => s.exemption?.article === '5c',
  v15: (s: OpenState) => s.exemption?.article === '15',
  /** enrolled, no exemption, going to school partly or on a reduced timetable */
  partial: (s: OpenState) => s.enrolled && none(s) && (s.phase === 'minder_naar_school' || s.reducedTimetable !== null),
  /** enrolled, no exemption, not fully at school: the denominator of `geoorloofd_aandeel` */
  absent: (s: OpenState) => s.enrolled && none(s) && s.phase !== 'op_school',
  absent_authorised: (s: OpenState) => s.enrolled && none(s) && s.phase !== 'op_school' && s.authorised,
} satisfies Record<string, (s: OpenState) => boolean>;

export type ConditionId = keyof typeof CONDITIONS;
export const CONDITION_IDS = Object.keys(CONDITIONS) as ConditionId[];

/** A condition as such, or "its run has lasted `fourWeeksDays`". */
export type Counted = ConditionId | { lasted4Weeks: ConditionId };

/** metrics.md "Profiles": the conditions that count a child on a day, and the base condition behind the norm. */
export const PROFILE_RULES: Record<Profile, { counted: readonly Counted[]; base: readonly ConditionId[] }> = {
  officieel: { counted: ['av', { lasted4Weeks: 'lrv_base' }], base: ['av', 'lrv_base'] },
  breed: { counted: ['av', 'v5a', { lasted4Weeks: 'thuis_base' }], base: ['av', 'v5a', 'thuis_base'] },
  leerrecht: { counted: ['av', 'v5a', 'thuis_base', 'partial'], base: ['av', 'v5a', 'thuis_base', 'partial'] },
};

/** The conditions whose spells are joined into norm spells: each profile's base, and being at home geoorloofd. */
export const NORM_CONDITIONS = [...PROFILES, 'geoorloofd_thuis'] as const;
export type NormCondition = (typeof NORM_CONDITIONS)[number];

export const baseOf = (c: NormCondition): readonly ConditionId[] => (c === 'geoorloofd_thuis' ? ['geoorloofd_thuis'] : PROFILE_RULES[c].base);
