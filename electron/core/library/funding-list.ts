// funding.list: funding opportunities by deadline. The records table keeps the
// funder type as `kind` and the deadline as `date` ('' for a rolling call).
import type Database from 'better-sqlite3';
import type { ContentRecord } from '../../../shared/content';
import type { FundingItem } from '../../../shared/library';
import { plainText, shorten } from './plain-text';
import { SUMMARY_LENGTH } from './record-rows';

export interface FundingQuery {
  asOf?: string;
  openOnly: boolean;
  deadlineFrom?: string;
  deadlineTo?: string;
  funderTypes: string[];
  countries: string[];
  offset: number;
  limit: number;
}

const DAY_MS = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);

export class FundingList {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly sqlite: Database.Database,
    /** The version above which records changed in the last sync; null when none did. */
    private readonly changedSince: () => number | null,
  ) {}

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.sqlite.prepare(sql)));
    return statement;
  }

  /** Upcoming deadlines first (soonest first), then rolling calls, then closed calls (latest first). */
  list(query: FundingQuery): { asOf: string; total: number; items: FundingItem[] } {
    const asOf = query.asOf ?? today();
    const clauses = ["type = 'funding'"];
    const params: string[] = [];
    if (query.funderTypes.length) {
      clauses.push(`kind IN (${query.funderTypes.map(() => '?').join(', ')})`);
      params.push(...query.funderTypes);
    }
    if (query.countries.length) {
      // A call that names no country (an EU-wide call) is open to every country.
      clauses.push(`(countries = '' OR ${query.countries.map(() => 'instr(countries, ?) > 0').join(' OR ')})`);
      params.push(...query.countries.map((country) => `,${country},`));
    }
    if (query.openOnly) {
      clauses.push("(date = '' OR date >= ?)");
      params.push(asOf);
    }
    if (query.deadlineFrom !== undefined) {
      clauses.push("date <> '' AND date >= ?");
      params.push(query.deadlineFrom);
    }
    if (query.deadlineTo !== undefined) {
      clauses.push("date <> '' AND date <= ?");
      params.push(query.deadlineTo);
    }
    const where = clauses.join(' AND ');
    const total = (this.statement(`SELECT count(*) AS n FROM records WHERE ${where}`).get(...params) as { n: number }).n;
    const rows = this.statement(
      `SELECT version, data FROM records WHERE ${where}
       ORDER BY CASE WHEN date = '' THEN 1 WHEN date >= ? THEN 0 ELSE 2 END, CASE WHEN date >= ? THEN date END, date DESC, rowid
       LIMIT ? OFFSET ?`,
    ).all(...params, asOf, asOf, query.limit, query.offset) as Array<{ version: number; data: string }>;
    const since = this.changedSince();
    const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
    const items = rows.map(({ version, data }): FundingItem => {
      const call = JSON.parse(data) as ContentRecord<'funding'>;
      return {
        id: call.id,
        title: call.title,
        programme: call.programme,
        funderType: call.funderType,
        countries: call.countries,
        deadline: call.deadline,
        daysLeft: call.deadline === null ? null : Math.round((Date.parse(`${call.deadline}T00:00:00Z`) - asOfMs) / DAY_MS),
        amount: call.amount,
        url: call.url,
        summary: shorten(plainText(call.description), SUMMARY_LENGTH),
        changedInLastSync: since !== null && version > since,
      };
    });
    return { asOf, total, items };
  }
}
