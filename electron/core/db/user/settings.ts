// The settings table of the user store: one JSON value per key.
import { prepareQuery } from '../prepared-query';
import type { UserDatabase } from '../schema';
import type { Store } from '../stores';

function prepareSettings({ db, sqlite }: Store<UserDatabase>) {
  return {
    read: prepareQuery(sqlite, (args: { key: string }) => db.selectFrom('settings').select('value').where('key', '=', args.key)),
    write: prepareQuery(sqlite, (args: { key: string; value: string; at: string }) =>
      db
        .insertInto('settings')
        .values({ key: args.key, value: args.value, updated_at: args.at })
        .onConflict((conflict) => conflict.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), updated_at: eb.ref('excluded.updated_at') }))),
    ),
  };
}

export class SettingsTable {
  private readonly queries: ReturnType<typeof prepareSettings>;

  constructor(store: Store<UserDatabase>) {
    this.queries = prepareSettings(store);
  }

  /** The stored JSON text of `key`; undefined when it was never written. */
  read(key: string): string | undefined {
    return this.queries.read.get({ key })?.value;
  }

  write(key: string, value: string, at: string): void {
    this.queries.write.run({ key, value, at });
  }
}
