// The region configuration in force is part of the audit trail: each start (server or CLI) that finds it
// different from the last one recorded records the new one, with the old one beside it.
import type { RegionConfig, SettingsChange } from '@pact/projections';
import type { AuthStore } from './auth/store.ts';

/** Records the configuration when it differs from the last recorded one; says whether it did. */
export async function auditRegionConfig(auth: AuthStore, config: RegionConfig, subject: string, rebuilt: SettingsChange | null): Promise<boolean> {
  const last = await auth.lastAudit('config');
  const previous = (last?.params as { config?: RegionConfig } | undefined)?.config ?? null;
  if (previous && JSON.stringify(previous) === JSON.stringify(config)) return false;
  await auth.audit({ subject, role: 'admin', action: 'config', target: 'config', params: { config, previous, readModelsRebuilt: rebuilt !== null } });
  return true;
}
