// Dutch words for the codes the figures and the signal list add to the vocabulary: verdicts, signal levels and
// groups. Pure (the browser imports it through `@pact/projections/labels`); every output uses these.
import type { RegionConfig } from './config.ts';
import type { AgeBand } from './facts/age.ts';

export const VERDICT_LABELS = {
  gehaald: 'Gehaald',
  niet_gehaald: 'Niet gehaald',
  tot_nu_toe_gehaald: 'Tot nu toe gehaald',
  nog_open: 'Nog open',
} as const;

export const SIGNAL_GROUP_LABELS = {
  profiel: 'Thuiszitters',
  geoorloofd_thuis: 'Geoorloofd thuis (bijvoorbeeld ziek)',
} as const;

type Months = Pick<RegionConfig, 'normMonths' | 'fourWeeksDays'>;
const months = (n: number) => (n === 1 ? '1 maand' : `${n} maanden`);

/** The signal levels in words, with the region's norm in them. */
export function signalLevelLabels(c: Months): Record<'overschreden' | 'dreigend' | 'in_beeld' | 'aanbod', string> {
  return {
    overschreden: `Over de norm: langer dan ${months(c.normMonths)} zonder passend aanbod`,
    dreigend: `Bijna over de norm: ${months(c.normMonths - 1)} tot ${months(c.normMonths)} zonder passend aanbod`,
    in_beeld: `In beeld: ${c.fourWeeksDays % 7 === 0 ? `${c.fourWeeksDays / 7} weken` : `${c.fourWeeksDays} dagen`} tot ${months(c.normMonths - 1)} zonder passend aanbod`,
    aanbod: 'Passend aanbod loopt',
  };
}

/** The levels in a few words, for counts ("60 over de norm, 12 bijna"). */
export const SIGNAL_LEVEL_SHORT = { overschreden: 'over de norm', dreigend: 'bijna over de norm', in_beeld: 'in beeld', aanbod: 'met passend aanbod' } as const;

export const PLAN_STATUS_LABELS = { geldig: 'Geldig plan', verlopen: 'Plan verlopen' } as const;

export const AGE_BAND_LABELS: Record<AgeBand, string> = { tot_12: 'tot 12 jaar', '12_15': '12 tot en met 15 jaar', '16_17': '16 en 17 jaar', '18_plus': '18 jaar en ouder' };
