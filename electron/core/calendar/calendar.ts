// calendar.export: funding deadlines and events as iCalendar, with
// ical-generator. Dates in our records are days without a time, so entries
// are all-day (DTSTART;VALUE=DATE), the same day wherever the calendar is
// opened; an event's last day is included (DTEND is the day after, as RFC 5545
// says), and a deadline has a reminder a week before.
import ical, { ICalAlarmType } from 'ical-generator';
import type { CollectionSource } from '../../../shared/annotations';
import { MAX_CALENDAR_ITEMS, type CalendarFile, type CalendarSource } from '../../../shared/calendar';
import { ContractError } from '../../../shared/contract';
import type { ContentType, TypedRecord } from '../../../shared/content';
import type { SavedSearch } from '../../../shared/search';
import { htmlToText } from '../../../shared/text';
import type { CorpusRecords } from '../db/corpus/records';
import { itemUrl } from '../export/citation';

type Key = { type: ContentType; id: string };

/** The day after an ISO date (UTC arithmetic: a date has no time zone). */
export function dayAfter(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

const money = (value: number, currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);

export class CalendarService {
  constructor(
    private readonly records: CorpusRecords,
    private readonly matching: (source: CollectionSource, max: number) => Key[],
    private readonly savedSearches: () => SavedSearch[],
    private readonly searchKeys: (query: string, max: number) => Key[],
    private readonly serverUrl: () => string | null,
  ) {}

  private keys(source: CalendarSource): { keys: Key[]; name: string } {
    if (source.kind === 'items') return { keys: source.items, name: 'ewsi' };
    if (source.kind === 'matching') return { keys: this.matching(source.source, MAX_CALENDAR_ITEMS), name: 'ewsi-list' };
    const saved = this.savedSearches().find((s) => s.id === source.id || s.name === source.id);
    if (!saved) throw new ContractError('not_found', `No saved search named ${JSON.stringify(source.id)}`);
    return { keys: this.searchKeys(saved.query, MAX_CALENDAR_ITEMS), name: saved.name };
  }

  export(source: CalendarSource): CalendarFile {
    const { keys, name } = this.keys(source);
    const calendar = ical({ name: `EWSI: ${name}`, prodId: { company: 'EWSI Desktop', product: 'ewsi-desktop', language: 'EN' } });
    let entries = 0;
    let skipped = 0;
    const seen = new Set<string>();
    for (const key of keys) {
      const uid = `${key.type}-${key.id}@ewsi-desktop`;
      if (seen.has(uid)) continue;
      seen.add(uid);
      const stored = this.records.get(key.type, key.id);
      if (!stored || !this.add(calendar, uid, stored)) skipped += 1;
      else entries += 1;
    }
    const fileName = `${name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'ewsi'}.ics`;
    return { fileName, mediaType: 'text/calendar; charset=utf-8', text: calendar.toString(), entries, skipped };
  }

  /** One entry for an event or a funding deadline; false for anything else. */
  private add(calendar: ReturnType<typeof ical>, uid: string, stored: TypedRecord & { version: number }): boolean {
    const url = itemUrl({ type: stored.type, id: stored.record.id, record: stored.record }, this.serverUrl());
    const common = { id: uid, sequence: stored.version, stamp: stored.record.updatedAt, lastModified: stored.record.updatedAt, allDay: true, ...(url ? { url } : {}) };
    if (stored.type === 'event') {
      const r = stored.record;
      calendar.createEvent({ ...common, start: r.startDate, end: dayAfter(r.endDate), summary: r.title, location: r.place, description: htmlToText(r.body) });
      return true;
    }
    if (stored.type === 'funding' && stored.record.deadline) {
      const r = stored.record;
      const amount = r.amount && (r.amount.min !== null || r.amount.max !== null) ? [r.amount.min, r.amount.max].filter((v): v is number => v !== null).map((v) => money(v, r.amount!.currency)).join(' – ') : '';
      const description = [`Programme: ${r.programme}`, amount ? `Amount: ${amount}` : '', htmlToText(r.description)].filter(Boolean).join('\n');
      const event = calendar.createEvent({ ...common, start: r.deadline!, end: dayAfter(r.deadline!), summary: `Deadline: ${r.title}`, description });
      event.createAlarm({ type: ICalAlarmType.display, trigger: 7 * 24 * 60 * 60, description: `In a week: the deadline of ${r.title}` });
      return true;
    }
    return false;
  }
}
