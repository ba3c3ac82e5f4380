// Whether the Reader offers a record's versions: the records the library keeps a history of (shared/history.ts).
import { keepsHistory } from '../../../../shared/history';
import type { RecordDetail } from '../../../../shared/library';

export function hasHistory(detail: RecordDetail): detail is Extract<RecordDetail, { type: 'document' | 'country-sheet' }> {
  return (detail.type === 'document' || detail.type === 'country-sheet') && keepsHistory(detail.type, detail.record);
}
