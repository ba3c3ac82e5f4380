import type Database from 'better-sqlite3';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/sync';

/** The user's settings, one validated JSON document in the user store. */
export class SettingsStore {
  private readonly read: Database.Statement<[], { value: string }>;
  private readonly write: Database.Statement;

  constructor(sqlite: Database.Database) {
    this.read = sqlite.prepare("SELECT value FROM settings WHERE key = 'settings'");
    this.write = sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('settings', ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at");
  }

  get(): Settings {
    const row = this.read.get();
    if (!row) return DEFAULT_SETTINGS;
    // A setting written by a newer or broken version falls back field by field, never the whole document.
    const stored = JSON.parse(row.value) as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
      const field = settingsSchema.shape[key].safeParse(stored[key]);
      if (field.success) merged[key] = field.data;
    }
    return merged as Settings;
  }

  update(patch: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...patch });
    this.write.run(JSON.stringify(next), new Date().toISOString());
    return next;
  }
}
