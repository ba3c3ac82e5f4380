// The one definition of an annotation target's plain text: what selectors'
// offsets and quotes refer to, at creation, in re-anchoring and in export.
import { createHash } from 'node:crypto';
import type { AnnotationTarget } from '../../../shared/annotations';
import { htmlToText } from '../../../shared/text';

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The plain text of a target in a stored record; null when the record has no such section or field. */
export function targetText(target: Pick<AnnotationTarget, 'type' | 'key'>, record: Record<string, unknown>): string | null {
  switch (target.type) {
    case 'document':
      return htmlToText(str(record[target.key ?? 'body']));
    case 'country-sheet': {
      const sections = (record.sections as Array<{ key: string; body: string }> | undefined) ?? [];
      const section = sections.find((s) => s.key === target.key);
      return section ? htmlToText(section.body) : null;
    }
    case 'good-practice':
      return target.key && target.key in record ? htmlToText(str(record[target.key])) : null;
  }
}

export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
