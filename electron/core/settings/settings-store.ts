import { z } from 'zod';
import { ContractError } from '../../../shared/contract';
import { insecurePortalRefusal } from '../../../shared/portal-transport';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../shared/sync';
import type { SettingsTable } from '../db/user/settings';

/** Whatever JSON object is stored; anything else reads as no settings at all. */
const storedDocument = z.record(z.string(), z.unknown()).catch({});

/** The key of the one settings document. */
const SETTINGS_KEY = 'settings';

/** The user's settings, one validated JSON document in the user store. */
export class SettingsStore {
  constructor(private readonly table: SettingsTable) {}

  get(): Settings {
    const value = this.table.read(SETTINGS_KEY);
    if (value === undefined) return DEFAULT_SETTINGS;
    // A setting written by a newer or broken version falls back field by field, never the whole document.
    const stored = storedDocument.parse(JSON.parse(value));
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
      const field = settingsSchema.shape[key].safeParse(stored[key]);
      if (field.success) merged[key] = field.data;
    }
    return merged as Settings;
  }

  /**
   * Saves a change. A new portal address reached over plain http away from this
   * computer is refused unless an insecure portal is allowed (in the same change
   * or before); other changes go through whatever address is saved, and turning
   * the permission off always does (nothing is sent to such a portal then).
   */
  update(patch: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...patch });
    const refusal = patch.serverUrl ? insecurePortalRefusal(patch.serverUrl, next.allowInsecurePortal) : null;
    if (refusal) throw new ContractError('invalid_arguments', refusal);
    this.table.write(SETTINGS_KEY, JSON.stringify(next), new Date().toISOString());
    return next;
  }
}
