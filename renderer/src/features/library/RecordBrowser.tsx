// Browse one or more content types: a type switcher, filters from
// records.facets (kind, country, theme, language, year), a sort, and the
// virtualized RecordList. Everything lives in the route's query string, so
// the reader's Back returns to the same list.
import { useCallback, useId, useMemo, useState } from 'react';
import { Button, ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ContentType } from '../../../../shared/content';
import type { RecordListItem, RecordListRequest } from '../../../../shared/library';
import { useApi } from '../../app/core';
import { href, navigate, type Route } from '../../app/router';
import { useLoad } from '../../app/use-load';
import { RecordList, type ListQuery, type ListSelection } from '../../ui/RecordList';
import { countryName, formatNumber, languageName, themeLabel } from '../../ui/format';
import { kindLabel } from '../../ui/record-labels';
import { CalendarButton } from '../citations/CalendarButton';
import { CiteButton } from '../citations/CiteButton';
import { AddManyToCollection, AddToCollection } from '../collections/AddToCollection';

export interface TypeOption {
  /** The value in the route (?type=…). */
  value: string;
  label: string;
  types: ContentType[];
}

type Sort = RecordListRequest['sort'];
const SORTS: Sort[] = ['date-desc', 'date-asc', 'title'];
type FacetKey = 'kind' | 'country' | 'theme' | 'language' | 'year';
const FACETS: FacetKey[] = ['kind', 'country', 'theme', 'language', 'year'];

export function RecordBrowser({ route, screen, typeOptions, listLabel }: { route: Route; screen: 'library' | 'links' | 'news'; typeOptions: TypeOption[]; listLabel: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const locale = i18n.language;
  const params = route.params;
  const typeOption = typeOptions.find((option) => option.value === params.get('type')) ?? typeOptions[0]!;
  const sort: Sort = (SORTS as string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as Sort) : 'date-desc';
  const selected: Record<FacetKey, string> = {
    kind: params.get('kind') ?? '',
    country: params.get('country') ?? '',
    theme: params.get('theme') ?? '',
    language: params.get('language') ?? '',
    year: /^\d{4}$/.test(params.get('year') ?? '') ? params.get('year')! : '',
  };
  const filters = useMemo(
    () => ({
      types: typeOption.types,
      kinds: selected.kind ? [selected.kind] : [],
      countries: selected.country ? [selected.country] : [],
      themes: selected.theme ? [selected.theme] : [],
      languages: selected.language ? [selected.language] : [],
      ...(selected.year ? { yearFrom: Number(selected.year), yearTo: Number(selected.year) } : {}),
    }),
    // The values, not the objects' identities.
    [typeOption.value, selected.kind, selected.country, selected.theme, selected.language, selected.year],
  );
  const query: ListQuery = useMemo(() => ({ ...filters, sort }), [filters, sort]);
  // The last counts stay while the next are read, and through a failure (which is said above the list).
  const facetsRead = useLoad(JSON.stringify(filters), () => api['records.facets'](filters), { keep: true });
  const facets = facetsRead.status === 'ready' ? facetsRead.value : facetsRead.status === 'failed' ? (facetsRead.last ?? null) : null;
  const facetError = facetsRead.status === 'failed' ? facetsRead.message : null;
  const [total, setTotal] = useState<number | null>(null);
  const onTotal = useCallback((next: number | null) => setTotal(next), []);
  const [activeItem, setActiveItem] = useState<RecordListItem | undefined>(undefined);
  const [selection, setSelection] = useState<ListSelection | null>(null);
  const idPrefix = useId();

  const go = (changes: Record<string, string | undefined>) => {
    const next: Record<string, string | undefined> = {
      type: typeOption.value === typeOptions[0]!.value ? undefined : typeOption.value,
      ...selected,
      sort: sort === 'date-desc' ? undefined : sort,
      ...changes,
    };
    navigate(href(screen, next));
  };

  const singleType = typeOption.types.length === 1 ? typeOption.types[0]! : undefined;
  const facetLabels: Record<FacetKey, string> = {
    kind:
      singleType === 'document'
        ? t('library.facet.documentType')
        : singleType === 'link'
          ? t('library.facet.category')
          : singleType === 'funding'
            ? t('library.facet.funderType')
            : singleType === 'good-practice' || singleType === 'partner-request'
              ? t('library.facet.organisationType')
              : t('library.facet.kind'),
    country: t('library.facet.country'),
    theme: t('library.facet.theme'),
    language: t('library.facet.language'),
    year: t('library.facet.year'),
  };
  const valueLabel = (facet: FacetKey, value: string) => {
    if (facet === 'kind') return singleType ? kindLabel(t, singleType, value, locale) : value;
    if (facet === 'country') return countryName(value, locale);
    if (facet === 'theme') return themeLabel(t, value);
    if (facet === 'language') return languageName(value, locale);
    return value;
  };
  const sortLabels: Record<Sort, string> = {
    'date-desc': t('library.sortBy.dateDesc'),
    'date-asc': t('library.sortBy.dateAsc'),
    title: t('library.sortBy.title'),
  };
  // A country sheet's kind is its country: one filter is enough.
  const shownFacets = FACETS.filter((facet) => !(facet === 'kind' && (singleType === 'country-sheet' || !singleType)));

  return (
    <>
      {typeOptions.length > 1 && (
        <div className="type-switcher" role="group" aria-label={t('library.typeSwitcher')}>
          {typeOptions.map((option) => (
            <ToggleButton
              key={option.value}
              className="button"
              isSelected={option.value === typeOption.value}
              onChange={() => go({ type: option.value === typeOptions[0]!.value ? undefined : option.value, kind: undefined })}
            >
              {option.label}
            </ToggleButton>
          ))}
        </div>
      )}
      <div className="filters" role="group" aria-label={t('library.filters')}>
        {shownFacets.map((facet) => {
          const values = facets?.[facet] ?? [];
          const current = selected[facet];
          const options = facet === 'year' ? [...values].sort((a, b) => b.value.localeCompare(a.value)) : values;
          return (
            <div key={facet} className="field filter">
              <label htmlFor={`${idPrefix}-${facet}`}>{facetLabels[facet]}</label>
              <select
                id={`${idPrefix}-${facet}`}
                className="input"
                value={current}
                data-testid={`filter-${facet}`}
                onChange={(event) => go({ [facet]: event.target.value || undefined })}
              >
                <option value="">{t('library.all')}</option>
                {current && !options.some((option) => option.value === current) && <option value={current}>{valueLabel(facet, current)}</option>}
                {options.map(({ value, count }) => (
                  <option key={value} value={value} data-count={count}>
                    {t('library.facetOption', { label: valueLabel(facet, value), count: formatNumber(count, locale) })}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        <div className="field filter">
          <label htmlFor={`${idPrefix}-sort`}>{t('library.sort')}</label>
          <select id={`${idPrefix}-sort`} className="input" value={sort} data-testid="sort" onChange={(event) => go({ sort: event.target.value === 'date-desc' ? undefined : event.target.value })}>
            {SORTS.map((option) => (
              <option key={option} value={option}>
                {sortLabels[option]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {facetError && (
        <p role="alert" className="error">
          {t('library.failed', { message: facetError })}
        </p>
      )}
      <p role="status" className="search-summary" data-testid="list-total">
        {total === null ? t('library.loading') : t('library.total', { count: total, formatted: formatNumber(total, locale) })}
      </p>
      {/* In a narrow window the short form, so that the list's first rows are in view without scrolling. */}
      <p className="muted help">
        <span className="help-full">{t('library.keyboardHelp')}</span>
        <span className="help-short">{t('library.keyboardHelpShort')}</span>
      </p>
      {/* Above the list and sticky, so what acts on the selection is in view wherever the page scrolls. */}
      <div className="actions list-actions" data-testid="list-actions">
        {selection && selection.count > 0 ? (
          <>
            <span role="status" data-testid="selection-count">
              {t('library.selectedCount', { count: selection.count, formatted: formatNumber(selection.count, locale) })}
            </span>
            <AddManyToCollection
              key={`${JSON.stringify(query)}|${selection.count}`}
              count={selection.count}
              buttonLabel={t('collections.addSelected', { count: selection.count, formatted: formatNumber(selection.count, locale) })}
              subject={t('collections.selectedItems', { count: selection.count, formatted: formatNumber(selection.count, locale) })}
              // Every row selected: the core reads the list itself, in one call.
              what={selection.all ? { source: { from: 'list', filters, sort } } : { keys: selection.keys }}
              testId="add-selected-to-collection"
            />
            <CiteButton
              source={selection.all ? { kind: 'matching', source: { from: 'list', filters, sort } } : async () => ({ kind: 'items', items: await selection.keys() })}
              subject={t('collections.selectedItems', { count: selection.count, formatted: formatNumber(selection.count, locale) })}
              testId="cite-selected"
            />
            {filters.types.some((type) => type === 'funding' || type === 'event') && (
              <CalendarButton source={selection.all ? { kind: 'matching', source: { from: 'list', filters, sort } } : async () => ({ kind: 'items', items: await selection.keys() })} testId="calendar-selected" />
            )}
            <Button className="button button-quiet" onPress={selection.clear}>
              {t('library.clearSelection')}
            </Button>
          </>
        ) : (
          activeItem && (
            <>
              <span className="muted list-current">{t('library.current', { title: activeItem.title })}</span>
              <AddToCollection key={`${activeItem.type}/${activeItem.id}`} item={{ type: activeItem.type, id: activeItem.id }} title={activeItem.title} />
              <CiteButton source={{ kind: 'items', items: [{ type: activeItem.type, id: activeItem.id }] }} subject={t('citations.item', { title: activeItem.title })} testId="cite-current" />
              {selection && total !== null && total > 1 && (
                <Button className="button button-quiet" onPress={selection.selectAll} data-testid="select-all">
                  {t('library.selectAll', { count: total, formatted: formatNumber(total, locale) })}
                </Button>
              )}
            </>
          )
        )}
      </div>
      <RecordList query={query} label={listLabel} onTotal={onTotal} onActive={setActiveItem} onSelection={setSelection} onOpen={(item) => navigate(href('read', {}, [item.type, item.id]))} />
    </>
  );
}
