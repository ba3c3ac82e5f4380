// funding.list: funding opportunities by deadline.
import type { FundingItem, FundingListRequest } from '../../../shared/library';
import type { CorpusRecords } from '../db/corpus/records';
import type { UnseenLookup } from '../changes/unseen-changes';
import { shorten } from '../../../shared/text';
import { plainText } from './plain-text';
import { SUMMARY_LENGTH } from './record-rows';

const DAY_MS = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);

export class FundingList {
  constructor(
    private readonly records: CorpusRecords,
    /** What the user has not seen yet of each record. */
    private readonly unseen: Pick<UnseenLookup, 'changeOf'>,
  ) {}

  /** Upcoming deadlines first (soonest first), then rolling calls, then closed calls (latest first). */
  list(query: FundingListRequest): { asOf: string; total: number; items: FundingItem[] } {
    const asOf = query.asOf ?? today();
    const { total, calls } = this.records.funding({ ...query, asOf }, { limit: query.limit, offset: query.offset });
    const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
    const items = calls.map(({ call }): FundingItem => ({
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
      unseenChange: this.unseen.changeOf('funding', call.id),
    }));
    return { asOf, total, items };
  }
}
