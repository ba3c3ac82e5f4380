import { beforeEach, describe, expect, it } from 'vitest';
import type { ContentInput } from '../../shared/content';
import { recordFacets } from '../../shared/record-facets';
import { generateSampleCorpus, type SampleItem } from '../../server/sample/generate';
import type { Suggestion } from '../../shared/search';
import { stemmerFor } from '../../electron/core/search/suggest/stemmers';
import { SuggestionIndex, type SuggestSource } from '../../electron/core/search/suggest/suggestion-index';

/** The organisation a caller passes in: good-practice organisation.name, partner-request organisation, document publisher. */
function organisationOf(item: SampleItem): string | undefined {
  switch (item.type) {
    case 'good-practice':
      return (item.fields as ContentInput<'good-practice'>).organisation.name;
    case 'partner-request':
      return (item.fields as ContentInput<'partner-request'>).organisation;
    case 'document':
      return (item.fields as ContentInput<'document'>).publisher || undefined;
    default:
      return undefined;
  }
}

const sources: SuggestSource[] = [...generateSampleCorpus({ documents: 300 }).items()].map((item) => {
  const facets = recordFacets(item.type, item.fields);
  return {
    type: item.type,
    id: (item.fields as { id: string }).id,
    title: facets.title,
    language: facets.language,
    countries: facets.countries,
    themes: facets.themes,
    organisation: organisationOf(item),
  };
});

const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const titles = (suggestions: Suggestion[]) => suggestions.filter((s) => s.kind === 'title');
const hasWord = (text: string, pattern: RegExp) => fold(text).split(/[^\p{L}\p{N}]+/u).some((word) => pattern.test(word));

describe('SuggestionIndex on the sample corpus', () => {
  let index: SuggestionIndex;
  beforeEach(() => {
    index = SuggestionIndex.build(sources);
  });

  it('indexes every record title', () => {
    expect(sources.length).toBeGreaterThan(300);
    expect(index.size).toBe(sources.length);
  });

  it('completes a prefix to titles that contain the word, in every language', () => {
    const found = titles(index.suggest('integ'));
    expect(found.length).toBeGreaterThanOrEqual(3);
    for (const suggestion of found) expect(hasWord(suggestion.text, /^integ/), suggestion.text).toBe(true);
    for (const suggestion of found) {
      expect(suggestion.type).toBeTruthy();
      expect(sources.some((s) => s.type === suggestion.type && s.id === suggestion.id && s.title === suggestion.text)).toBe(true);
    }
  });

  it('forgives typos', () => {
    const integration = titles(index.suggest('integraton'));
    expect(integration.length).toBeGreaterThan(0);
    expect(integration.some((s) => hasWord(s.text, /^integration$/))).toBe(true);
    expect(index.suggest('Germnay')[0]).toMatchObject({ kind: 'country', text: 'Germany', id: 'DE' });
  });

  it('ignores accents both ways', () => {
    // The sample has both spellings: Spanish "integración", German "Ausländer(n)".
    const spanish = titles(index.suggest('integracion'));
    expect(spanish.some((s) => s.text.includes('integración'))).toBe(true);
    const german = titles(index.suggest('Auslander'));
    expect(german.length).toBeGreaterThan(0);
    for (const suggestion of german) expect(suggestion.text).toContain('Ausländer');
    // And an accent the title does not have.
    expect(titles(index.suggest('intégration')).some((s) => hasWord(s.text, /^integration$/) && !s.text.includes('é'))).toBe(true);
  });

  it('matches other forms of a word by its stem', () => {
    // Neither a prefix of "naturalisation" nor within two edits of it.
    for (const language of [undefined, 'en']) {
      const found = titles(index.suggest('naturalised', { language }));
      expect(found.some((s) => hasWord(s.text, /^naturalisation$/)), String(language)).toBe(true);
    }
  });

  it('suggests countries by English name, once, ahead of titles', () => {
    const germ = index.suggest('germ');
    expect(germ[0]).toMatchObject({ kind: 'country', text: 'Germany', id: 'DE' });
    expect(germ.some((s) => s.kind === 'title')).toBe(true);
    const many = index.suggest('germany', { limit: 50 });
    expect(many.filter((s) => s.kind === 'country')).toHaveLength(1);
  });

  it('suggests themes humanised, with their slug', () => {
    const found = index.suggest('family reun');
    expect(found[0]).toMatchObject({ kind: 'theme', text: 'family reunification', id: 'family-reunification' });
    expect(titles(found).every((s) => hasWord(s.text, /^famil/) && hasWord(s.text, /^reun/))).toBe(true);
    expect(index.suggest('anti discr').some((s) => s.kind === 'theme' && s.text === 'anti discrimination')).toBe(true);
  });

  it('suggests themes and countries by their names in every corpus language, each facet once', () => {
    for (const typed of ['Famil', 'Familienn', 'regroupement fam', 'gezinsher', 'reagrupación']) {
      const themes = index.suggest(typed, { limit: 20 }).filter((s) => s.kind === 'theme');
      expect(themes.map((s) => s.id), typed).toContain('family-reunification');
      expect(new Set(themes.map((s) => s.id)).size, typed).toBe(themes.length);
    }
    for (const typed of ['Allemagne', 'Deutschl', 'Niemcy']) {
      const countries = index.suggest(typed, { limit: 20 }).filter((s) => s.kind === 'country');
      expect(countries[0], typed).toMatchObject({ id: 'DE' });
      expect(countries.filter((s) => s.id === 'DE'), typed).toHaveLength(1);
    }
  });

  it('suggests organisations, once each, without crowding out titles', () => {
    const caritas = index.suggest('caritas');
    expect(caritas.length).toBeGreaterThan(0);
    expect(caritas.every((s) => s.kind === 'organisation' && s.text.startsWith('Caritas'))).toBe(true);
    expect(new Set(caritas.map((s) => s.text)).size).toBe(caritas.length);
    // Many organisations contain "Integration"; titles still get most of the list.
    const integ = index.suggest('integ');
    expect(integ.filter((s) => s.kind === 'organisation').length).toBeLessThanOrEqual(2);
  });

  it('returns best first and respects the limit', () => {
    const all = index.suggest('in');
    expect(all).toHaveLength(8);
    for (let i = 1; i < all.length; i += 1) expect(all[i]!.score).toBeLessThanOrEqual(all[i - 1]!.score);
    expect(index.suggest('in', { limit: 3 })).toHaveLength(3);
    expect(index.suggest('in', { limit: 1 })).toHaveLength(1);
    expect(index.suggest('in', { limit: 0 })).toEqual([]);
    expect(index.suggest('in', { limit: 20 })).toHaveLength(20);
  });

  it('returns [] for empty, blank and garbage queries without throwing', () => {
    for (const query of ['', ' ', '   \t\n', '%%%', '!?.,;:', '(((', '.*+?^${}()|[]\\', '\u0000\u0001', '🙂🙂', 'xqzjvw', 'a'.repeat(10_000)]) {
      expect(index.suggest(query), JSON.stringify(query)).toEqual([]);
    }
  });

  it('upsert changes a title and its suggestion; remove drops it', () => {
    const forum = sources.find((s) => s.type === 'forum')!;
    expect(titles(index.suggest(forum.title)).some((s) => s.id === forum.id)).toBe(true);

    index.upsert({ ...forum, title: 'Zanzibar quokka workshop' });
    expect(index.size).toBe(sources.length);
    expect(index.suggest('quokk')).toEqual([expect.objectContaining({ kind: 'title', text: 'Zanzibar quokka workshop', type: 'forum', id: forum.id })]);
    expect(titles(index.suggest(forum.title, { limit: 50 })).some((s) => s.id === forum.id)).toBe(false);

    index.remove('forum', forum.id);
    expect(index.size).toBe(sources.length - 1);
    expect(index.suggest('quokka')).toEqual([]);
    index.remove('forum', forum.id); // a second delete is harmless
    expect(index.size).toBe(sources.length - 1);

    index.upsert({ type: 'news', id: 'news-new', title: 'Yodelling for newcomers', language: 'en', countries: [], themes: [] });
    expect(index.size).toBe(sources.length);
    expect(index.suggest('yodel')[0]).toMatchObject({ kind: 'title', type: 'news', id: 'news-new' });
  });

  it('keeps a title two records share until both are gone', () => {
    const record = (id: string): SuggestSource => ({ type: 'link', id, title: 'Xylophone integration portal', language: 'en', countries: [], themes: [] });
    index.upsert(record('link-a'));
    index.upsert(record('link-b'));
    expect(index.suggest('xylo')).toEqual([expect.objectContaining({ text: 'Xylophone integration portal', id: 'link-a' })]);
    index.remove('link', 'link-a');
    expect(index.suggest('xylo')).toEqual([expect.objectContaining({ id: 'link-b' })]);
    index.remove('link', 'link-b');
    expect(index.suggest('xylo')).toEqual([]);
  });

  it('adds and drops organisations and unknown themes with the records that name them', () => {
    const base = { type: 'partner-request', language: 'en', countries: ['DE'], themes: ['digital-inclusion'], organisation: 'Quetzal Foundation' };
    index.upsert({ ...base, id: 'partner-x', title: 'Partners wanted: quetzal' });
    index.upsert({ ...base, id: 'partner-y', title: 'Partners wanted: quetzal too' });
    expect(index.suggest('quetzal found')).toEqual([expect.objectContaining({ kind: 'organisation', text: 'Quetzal Foundation' })]);
    expect(index.suggest('digital incl')).toEqual([expect.objectContaining({ kind: 'theme', text: 'digital inclusion', id: 'digital-inclusion' })]);
    index.upsert({ ...base, id: 'partner-x', title: 'Partners wanted: quetzal', organisation: undefined, themes: [] });
    expect(index.suggest('quetzal found')).toHaveLength(1);
    index.remove('partner-request', 'partner-y');
    // (Entries matching only some of the words may still come back.)
    expect(index.suggest('quetzal found', { limit: 50 }).some((s) => s.text === 'Quetzal Foundation')).toBe(false);
    expect(index.suggest('digital incl', { limit: 50 }).some((s) => s.text === 'digital inclusion')).toBe(false);
    // A country outside the EU is suggested while a record names it.
    index.upsert({ ...base, id: 'partner-x', title: 'Partners wanted: quetzal', countries: ['NO'] });
    expect(index.suggest('norw')).toEqual([expect.objectContaining({ kind: 'country', text: 'Norway', id: 'NO' })]);
    index.remove('partner-request', 'partner-x');
    expect(index.suggest('norw')).toEqual([]);
    // EU countries and the standard themes stay whatever the records say.
    expect(index.suggest('germany')[0]).toMatchObject({ kind: 'country' });
  });

  it('stays correct across many renames (dead entries are compacted away)', () => {
    const event = sources.find((s) => s.type === 'event')!;
    for (let i = 0; i < 2500; i += 1) index.upsert({ ...event, title: `Walrus summit number ${i}` });
    expect(index.size).toBe(sources.length);
    expect(titles(index.suggest('walrus', { limit: 50 }))).toEqual([expect.objectContaining({ text: 'Walrus summit number 2499', id: event.id })]);
    expect(index.suggest('germ')[0]).toMatchObject({ kind: 'country', text: 'Germany' });
    expect(titles(index.suggest('integ')).length).toBeGreaterThan(0);
  });
});

describe('stemmerFor', () => {
  it('stems German and French inflections to one stem', () => {
    const de = stemmerFor('de')!;
    expect(de('Ausländern')).toBe('ausland');
    expect(de('Flüchtlinge')).toBe(de('Flüchtlingen'));
    expect(de('Integrationskurse')).toBe('integrationskurs');
    const fr = stemmerFor('fr')!;
    expect(fr('intégration')).toBe('integr');
    expect(fr('intégrations')).toBe(fr('intégration'));
    expect(fr('réfugiés')).toBe(fr('réfugié'));
  });

  it('has the other EU languages the package offers', () => {
    for (const language of ['en', 'es', 'it', 'nl', 'pt', 'sv', 'da', 'fi', 'el', 'hu', 'ro', 'lt', 'ga']) {
      expect(stemmerFor(language), language).toBeTypeOf('function');
    }
    expect(stemmerFor('en')!('integrations')).toBe('integr');
  });

  it('is undefined for a language without one', () => {
    expect(stemmerFor('xx')).toBeUndefined();
    expect(stemmerFor('')).toBeUndefined();
    expect(stemmerFor('pl')).toBeUndefined();
    expect(stemmerFor('constructor')).toBeUndefined();
  });
});
