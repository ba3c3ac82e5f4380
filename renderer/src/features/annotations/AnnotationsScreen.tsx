// Every annotation across the library: filtered by colour, tag, record,
// country or orphans (to triage), or found by the words of their notes.
// Filters live in the route's query string, so Back returns to the same view.
import { useEffect, useId, useState } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ANNOTATION_COLORS, type AnnotatedRecord, type Annotation, type AnnotationColor } from '../../../../shared/annotations';
import { useApi } from '../../app/core';
import { href, navigate, type Route } from '../../app/router';
import { useLoad, useReload } from '../../app/use-load';
import { LoadFailure } from '../../ui/LoadFailure';
import { countryName, formatNumber, typeLabel } from '../../ui/format';
import { AnnotationCard } from './AnnotationParts';

const PAGE = 100;

type Found = { annotations: Annotation[]; records: AnnotatedRecord[]; total: number; snippets?: Map<string, Array<{ text: string; match: boolean }>> };

export function AnnotationsScreen({ route }: { route: Route }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const locale = i18n.language;
  const idPrefix = useId();
  const params = route.params;
  const query = params.get('q') ?? '';
  const color = (ANNOTATION_COLORS as readonly string[]).includes(params.get('color') ?? '') ? (params.get('color') as AnnotationColor) : undefined;
  const tag = params.get('tag') || undefined;
  const record = params.get('record') ?? '';
  const country = /^[A-Z]{2}$/.test(params.get('country') ?? '') ? params.get('country')! : undefined;
  const orphaned = params.get('orphans') === '1';
  const textChanged = params.get('changed') === '1';
  const [limit, setLimit] = useState(PAGE);
  const [words, setWords] = useState(query);
  const [generation, reload] = useReload();

  // Both are read again after an annotation changes, with the last answer on screen meanwhile.
  const facetsRead = useLoad(`facets|${generation}`, () => api['annotations.facets']({}), { keep: true });
  const facets = facetsRead.status === 'ready' ? facetsRead.value : null;

  const state = useLoad(
    JSON.stringify([query, color, tag, record, country, orphaned, textChanged, limit, generation]),
    async (): Promise<Found> => {
      const [recordType, recordId] = record.split('/', 2);
      const target = recordType && recordId ? { type: recordType as AnnotatedRecord['type'], id: recordId } : undefined;
      if (!query) {
        const result = await api['annotations.list']({ color, tag, country, target, orphaned: orphaned || undefined, textChanged: textChanged || undefined, limit, offset: 0 });
        return { annotations: result.annotations, records: result.records, total: result.total };
      }
      // Note search ranks by the words; the other filters then narrow its hits.
      const result = await api['annotations.search']({ query, limit: 100 });
      const countriesOf = new Map(result.records.map((r) => [`${r.type}/${r.id}`, r.countries]));
      const hits = result.hits.filter(
        ({ annotation: a }) =>
          (!color || a.color === color) &&
          (!tag || a.tags.includes(tag)) &&
          (!target || (a.target.type === target.type && a.target.id === target.id)) &&
          (!country || (countriesOf.get(`${a.target.type}/${a.target.id}`) ?? []).includes(country)) &&
          (!orphaned || a.anchoring.status === 'orphaned') &&
          (!textChanged || a.textChange !== null),
      );
      return { annotations: hits.map((hit) => hit.annotation), records: result.records, total: hits.length, snippets: new Map(hits.map((hit) => [hit.annotation.id, hit.snippet])) };
    },
    { keep: true },
  );

  useEffect(() => setWords(query), [query]);

  const go = (changes: Record<string, string | undefined>) => {
    setLimit(PAGE);
    navigate(href('annotations', { q: query || undefined, color, tag, record: record || undefined, country, orphans: orphaned ? '1' : undefined, changed: textChanged ? '1' : undefined, ...changes }));
  };

  const found = state.status === 'ready' ? state.value : null;
  const titles = new Map(found?.records.map((r) => [`${r.type}/${r.id}`, r]) ?? []);
  const filtered = Boolean(query || color || tag || record || country || orphaned || textChanged);

  const select = (name: string, label: string, value: string, options: Array<{ value: string; label: string }>, testId: string) => (
    <div className="field filter">
      <label htmlFor={`${idPrefix}-${name}`}>{label}</label>
      <select id={`${idPrefix}-${name}`} className="input" value={value} data-testid={testId} onChange={(event) => go({ [name]: event.target.value || undefined })}>
        <option value="">{t('annotations.all')}</option>
        {value && !options.some((option) => option.value === value) && <option value={value}>{value}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
  const counted = (label: string, count: number) => t('annotations.facetOption', { label, count: formatNumber(count, locale) });

  return (
    <section aria-labelledby="screen-title" className="screen">
      <h1 id="screen-title" tabIndex={-1}>
        {t('screens.annotations')}
      </h1>
      <p className="muted">{t('annotations.screenIntro')}</p>
      <form
        className="search-form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          go({ q: words.trim() || undefined });
        }}
      >
        <TextField className="field grow" value={words} onChange={setWords}>
          <Label>{t('annotations.searchNotes')}</Label>
          <Input className="input" data-testid="annotation-search" />
        </TextField>
        <Button type="submit" className="button button-primary">
          {t('annotations.searchButton')}
        </Button>
        {query && (
          <Button className="button" onPress={() => go({ q: undefined })}>
            {t('annotations.clearSearch')}
          </Button>
        )}
      </form>
      <div className="filters" role="group" aria-label={t('annotations.filters')}>
        {select('color', t('annotations.color'), color ?? '', (facets?.colors ?? []).map((c) => ({ value: c.color, label: counted(t(`annotations.colors.${c.color}`), c.count) })), 'annotations-filter-color')}
        {select('tag', t('annotations.tag'), tag ?? '', (facets?.tags ?? []).map((c) => ({ value: c.tag, label: counted(c.tag, c.count) })), 'annotations-filter-tag')}
        {select(
          'record',
          t('annotations.record'),
          record,
          (facets?.records ?? []).map((r) => ({ value: `${r.type}/${r.id}`, label: counted(r.title ?? t('annotations.goneRecord', { id: r.id }), r.count) })),
          'annotations-filter-record',
        )}
        {select('country', t('annotations.country'), country ?? '', (facets?.countries ?? []).map((c) => ({ value: c.country, label: counted(countryName(c.country, locale), c.count) })), 'annotations-filter-country')}
        <div className="field filter">
          <label className="check">
            <input type="checkbox" checked={orphaned} onChange={(event) => go({ orphans: event.target.checked ? '1' : undefined })} data-testid="annotations-filter-orphans" />
            {t('annotations.orphansOnly', { count: facets?.orphaned ?? 0, formatted: formatNumber(facets?.orphaned ?? 0, locale) })}
          </label>
        </div>
        <div className="field filter">
          <label className="check">
            <input type="checkbox" checked={textChanged} onChange={(event) => go({ changed: event.target.checked ? '1' : undefined })} data-testid="annotations-filter-changed" />
            {t('history.filterChanged', { count: facets?.textChanged ?? 0 })}
          </label>
        </div>
      </div>
      <LoadFailure load={state} />
      <p role="status" className="search-summary" data-testid="annotations-total">
        {state.status === 'loading' ? t('annotations.loading') : found ? t('annotations.total', { count: found.total, formatted: formatNumber(found.total, locale) }) : ''}
      </p>
      {found && found.total === 0 && <p className="card notice">{filtered ? t('annotations.noneMatching') : t('annotations.none')}</p>}
      {found && found.annotations.length > 0 && (
        <ul className="plain-list stack annotation-results" data-testid="annotation-results">
          {found.annotations.map((annotation) => {
            const info = titles.get(`${annotation.target.type}/${annotation.target.id}`);
            const snippet = found.snippets?.get(annotation.id);
            return (
              <li key={`${annotation.id}:${annotation.updatedAt}`}>
                <AnnotationCard
                  annotation={annotation}
                  onChanged={reload}
                  title={
                    <>
                      <h2 className="annotation-record">
                        {info?.title ? (
                          <a href={href('read', { annotation: annotation.id }, [annotation.target.type, annotation.target.id])}>{info.title}</a>
                        ) : (
                          <span>{t('annotations.goneRecord', { id: annotation.target.id })}</span>
                        )}{' '}
                        <span className="muted">{[typeLabel(t, annotation.target.type), ...(info?.countries ?? []).map((code) => countryName(code, locale))].join(' · ')}</span>
                      </h2>
                      {snippet && (
                        <p className="snippet" aria-label={t('annotations.noteMatch')}>
                          {snippet.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
                        </p>
                      )}
                    </>
                  }
                />
              </li>
            );
          })}
        </ul>
      )}
      {found && !query && found.annotations.length < found.total && (
        <Button className="button" onPress={() => setLimit((n) => Math.min(1000, n + PAGE))} isDisabled={limit >= 1000}>
          {t('annotations.showMore')}
        </Button>
      )}
    </section>
  );
}
