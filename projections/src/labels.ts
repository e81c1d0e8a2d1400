// Dutch words for the codes the figures and the signal list add to the vocabulary: verdicts, signal levels and
// groups, breakdowns and the event codes their cells are named by. Pure (the browser imports it through
// `@pact/projections/labels`); every output uses these.
import type { absenceReason, sector, waitingFor } from '@pact/events';
import type { z } from 'zod';
import type { RegionConfig } from './config.ts';
import type { AgeBand } from './facts/age.ts';
import type { Dimension, DURATION_BANDS } from './metrics/breakdowns.ts';

type Labels<K extends string> = { readonly [key in K]: string };

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

export const REASON_LABELS: Labels<z.infer<typeof absenceReason>> = {
  ziekte: 'Ziekte',
  psychisch: 'Psychische klachten',
  wachtlijst: 'Wachtlijst',
  geen_passend_aanbod: 'Geen passend aanbod',
  schorsing: 'Schorsing',
  verwijdering: 'Verwijdering',
  conflict_school: 'Conflict met school',
  schooltrauma: 'Schooltrauma',
  overig: 'Overig',
};
export const SECTOR_LABELS: Labels<z.infer<typeof sector>> = {
  po: 'Primair onderwijs (po)',
  vo: 'Voortgezet onderwijs (vo)',
  so: 'Speciaal onderwijs (so)',
  vso: 'Voortgezet speciaal onderwijs (vso)',
  mbo: 'Mbo',
  geen: 'Geen school',
};
export const WAITING_FOR_LABELS: Labels<z.infer<typeof waitingFor>> = {
  so_vso: '(V)SO-plaats',
  jeugdhulp: 'Jeugdhulp',
  ggz: 'GGZ',
  diagnostiek: 'Diagnostiek',
  tlv: 'Toelaatbaarheidsverklaring (TLV)',
};

export const DIMENSION_LABELS: Labels<Dimension> = {
  sector: 'Soort onderwijs',
  leeftijd: 'Leeftijd',
  reden: 'Reden van thuiszitten',
  wachtlijst: 'Wachtlijst',
  duur: 'Hoe lang al thuis',
};

type DurationBand = (typeof DURATION_BANDS)[number];

/** The duration bands in words, with the region's 4 weeks in them. */
export function durationBandLabels(c: Pick<RegionConfig, 'fourWeeksDays'>): Labels<DurationBand> {
  const fourWeeks = c.fourWeeksDays % 7 === 0 ? `${c.fourWeeksDays / 7} weken` : `${c.fourWeeksDays} dagen`;
  return { tot_4w: `korter dan ${fourWeeks}`, '4w_2m': `${fourWeeks} tot 2 maanden`, '2m_3m': '2 tot 3 maanden', '3m_6m': '3 tot 6 maanden', '6m_1j': '6 maanden tot een jaar', '1j_plus': 'een jaar of langer' };
}

/** The words for each cell of a breakdown. */
export function cellLabels(by: Dimension, c: Pick<RegionConfig, 'fourWeeksDays'>): Readonly<Record<string, string>> {
  switch (by) {
    case 'sector':
      return SECTOR_LABELS;
    case 'leeftijd':
      return AGE_BAND_LABELS;
    case 'reden':
      return { ...REASON_LABELS, onbekend: 'Reden niet vastgelegd' };
    case 'wachtlijst':
      return { ...WAITING_FOR_LABELS, geen: 'Op geen wachtlijst' };
    case 'duur':
      return durationBandLabels(c);
  }
}
