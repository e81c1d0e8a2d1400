// Age bands (interface.md "Breakdowns", `leeftijd`): (year of the day) − birthYear, in four bands.
import type { IsoDate } from '@pact/events';

export const AGE_BANDS = ['tot_12', '12_15', '16_17', '18_plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBandOf(birthYear: number, day: IsoDate): AgeBand {
  const age = Number(day.slice(0, 4)) - birthYear;
  return age < 12 ? 'tot_12' : age <= 15 ? '12_15' : age <= 17 ? '16_17' : '18_plus';
}
