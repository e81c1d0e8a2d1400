// How cases go, as scripts over a CaseSchedule: the phase paths of the Utrecht note (op school → minder naar
// school → thuis, and back), absolute verzuim, geoorloofd verzuim, vrijstelling 5a, and around each spell
// without education the plan (mostly within three months, some late, some never), waiting lists, offers,
// escalations and drang en dwang. Durations are log-normal (many short, a long tail).
import { addDays, addMonths, daysBetween, type EventData, type IsoDate } from '@pact/events';
import { CaseSchedule } from './case-builder.ts';
import type { Random } from './random.ts';

export const ARCHETYPES = ['dreigend', 'geoorloofd', 'lrv', 'av', 'kort', 'vrijstelling', 'vergissing'] as const;
export type Archetype = (typeof ARCHETYPES)[number];

type Opened = EventData<'CaseOpened'>;
type Reason = NonNullable<EventData<'PhaseChanged'>['reason']>;
type WaitingFor = EventData<'WaitlistEntered'>['waitingFor'];
type OfferKind = EventData<'OfferStarted'>['offerKind'];

/** Who the child is (the same in every case of the child) and where the case is registered. */
export interface ChildProfile {
  childRef: string;
  gemeente: string;
  swv: string;
  sector: Opened['sector'];
  birthYear: number;
  signalledBy: Opened['signalledBy'];
}

/** A scheduled case and what the recording step needs to know about it. */
export interface ScriptedCase {
  schedule: CaseSchedule;
  archetype: Archetype;
  /** A case opened by mistake: its CaseOpened is retracted a few days later. */
  voided?: 'dubbel' | 'verkeerd_kind';
}

const UNAUTHORISED_REASONS: Readonly<Record<Reason, number>> = {
  psychisch: 18,
  schooltrauma: 14,
  geen_passend_aanbod: 16,
  wachtlijst: 12,
  conflict_school: 12,
  schorsing: 5,
  verwijdering: 4,
  ziekte: 4,
  overig: 15,
};
const AUTHORISED_REASONS = { ziekte: 45, psychisch: 45, overig: 10 } as const;

/** The age (in years) on opening, by sector. */
export const AGE_BY_SECTOR: Readonly<Record<Opened['sector'], [number, number]>> = {
  po: [6, 12],
  so: [5, 12],
  vo: [12, 17],
  vso: [12, 18],
  mbo: [16, 18],
  geen: [5, 17],
};

export function scriptCase(rng: Random, archetype: Archetype, child: ChildProfile, openedOn: IsoDate): ScriptedCase {
  const schedule = new Script(rng, child, openedOn)[archetype]();
  return { schedule, archetype, ...(archetype === 'vergissing' ? { voided: rng.chance(0.6) ? 'dubbel' : 'verkeerd_kind' } : {}) };
}

class Script {
  private sch!: CaseSchedule;

  constructor(
    private readonly rng: Random,
    private readonly child: ChildProfile,
    private readonly openedOn: IsoDate,
  ) {}

  private open(phase: Opened['phase'], enrolled: boolean, authorised?: boolean, reason?: Reason): CaseSchedule {
    this.sch = new CaseSchedule({
      ...this.child,
      enrolled,
      phase,
      ...(phase === 'op_school' ? {} : { authorised: authorised ?? false, ...(reason ? { reason } : {}) }),
      effectiveOn: this.openedOn,
    });
    return this.sch;
  }

  private reason(authorised: boolean): Reason {
    return authorised ? this.rng.weighted(AUTHORISED_REASONS) : this.rng.weighted(UNAUTHORISED_REASONS);
  }

  private age(on: IsoDate): number {
    return Number(on.slice(0, 4)) - this.child.birthYear;
  }

  // --- the scripts ---------------------------------------------------------------------------------------

  /** Langdurig relatief verzuim: enrolled, at home without authorisation, often after a stretch of partial attendance. */
  lrv(): CaseSchedule {
    return this.atHome('lrv', 0.55, 56, () => this.rng.days(240, 0.55, 10, 1100));
  }

  /** Absoluut verzuim: not enrolled anywhere (verwijderd, between schools, waiting for a place in SO/VSO). */
  av(): CaseSchedule {
    const { rng } = this;
    this.open('thuis', false, false, rng.weighted({ verwijdering: 25, geen_passend_aanbod: 30, wachtlijst: 25, overig: 20 }));
    const days = rng.chance(0.06) ? rng.int(5, 60) : rng.days(220, 0.55, 30, 1100);
    this.homeSpell(this.openedOn, days, 'av');
    return this.afterSpell(addDays(this.openedOn, days), 'av');
  }

  /** Geoorloofd verzuim: at home, authorised (ill, psychisch); not in the official count. */
  geoorloofd(): CaseSchedule {
    return this.atHome('geoorloofd', 0.3, 40, () => this.rng.days(60, 0.9, 5, 900));
  }

  /** Dreigend thuiszitten: going to school less (minder naar school), often with a reduced timetable. */
  dreigend(): CaseSchedule {
    const { rng } = this;
    const authorised = rng.chance(0.45);
    this.open('minder_naar_school', true, authorised, this.reason(authorised));
    const days = rng.days(85, 0.8, 14, 700);
    const end = addDays(this.openedOn, days);
    if (rng.chance(0.45)) {
      const from = addDays(this.openedOn, rng.int(0, Math.min(30, days - 1)));
      this.sch.add(from, 'ReducedTimetableGranted', { hoursPerWeek: rng.int(6, 20) });
      this.sch.add(addDays(end, rng.int(0, 21)), 'ReducedTimetableEnded', {});
    }
    this.plans(this.openedOn, days, { planShare: 0.55 });
    this.waitlists(this.openedOn, days, { jeugdhulp: 0.15, ggz: 0.12, diagnostiek: 0.05 });
    const next = rng.weighted({ terug: 78, thuis: 12, geoorloofd: 10 });
    if (next === 'terug') {
      this.sch.add(end, 'PhaseChanged', { phase: 'op_school' });
      return this.close(addDays(end, rng.int(10, 60)));
    }
    // worse before better: the child ends up at home
    const authorisedHome = next === 'geoorloofd';
    this.sch.add(end, 'PhaseChanged', { phase: 'thuis', authorised: authorisedHome, reason: this.reason(authorisedHome) });
    const home = authorisedHome ? rng.days(60, 0.8, 5, 700) : rng.days(220, 0.55, 10, 900);
    this.homeSpell(end, home, authorisedHome ? 'geoorloofd' : 'lrv');
    return this.afterSpell(addDays(end, home), authorisedHome ? 'geoorloofd' : 'lrv');
  }

  /** Kort verzuim: at home without authorisation for less than four weeks. */
  kort(): CaseSchedule {
    const { rng } = this;
    this.open('thuis', true, false, this.reason(false));
    const back = addDays(this.openedOn, rng.int(3, 25));
    if (rng.chance(0.35)) this.sch.add(addDays(this.openedOn, rng.int(2, 10)), 'EnforcementRecorded', { measure: 'waarschuwing' });
    this.sch.add(back, 'PhaseChanged', { phase: 'op_school' });
    return this.close(addDays(back, rng.int(7, 40)), 'terug_naar_school');
  }

  /** A vrijstelling: mostly 5 onder a (not fit to attend school), some 5b/5c/15. */
  vrijstelling(): CaseSchedule {
    const { rng } = this;
    this.open('thuis', true, true, this.reason(true));
    const from = addDays(this.openedOn, rng.int(14, 100));
    this.exemption(from, rng.weighted({ '5a': 85, '5b': 8, '5c': 4, '15': 3 }));
    return this.sch;
  }

  /** Opened by mistake (twice, or for the wrong child); the recording step retracts its CaseOpened. */
  vergissing(): CaseSchedule {
    const { rng } = this;
    this.open('thuis', true, false, this.reason(false));
    if (rng.chance(0.5)) this.sch.add(addDays(this.openedOn, rng.int(0, 5)), 'WaitlistEntered', { waitingFor: 'jeugdhulp' });
    return this.sch;
  }

  // --- parts ---------------------------------------------------------------------------------------------

  /** A case that opens with a spell at home (see `openAtHome`) of `duration()` days. */
  private atHome(kind: 'lrv' | 'geoorloofd', viaPartial: number, maxDelay: number, duration: () => number): CaseSchedule {
    const start = this.openAtHome(kind === 'geoorloofd', viaPartial, maxDelay);
    const days = duration();
    this.homeSpell(start, days, kind);
    return this.afterSpell(addDays(start, days), kind);
  }

  /** Opens at home, or (with chance `viaPartial`) going to school less first and at home a few weeks later; returns the first day at home. */
  private openAtHome(authorised: boolean, viaPartial: number, maxDelay: number): IsoDate {
    const { rng } = this;
    if (!rng.chance(viaPartial)) {
      this.open('thuis', true, authorised, this.reason(authorised));
      return this.openedOn;
    }
    const partlyAuthorised = authorised || rng.chance(0.35);
    this.open('minder_naar_school', true, partlyAuthorised, this.reason(partlyAuthorised));
    const start = addDays(this.openedOn, rng.int(7, maxDelay));
    this.sch.add(start, 'PhaseChanged', { phase: 'thuis', authorised, reason: this.reason(authorised) });
    return start;
  }

  /** An exemption from `from`: limited (until) or open; some end and the child returns. */
  private exemption(from: IsoDate, article: EventData<'ExemptionGranted'>['article']): CaseSchedule {
    const { rng } = this;
    const limited = rng.chance(0.5);
    const until = limited ? addDays(addMonths(from, 12), -1) : undefined;
    this.sch.add(from, 'ExemptionGranted', { article, ...(until ? { until } : {}) });
    if (article === '5a') this.waitlists(from, 365, { ggz: 0.2, jeugdhulp: 0.15 });
    if (!limited && rng.chance(0.3)) {
      const end = addDays(from, rng.days(200, 0.5, 30, 900));
      this.sch.add(end, 'ExemptionEnded', {});
      return this.backToSchool(end, 'vrijstelling');
    }
    if (until && rng.chance(0.4)) {
      // renewed for another year the day after it lapses
      this.sch.add(addDays(until, 1), 'ExemptionGranted', { article, until: addDays(addMonths(until, 12), -1) });
      return this.close(addMonths(until, 12), this.age(until) >= 16 ? 'leeftijd' : 'overig');
    }
    // a limited exemption closes the case when it ends; an open one after a while
    const closeOn = until ?? addDays(from, rng.days(420, 0.5, 30, 1400));
    return this.close(closeOn, this.age(closeOn) >= 17 ? 'leeftijd' : 'overig');
  }

  /**
   * A spell without education of `days` from `start`: plan(s), waiting lists, mid-spell offer, escalation when
   * nothing happens, drang en dwang when the absence is unauthorised.
   */
  private homeSpell(start: IsoDate, days: number, kind: 'lrv' | 'av' | 'geoorloofd') {
    const { rng } = this;
    const end = addDays(start, days);
    const planned = this.plans(start, days, { planShare: kind === 'geoorloofd' ? 0.6 : 0.9 });
    if (kind === 'av') this.waitlists(start, days, { so_vso: 0.45, tlv: 0.25, jeugdhulp: 0.2, ggz: 0.12, diagnostiek: 0.08 });
    else if (kind === 'lrv') this.waitlists(start, days, { so_vso: 0.18, tlv: 0.08, jeugdhulp: 0.25, ggz: 0.25, diagnostiek: 0.1 });
    else this.waitlists(start, days, { ggz: 0.3, jeugdhulp: 0.2, diagnostiek: 0.1 });
    // a passend aanbod while still at home (maatwerk, onderwijs-zorg, zorg): for about half of the long spells
    if (days > 45 && rng.chance(kind === 'geoorloofd' ? 0.25 : 0.5)) this.offerAtHome(start, days);
    if (kind === 'lrv' && days > 60 && rng.chance(0.1)) this.interruption(start, days);
    if (kind !== 'geoorloofd' && days > 70 && (planned === null || planned > 60) && rng.chance(0.55)) {
      const on = addDays(start, rng.int(60, Math.min(100, days - 1)));
      this.sch.add(on, 'Escalated', { level: 'actietafel' });
      this.sch.add(on, 'CaseDiscussed', { forum: 'actietafel' });
    }
    if (kind !== 'geoorloofd' && days > 180 && rng.chance(0.1)) this.sch.add(addDays(start, rng.int(150, Math.min(240, days - 1))), 'Escalated', { level: 'bestuurlijk' });
    if (kind !== 'geoorloofd' && rng.chance(0.42)) this.enforcement(start, end);
    if (kind === 'lrv' && days > 160 && rng.chance(0.12)) {
      // the school removes the child: absoluut verzuim within the spell, enrolled again when the spell ends
      this.sch.add(addDays(start, rng.int(20, 60)), 'EnrolmentChanged', { enrolled: false });
    } else if (kind === 'lrv' && days > 60 && rng.chance(0.08)) {
      // the absence is authorised after all (a doctor's statement)
      this.sch.add(addDays(start, rng.int(30, days - 1)), 'PhaseChanged', { phase: 'thuis', authorised: true, reason: rng.pick(['ziekte', 'psychisch'] as const) });
    }
    return end;
  }

  /**
   * Plans for a spell: the first mostly within three months, some late, some never. At each review date a plan is
   * reviewed and goes on (PlanReviewed), replaced, ended, or the review is forgotten (the plan is verlopen from the
   * day after its review date and covers nothing). Returns the first plan's day.
   */
  private plans(start: IsoDate, days: number, options: { planShare: number }): number | null {
    const { rng } = this;
    if (!rng.chance(options.planShare)) return null;
    const r = rng.next();
    let offset = r < 0.76 ? rng.int(5, 85) : rng.int(95, 260);
    const first = offset;
    if (offset >= days) return null;
    for (let plans = 0; plans < 4 && offset < days; plans++) {
      const on = addDays(start, offset);
      let reviewOn = addMonths(on, 3);
      this.sch.add(on, 'PlanAgreed', {
        accountableRole: rng.weighted({ school: 35, swv: 25, leerplicht: 18, jeugdhulp: 10, gemeente: 6, jgz: 6 }),
        planKind: rng.weighted({ onderwijs: 40, onderwijs_zorg: 30, zorg: 20, maatwerk: 10 }),
        reviewOn,
      });
      // the plan's review dates while the spell lasts
      let next: string = 'vergeten';
      for (let reviews = 0; reviews < 6; reviews++) {
        if (daysBetween(start, reviewOn) >= days) return first; // the spell ends before the review is due
        next = rng.weighted({ herzien: 34, vervangen: 30, vergeten: 14, verlopen: 12, mislukt: 10 });
        if (next !== 'herzien') break;
        const reviewed = addDays(reviewOn, rng.int(-14, 10));
        reviewOn = addMonths(reviewed, 3);
        this.sch.add(reviewed, 'PlanReviewed', { nextReviewOn: reviewOn });
      }
      if (next === 'vergeten' || next === 'herzien') return first; // nobody looks at it again: verlopen until the case closes
      const at = daysBetween(start, reviewOn);
      if (next === 'vervangen') {
        offset = at + rng.int(0, 14);
      } else {
        this.sch.add(addDays(reviewOn, rng.int(0, 21)), 'PlanEnded', { outcome: next as 'verlopen' | 'mislukt' });
        offset = at + rng.int(25, 80);
      }
    }
    return first;
  }

  /** An offer while the child is still at home; some break off (the child is without aanbod again), some never really begin. */
  private offerAtHome(start: IsoDate, days: number) {
    const { rng } = this;
    const from = rng.int(20, Math.min(days - 1, 160));
    this.sch.add(addDays(start, from), 'OfferStarted', { offerKind: rng.weighted({ maatwerk: 5, zorg: 3, onderwijs_zorg: 2 }) });
    const end = rng.weighted({ loopt: 55, afgebroken: 30, niet_gestart: 15 });
    if (end === 'niet_gestart') this.sch.add(addDays(start, from + rng.int(3, 21)), 'OfferEnded', { outcome: 'niet_gestart' });
    else if (end === 'afgebroken' && days - from > 30) this.sch.add(addDays(start, from + rng.int(20, days - from - 1)), 'OfferEnded', { outcome: 'afgebroken' });
  }

  /** A few days of going to school partly in the middle of a spell at home, then at home again (the norm's clock runs on). */
  private interruption(start: IsoDate, days: number) {
    const { rng } = this;
    const from = addDays(start, rng.int(20, days - 30));
    this.sch.add(from, 'PhaseChanged', { phase: 'minder_naar_school', authorised: false, reason: this.reason(false) });
    this.sch.add(addDays(from, rng.chance(0.75) ? rng.int(3, 14) : rng.int(15, 25)), 'PhaseChanged', { phase: 'thuis', authorised: false, reason: this.reason(false) });
  }

  private waitlists(start: IsoDate, days: number, chances: Partial<Record<WaitingFor, number>>) {
    const { rng } = this;
    const median: Record<WaitingFor, number> = { so_vso: 120, tlv: 40, jeugdhulp: 90, ggz: 150, diagnostiek: 100 };
    for (const [w, p] of Object.entries(chances) as [WaitingFor, number][]) {
      if (!rng.chance(p)) continue;
      const entered = rng.int(0, Math.min(45, Math.max(0, days - 1)));
      this.sch.add(addDays(start, entered), 'WaitlistEntered', { waitingFor: w });
      const left = entered + rng.days(median[w], 0.6, 7, 900);
      // a place comes free, or the child leaves the list when the spell ends another way
      this.sch.add(addDays(start, left < days || rng.chance(0.3) ? left : days), 'WaitlistLeft', { waitingFor: w });
    }
  }

  private enforcement(start: IsoDate, end: IsoDate) {
    const { rng } = this;
    let on = addDays(start, rng.int(10, 50));
    if (on >= end) return;
    this.sch.add(on, 'EnforcementRecorded', { measure: 'waarschuwing' });
    if (rng.chance(0.35)) {
      on = addDays(on, rng.int(20, 90));
      if (on < end) this.sch.add(on, 'EnforcementRecorded', { measure: 'proces_verbaal' });
    }
    if (rng.chance(0.07)) this.sch.add(addDays(start, rng.int(20, 120)), 'EnforcementRecorded', { measure: 'veilig_thuis' });
    if (rng.chance(0.04)) this.sch.add(addDays(start, rng.int(60, 200)), 'EnforcementRecorded', { measure: 'raad_kinderbescherming' });
  }

  /** What happens when a spell at home ends on `on`. */
  private afterSpell(on: IsoDate, kind: 'lrv' | 'av' | 'geoorloofd'): CaseSchedule {
    const { rng } = this;
    const age = this.age(on);
    const weights: Record<string, number> =
      kind === 'av'
        ? { terug: 65, verhuisd: 14, vijfA: 7, leeftijd: age >= 16 ? 14 : 2 }
        : kind === 'lrv'
          ? { terug: 82, vijfA: 6, verhuisd: 4, leeftijd: age >= 16 ? 8 : 1 }
          : { terug: 78, vijfA: 12, ongeoorloofd: 7, leeftijd: age >= 16 ? 4 : 1 };
    switch (rng.weighted(weights)) {
      case 'verhuisd':
        return this.close(on, 'verhuisd');
      case 'leeftijd':
        return this.close(on, rng.chance(0.2) && this.child.sector !== 'po' ? 'startkwalificatie' : 'leeftijd');
      case 'vijfA':
        return this.exemption(on, '5a');
      case 'ongeoorloofd': {
        this.sch.add(on, 'PhaseChanged', { phase: 'thuis', authorised: false, reason: this.reason(false) });
        const days = rng.days(200, 0.55, 10, 800);
        this.homeSpell(on, days, 'lrv');
        return this.afterSpell(addDays(on, days), 'lrv');
      }
      default:
        return this.backToSchool(on, kind);
    }
  }

  /** Back to school: gradually (minder naar school, often a reduced timetable) or at once, mostly with an offer. */
  private backToSchool(on: IsoDate, kind: 'lrv' | 'av' | 'geoorloofd' | 'vrijstelling', relapses = 0): CaseSchedule {
    const { rng } = this;
    // enrolled again (absoluut verzuim, or a removal within the spell); `finish` drops it when already enrolled
    this.sch.add(on, 'EnrolmentChanged', { enrolled: true });
    const offerKind: OfferKind | null = rng.chance(kind === 'av' ? 0.9 : 0.6)
      ? rng.weighted(kind === 'av' ? { speciaal_onderwijs: 35, regulier: 25, onderwijs_zorg: 20, maatwerk: 20, zorg: 0 } : { regulier: 40, maatwerk: 25, onderwijs_zorg: 20, speciaal_onderwijs: 10, zorg: 5 })
      : null;
    if (offerKind) {
      this.sch.add(on, 'OfferStarted', { offerKind });
      // a completed offer (or one turned into regular schooling) is often recorded as ended
      if (rng.chance(0.4)) this.sch.add(addDays(on, rng.int(40, 240)), 'OfferEnded', { outcome: 'afgerond' });
    }
    let back = on;
    if (rng.chance(0.45)) {
      this.sch.add(on, 'PhaseChanged', { phase: 'minder_naar_school', authorised: true, reason: 'overig' });
      const reduced = rng.chance(0.5);
      if (reduced) this.sch.add(on, 'ReducedTimetableGranted', { hoursPerWeek: rng.int(8, 20) });
      back = addDays(on, rng.days(35, 0.6, 7, 200));
      if (reduced) this.sch.add(addDays(back, rng.int(0, 30)), 'ReducedTimetableEnded', {});
    }
    this.sch.add(back, 'PhaseChanged', { phase: 'op_school' });
    if (kind !== 'vrijstelling' && relapses === 0 && rng.chance(0.12)) {
      // and back home again: a second spell in the same case
      const again = addDays(back, rng.int(20, 120));
      const authorised = rng.chance(0.35);
      this.sch.add(again, 'PhaseChanged', { phase: 'thuis', authorised, reason: this.reason(authorised) });
      const days = authorised ? rng.days(70, 0.6, 7, 500) : rng.days(220, 0.5, 10, 700);
      this.homeSpell(again, days, authorised ? 'geoorloofd' : 'lrv');
      return this.backToSchool(addDays(again, days), authorised ? 'geoorloofd' : 'lrv', relapses + 1);
    }
    const outcome = offerKind && offerKind !== 'regulier' ? 'passend_aanbod' : 'terug_naar_school';
    return this.close(addDays(back, rng.int(10, 75)), outcome);
  }

  private close(on: IsoDate, outcome?: EventData<'CaseClosed'>['outcome']): CaseSchedule {
    this.sch.add(on, 'CaseClosed', { outcome: outcome ?? (this.rng.chance(0.9) ? 'terug_naar_school' : 'overig') });
    return this.sch;
  }
}
