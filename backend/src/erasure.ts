// Erasure on request (AVG, art. 17): every case of one child leaves the event log and the read models, and the
// figures are computed again without them. Views of those cases stay in the audit trail without naming the case;
// the erasure itself is audited anonymously: who, when, how many cases and events, never the child or a case id.
// Meetings stay: a MeetingHeld names no case (only how many were discussed), and the case's CaseDiscussed that
// pointed at it is erased with the case. A failure midway is made good by erasing again (nothing is found twice).
// Then the rows leave the disk too (./erasure-disk.ts).
import type { Db, EventStore } from '@pact/events';
import type { Projector } from '@pact/projections';
import type { Principal } from './auth/roles.ts';
import type { AuthStore } from './auth/store.ts';
import { removeFromDisk } from './erasure-disk.ts';

export interface ErasureResult {
  cases: number;
  events: number;
}

export async function eraseChild(
  parts: { store: EventStore; projector: Projector; auth: AuthStore; db: Db },
  childRef: string,
  by: Pick<Principal, 'subject' | 'role'>,
): Promise<ErasureResult> {
  const caseIds = await parts.projector.casesOfChild(childRef);
  const events = await parts.store.deleteStreams(caseIds.map((id) => `case-${id}`));
  await parts.projector.forget(caseIds);
  await parts.auth.forgetCases(caseIds);
  const result = { cases: caseIds.length, events };
  await parts.auth.audit({ subject: by.subject, role: by.role, action: 'erase', params: { ...result } });
  // last: the deleted rows (and the audit's old versions of the view entries) leave the data files and the WAL
  const disk = await removeFromDisk(parts.db);
  if (disk.skipped.length > 0) console.warn(`Wissen: niet toegestaan voor deze databasegebruiker, over aan beheer: ${disk.skipped.join(', ')} (README, Wissen)`);
  return result;
}
