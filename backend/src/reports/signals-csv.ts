// The signal list as Dutch-Excel CSV, in the same words as the dashboard.
import { AGE_BAND_LABELS, PLAN_STATUS_LABELS, SIGNAL_GROUP_LABELS, signalLevelLabels, type RegionConfig, type SignalList } from '@pact/projections';
import { csvDocument } from './csv.ts';

export function signalsCsv(list: SignalList, config: RegionConfig): string {
  const levels = signalLevelLabels(config);
  const rows = [
    ['Pactmonitor', 'Signaleringslijst'],
    ['Peildatum', list.on],
    ['Profiel', list.profile],
    ['Gemeente', list.scope.gemeente ?? 'alle'],
    ['Samenwerkingsverband', list.scope.swv ?? 'alle'],
    ['Stand van registratie (asOf)', list.asOf ?? 'actueel'],
    [],
    ['casus', 'groep', 'signaal', 'gemeente', 'swv', 'sector', 'leeftijd', 'thuis sinds', 'dagen thuis', `${config.normMonths} maanden op`, 'plan', 'evaluatiedatum', 'aanbod', 'aanbod sinds', 'wachtlijsten', 'escalatie', 'laatst besproken', 'besproken deze maand'],
    ...list.signals.map((s) => [
      s.caseId,
      SIGNAL_GROUP_LABELS[s.group],
      levels[s.level],
      s.gemeente,
      s.swv,
      s.sector,
      AGE_BAND_LABELS[s.ageBand],
      s.spellStart,
      String(s.daysOut),
      s.normOn,
      s.plan ? PLAN_STATUS_LABELS[s.plan.status] : 'geen plan',
      s.plan?.reviewOn ?? '',
      s.offer?.kind ?? '',
      s.offer?.start ?? '',
      s.waitlists.join(', '),
      s.escalation ?? '',
      s.lastDiscussed?.on ?? '',
      s.discussedThisMonth ? 'ja' : 'nee',
    ]),
  ];
  return csvDocument(rows);
}
