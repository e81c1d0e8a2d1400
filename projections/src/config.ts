// The region configuration of metrics.md ("Region configuration"): every constant a region may choose, as data.
// One JSON file (named by PACT_CONFIG) or the defaults; validated with a clear error per key; every report names it.
import * as z from 'zod';
import { gemeenteCode, swvCode } from '@pact/events';

export const PROFILES = ['officieel', 'breed', 'leerrecht'] as const;
export type Profile = (typeof PROFILES)[number];

const schema = z.strictObject({
  defaultProfile: z.enum(PROFILES, { message: `kies een van ${PROFILES.join(', ')}` }),
  suppressionK: z.int({ message: 'een geheel getal' }).min(2, { message: 'minstens 2' }).max(100, { message: 'hoogstens 100' }),
  fourWeeksDays: z.int({ message: 'een geheel getal' }).min(1, { message: 'minstens 1' }).max(366, { message: 'hoogstens 366' }),
  normMonths: z.int({ message: 'een geheel getal' }).min(2, { message: 'minstens 2 (de signaalgrens ligt een maand eerder)' }).max(24, { message: 'hoogstens 24' }),
  normGapDays: z.int({ message: 'een geheel getal' }).min(0, { message: 'minstens 0 (0: onderbrekingen niet overbruggen)' }).max(90, { message: 'hoogstens 90' }),
  overlegPauseMonths: z
    .array(z.int().min(1).max(12), { message: 'een lijst van maandnummers 1 tot en met 12' })
    .refine((months) => new Set(months).size === months.length, { message: 'elke maand één keer' }),
  /** swv code → its gemeenten; a swv not listed takes its gemeenten from the cases (metrics.md "Scope"). */
  swvGemeenten: z.record(swvCode, z.array(gemeenteCode).min(1, { message: 'minstens één gemeente' }), { message: 'een object: code samenwerkingsverband → lijst van gemeentecodes' }),
});

export type RegionConfig = z.infer<typeof schema>;

export const DEFAULT_CONFIG: RegionConfig = Object.freeze({
  defaultProfile: 'officieel',
  suppressionK: 5,
  fourWeeksDays: 28,
  normMonths: 3,
  normGapDays: 14,
  overlegPauseMonths: [],
  swvGemeenten: {},
});

/** One problem with a configuration, by key (`normMonths`, `swvGemeenten.PO2601.0`). */
export interface ConfigIssue {
  key: string;
  message: string;
}

export type ConfigResult = { ok: true; config: RegionConfig } | { ok: false; issues: ConfigIssue[] };

/** Checks a configuration (keys left out take their default); never echoes a value. */
export function parseRegionConfig(input: unknown): ConfigResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ key: '', message: 'De configuratie is geen JSON-object' }] };
  }
  const parsed = schema.partial().safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((issue): ConfigIssue[] =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ key, message: `Onbekende sleutel; bekend zijn ${Object.keys(DEFAULT_CONFIG).join(', ')}` }))
        : [{ key: issue.path.map(String).join('.'), message: `Ongeldige waarde: ${issue.message}` }],
    );
    return { ok: false, issues };
  }
  const config = { ...DEFAULT_CONFIG, ...parsed.data };
  return { ok: true, config: { ...config, overlegPauseMonths: [...config.overlegPauseMonths].sort((a, b) => a - b) } };
}

/** The part of the configuration that the projections' time rules use: when it changes, the read models are rebuilt. */
export function projectionSettings(config: RegionConfig): Pick<RegionConfig, 'fourWeeksDays' | 'normMonths' | 'normGapDays'> {
  return { fourWeeksDays: config.fourWeeksDays, normMonths: config.normMonths, normGapDays: config.normGapDays };
}

/** The Leerplichttelling's own "3 months" (`av_3m`, `lrv_3m`): not the region's norm, it stays whatever `normMonths` is. */
export const LEERPLICHTTELLING_MONTHS = 3;
