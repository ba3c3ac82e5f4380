// The one plain text of an annotation target, for each annotatable type.
import { describe, expect, it } from 'vitest';
import { annotationTargetSchema } from '../../shared/annotations';
import { targetText, textHash } from '../../electron/core/annotations/target-text';

describe('targetText', () => {
  it('reads a document body (by default) or summary as plain text', () => {
    const doc = { body: '<p>Article&nbsp;5: <b>valid</b> for 30&#160;days.</p><script>x()</script>', summary: 'Short' };
    expect(targetText({ type: 'document', key: null }, doc)).toBe('Article 5: valid for 30 days.');
    expect(targetText({ type: 'document', key: 'summary' }, doc)).toBe('Short');
  });

  it('reads one country-sheet section, and null for a section the sheet lacks', () => {
    const sheet = { sections: [{ key: 'strategy', body: '<p>National plan</p>' }, { key: 'legislation', body: '<ul><li>Act A</li><li>Act B</li></ul>' }] };
    expect(targetText({ type: 'country-sheet', key: 'legislation' }, sheet)).toBe('Act A Act B');
    expect(targetText({ type: 'country-sheet', key: 'funding' }, sheet)).toBeNull();
  });

  it('reads one good-practice field', () => {
    expect(targetText({ type: 'good-practice', key: 'howItWorks' }, { howItWorks: '<p>Mentors meet <i>weekly</i>.</p>' })).toBe('Mentors meet weekly .');
    expect(targetText({ type: 'good-practice', key: 'results' }, {})).toBeNull();
  });

  it('hashes the text with SHA-256', () => {
    expect(textHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('requires the key each type needs, from its own list', () => {
    expect(annotationTargetSchema.safeParse({ type: 'document', id: 'd1' }).success).toBe(true);
    expect(annotationTargetSchema.safeParse({ type: 'good-practice', id: 'g1', key: 'howItWorks' }).success).toBe(true);
    expect(annotationTargetSchema.safeParse({ type: 'good-practice', id: 'g1' }).error?.issues[0]?.message).toMatch(/needs key/);
    expect(annotationTargetSchema.safeParse({ type: 'country-sheet', id: 'cs-DE', key: 'howItWorks' }).error?.issues[0]?.message).toMatch(/key must be one of strategy/);
  });
});
