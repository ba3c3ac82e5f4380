// Finding a search's words in shown text (the Reader's PDF view and body
// highlights): case and accents ignored, whole words or word starts, offsets
// in the text as shown, and matches split over pdf.js's text items.
import { describe, expect, it } from 'vitest';
import { findMatches, findTerms, joinItems, piecesOf, termsPattern } from '../../renderer/src/ui/find-text';

const find = (text: string, words: string) => findMatches(text, termsPattern(findTerms(words))).map((span) => text.slice(span.start, span.end));

describe('find in shown text', () => {
  it('ignores case and accents both ways, and folds the letters of their own as the index does', () => {
    expect(find('Die Ausländerbehörde und die AUSLANDER', 'auslander')).toEqual(['Ausländer', 'AUSLANDER']);
    expect(find('Integración social', 'INTEGRACION')).toEqual(['Integración']);
    expect(find('Straße und Strasse', 'strasse')).toEqual(['Straße', 'Strasse']);
    expect(find('Łódź, Lodz', 'lodz')).toEqual(['Łódź', 'Lodz']);
    expect(find('ĺødž', 'lodz')).toEqual(['ĺødž']);
  });

  it('matches whole words and word starts, never the middle of a word', () => {
    expect(find('integration reintegration integrated', 'integr')).toEqual(['integr', 'integr']);
    expect(find('integration reintegration integrated', 'integration')).toEqual(['integration']);
    expect(find('l’intégration, (intégration)', 'integration')).toEqual(['intégration', 'intégration']);
  });

  it('finds every word given, longest first where two start at the same place, without repeats or overlaps', () => {
    expect(findTerms('Housing housing  HOUSING policy')).toEqual(['housing', 'policy']);
    expect(find('housing policy and the houses', 'hous housing')).toEqual(['housing', 'hous']);
    expect(find('nothing here', '')).toEqual([]);
    expect(find('nothing here', ' , ')).toEqual([]);
  });

  it('keeps offsets in the shown text when folding changes lengths', () => {
    const text = 'Maß für Maß: Schutzmaßnahmen';
    const spans = findMatches(text, termsPattern(findTerms('mass')));
    expect(spans).toEqual([
      { start: 0, end: 3 },
      { start: 8, end: 11 },
    ]);
  });

  it('maps a match over text items to the pieces of each item', () => {
    const items = [
      { str: 'The reception of asy', hasEOL: false },
      { str: 'lum seekers', hasEOL: true },
      { str: 'asylum again', hasEOL: true },
    ];
    const page = joinItems(items);
    expect(page.text).toBe('The reception of asylum seekers\nasylum again\n');
    const matches = findMatches(page.text, termsPattern(findTerms('asylum')));
    expect(matches).toHaveLength(2);
    expect(piecesOf(page, items, matches[0]!)).toEqual([
      { item: 0, start: 17, end: 20 },
      { item: 1, start: 0, end: 3 },
    ]);
    expect(piecesOf(page, items, matches[1]!)).toEqual([{ item: 2, start: 0, end: 6 }]);
  });
});
