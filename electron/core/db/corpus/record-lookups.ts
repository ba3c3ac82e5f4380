// The corpus reads of the user's features: annotations, collections, the outbox
// and export look synced records up by type and id (their title, their text, or
// whether a delivered post has arrived). Prepared once, on the corpus store.
import type { Store } from '../stores';
import type { CorpusDatabase } from '../schema';
import { prepareQuery } from '../prepared-query';

interface RecordKey {
  type: string;
  id: string;
}

/** A record as annotations see it: the version and text their selectors refer to, and what the filters name. */
export interface AnnotatableRecord {
  version: number;
  title: string;
  record: Record<string, unknown>;
  /** The record's countries (`countries`, then `country`) as its data holds them. */
  countries: string[];
}

// The data column holds the record as the portal sent it, validated by its schema when it was stored.
const parseData = (data: string): Record<string, unknown> => JSON.parse(data) as Record<string, unknown>;

function countriesIn(record: Record<string, unknown>): string[] {
  const { countries, country } = record as { countries?: string[]; country?: string };
  return [...(countries ?? []), ...(country ? [country] : [])];
}

function prepareLookups({ db, sqlite }: Store<CorpusDatabase>) {
  const record = (args: RecordKey) => db.selectFrom('records').where('type', '=', args.type).where('id', '=', args.id);
  return {
    present: prepareQuery(sqlite, (args: RecordKey) => record(args).select((eb) => eb.lit(1).as('one'))),
    title: prepareQuery(sqlite, (args: RecordKey) => record(args).select('title')),
    data: prepareQuery(sqlite, (args: RecordKey) => record(args).select('data')),
    annotatable: prepareQuery(sqlite, (args: RecordKey) => record(args).select(['version', 'title', 'data'])),
  };
}

export class RecordLookups {
  private readonly queries: ReturnType<typeof prepareLookups>;

  constructor(corpus: Store<CorpusDatabase>) {
    this.queries = prepareLookups(corpus);
  }

  /** Whether the record is in the library. */
  has(type: string, id: string): boolean {
    return this.queries.present.get({ type, id }) !== undefined;
  }

  /** The record's title; undefined when it is not (or no longer) synced. */
  titleOf(type: string, id: string): string | undefined {
    return this.queries.title.get({ type, id })?.title;
  }

  /** The record's data as stored; undefined when it is not synced. */
  dataOf(type: string, id: string): Record<string, unknown> | undefined {
    const row = this.queries.data.get({ type, id });
    return row ? parseData(row.data) : undefined;
  }

  /** The record with what annotations need of it; undefined when it is not synced. */
  annotatable(type: string, id: string): AnnotatableRecord | undefined {
    const row = this.queries.annotatable.get({ type, id });
    if (!row) return undefined;
    const record = parseData(row.data);
    return { version: row.version, title: row.title, record, countries: countriesIn(record) };
  }
}
