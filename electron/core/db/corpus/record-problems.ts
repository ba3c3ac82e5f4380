// The record_problems table: the records a sync stored with less than their
// full derivation, with the reason, until a later version derives cleanly.
import type { ContentType } from '../../../../shared/content';
import { prepareQuery } from '../prepared-query';
import type { CorpusDatabase } from '../schema';
import type { Store } from '../stores';

export interface RecordProblem {
  type: ContentType;
  id: string;
  version: number;
  reason: string;
  at: string;
}

function prepare({ db, sqlite }: Store<CorpusDatabase>) {
  const problems = () => db.selectFrom('record_problems');
  return {
    note: prepareQuery(sqlite, (problem: RecordProblem) =>
      db
        .insertInto('record_problems')
        .values({ type: problem.type, id: problem.id, version: problem.version, reason: problem.reason, at: problem.at })
        .onConflict((conflict) =>
          conflict.columns(['type', 'id']).doUpdateSet((eb) => ({ version: eb.ref('excluded.version'), reason: eb.ref('excluded.reason'), at: eb.ref('excluded.at') })),
        ),
    ),
    forget: prepareQuery(sqlite, (key: { type: ContentType; id: string }) => db.deleteFrom('record_problems').where('type', '=', key.type).where('id', '=', key.id)),
    clear: prepareQuery(sqlite, () => db.deleteFrom('record_problems')),
    count: prepareQuery(sqlite, () => problems().select((eb) => eb.fn.countAll<number>().as('n'))),
    newest: prepareQuery(sqlite, (args: { limit: number }) =>
      problems().select(['type', 'id', 'version', 'reason', 'at']).orderBy('at', 'desc').orderBy('type').orderBy('id').limit(args.limit),
    ),
  };
}

export class RecordProblems {
  private readonly queries: ReturnType<typeof prepare>;

  constructor(store: Store<CorpusDatabase>) {
    this.queries = prepare(store);
  }

  /** Replaces what was known of the record's problem. */
  note(problem: RecordProblem): void {
    this.queries.note.run(problem);
  }

  /** The record derived cleanly (or is gone): its problem, if any, is over. */
  forget(type: ContentType, id: string): void {
    this.queries.forget.run({ type, id });
  }

  clear(): void {
    this.queries.clear.run({});
  }

  count(): number {
    return this.queries.count.get({})?.n ?? 0;
  }

  /** The most recent problems first, at most `limit`. */
  newest(limit: number): RecordProblem[] {
    return this.queries.newest.all({ limit });
  }
}
