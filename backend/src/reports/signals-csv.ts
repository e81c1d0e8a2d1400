// The signal list as Dutch-Excel CSV.
import type { Signal } from '@pact/projections';
import { csvDocument } from './csv.ts';

const LEVEL_LABELS: Record<Signal['level'], string> = {
  overschreden: 'langer dan 3 maanden zonder plan',
  dreigend: '2 tot 3 maanden zonder plan',
  aandacht: 'meer dan 4 weken zonder plan',
  gedekt: 'plan of aanbod',
};

export function signalsCsv(on: string, signals: Signal[]): string {
  const rows = [
    ['Pactmonitor', 'Signaleringslijst'],
    ['Peildatum', on],
    [],
    ['casus', 'gemeente', 'swv', 'sector', 'signaal', 'thuis sinds', 'dagen thuis', '3 maanden op', 'plan', 'evaluatie plan', 'aanbod', 'wachtlijsten', 'laatst besproken'],
    ...signals.map((s) => [
      s.caseId,
      s.gemeente,
      s.swv,
      s.sector,
      LEVEL_LABELS[s.level],
      s.spellStart,
      String(s.daysOut),
      s.normOn,
      s.plan ? `${s.plan.planKind} (${s.plan.accountableRole}) sinds ${s.plan.since}` : '',
      s.plan ? `${s.plan.reviewOn}${s.plan.reviewOverdue ? ' (verlopen)' : ''}` : '',
      s.offer ? `${s.offer.offerKind} sinds ${s.offer.since}` : '',
      s.waitlists.map((w) => `${w.waitingFor} sinds ${w.since}`).join(', '),
      s.lastDiscussed ? `${s.lastDiscussed.on} (${s.lastDiscussed.forum})` : '',
    ]),
  ];
  return csvDocument(rows);
}
