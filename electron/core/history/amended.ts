// The Home screen's amendment alerts: the laws and country sheets in the
// user's collections or annotations that the last sync brought a new version
// of, each with the versions to compare and how many notes sit on changed text.
import type { AmendedRecord } from '../../../shared/history';
import type { HistoryService } from './history-service';

export interface AmendedSources {
  /** The records in any collection or with any annotation, once each. */
  followed(): Array<{ type: string; id: string }>;
  /** The corpus version the last sync that brought changes started from; null before the first. */
  lastSyncFrom(): number | null;
  /** Notes on changed text on a record. */
  changedNotes(type: 'document' | 'country-sheet', id: string): number;
}

export function amendedRecords(history: HistoryService, sources: AmendedSources): AmendedRecord[] {
  const since = sources.lastSyncFrom();
  if (since === null) return [];
  const out: AmendedRecord[] = [];
  const seen = new Set<string>();
  for (const { type, id } of sources.followed()) {
    if ((type !== 'document' && type !== 'country-sheet') || seen.has(`${type}/${id}`)) continue;
    seen.add(`${type}/${id}`);
    let listed;
    try {
      listed = history.versions(type, id);
    } catch {
      continue; // Not in the library, or no history: nothing to alert about.
    }
    const before = listed.versions.filter((version) => version.version <= since).at(-1);
    const current = listed.versions.find((version) => version.current);
    // Amended: a version from before the sync, and a newer one it brought. A record new in that sync is not an amendment.
    if (!before || !current || current.version <= since) continue;
    out.push({ type, id, title: listed.title, from: before.number, to: current.number, inForceFrom: current.inForceFrom, changedNotes: sources.changedNotes(type, id) });
  }
  return out.sort((a, b) => a.title.localeCompare(b.title));
}
