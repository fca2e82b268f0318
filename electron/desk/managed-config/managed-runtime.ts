import type { ManagedSetupView } from '../../../shared/contract/views';
import { lockedSettings, type ManagedConfig } from './managed-config';

/** The managed configuration as the running desk holds it, with what the first run did with it. */
export interface ManagedRuntime {
  config: ManagedConfig;
  silentEnrolment: { ok: boolean; message: string | null } | null;
}

export function managedRuntime(config: ManagedConfig | null): ManagedRuntime | null {
  return config ? { config, silentEnrolment: null } : null;
}

export function managedSetupView(m: ManagedRuntime | null | undefined): ManagedSetupView | null {
  if (!m) return null;
  return { source: m.config.source, locked: lockedSettings(m.config), silentEnrolment: m.silentEnrolment };
}
