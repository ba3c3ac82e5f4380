// PGlite behind the `pg` pool interface Kysely's PostgresDialect drives (kysely
// 0.28, which our Node 20 allows, has no PGlite dialect). PGlite is one
// session, so the pool hands out one client at a time: a transaction never
// interleaves with another caller's statements.
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

const COMMAND = /^\s*(?:WITH\b[\s\S]*?\)\s*)?(\w+)/i;

export function pglitePool(pglite: PGlite): PostgresPool {
  let queue: Promise<void> = Promise.resolve();
  const client: Omit<PostgresPoolClient, 'release'> = {
    query: (async (sql: string, parameters: readonly unknown[]) => {
      const result = await pglite.query<Record<string, unknown>>(sql, [...parameters]);
      const command = (COMMAND.exec(sql)?.[1] ?? '').toUpperCase() as PostgresQueryResult<unknown>['command'];
      return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
    }) as PostgresPoolClient['query'],
  };
  return {
    connect: () =>
      new Promise<PostgresPoolClient>((resolve) => {
        queue = queue.then(
          () =>
            new Promise<void>((released) => {
              resolve({ ...client, release: () => released() });
            }),
        );
      }),
    end: async () => undefined,
  };
}
