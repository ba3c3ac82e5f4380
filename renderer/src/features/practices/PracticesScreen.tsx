// Good practices: browse them (filtered by country, theme and organisation
// type, a page at a time), pick two to six, and compare them side by side on
// EWSI's template fields with the fields where they differ marked.
//
// Routes: #/practices?q=…&country=DE&theme=…&kind=…&page=2&sel=id1,id2 (the
// list; the selection lives in the address so paging and coming back keep it)
// and #/practices/compare?ids=id1,id2,… (the comparison). Without words the
// list comes from records.list; with words from search.query, whose filters
// cover country and theme but not the organisation type (as in partner search).
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Button, ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PracticeComparison, RecordFacetsResult } from '../../../../shared/library';
import { useApi } from '../../app/core';
import { href, navigate, type Route } from '../../app/router';
import { useLoad } from '../../app/use-load';
import { LoadFailure } from '../../ui/LoadFailure';
import { countryName, formatDate, formatNumber, themeLabel } from '../../ui/format';
import { sanitizeHtml } from '../../ui/sanitize';

const PAGE_SIZE = 20;
const MIN_COMPARE = 2;
const MAX_COMPARE = 6;
type FilterName = 'country' | 'theme' | 'kind';
const FILTERS: FilterName[] = ['country', 'theme', 'kind'];

const idsOf = (value: string | null) => [...new Set((value ?? '').split(',').filter(Boolean))];

export function PracticesScreen({ route }: { route: Route }) {
  if (route.rest[0] === 'compare') return <ComparePractices ids={idsOf(route.params.get('ids')).slice(0, MAX_COMPARE)} />;
  return <PracticeList route={route} />;
}

interface ListState {
  q: string;
  country: string;
  theme: string;
  kind: string;
  page: number;
  selected: string[];
}

function listHref(state: ListState): string {
  return href('practices', {
    q: state.q,
    country: state.country,
    theme: state.theme,
    kind: state.kind,
    page: state.page > 1 ? state.page : undefined,
    sel: state.selected.join(','),
  });
}

const organisationType = (t: TFunction, value: string) => t(`practices.organisationTypes.${value}`, { defaultValue: value });

/** A practice in the list, from records.list or from a search hit (which has no organisation type). */
interface PracticeRow {
  id: string;
  title: string;
  countries: string[];
  kind?: string;
  date: string;
  summary: string;
}

function PracticeList({ route }: { route: Route }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const locale = i18n.language;
  const state: ListState = {
    q: route.params.get('q')?.trim() ?? '',
    country: route.params.get('country') ?? '',
    theme: route.params.get('theme') ?? '',
    kind: route.params.get('kind') ?? '',
    page: Math.max(1, Number.parseInt(route.params.get('page') ?? '1', 10) || 1),
    selected: idsOf(route.params.get('sel')).slice(0, MAX_COMPARE),
  };
  const filters = {
    types: ['good-practice' as const],
    countries: state.country ? [state.country] : [],
    themes: state.theme ? [state.theme] : [],
    kinds: state.kind ? [state.kind] : [],
  };
  const filterKey = JSON.stringify(filters);
  const facets = useLoad<RecordFacetsResult>(filterKey, () => api['records.facets'](filters));
  const list = useLoad<{ total: number; items: PracticeRow[] }>(`${filterKey}|${state.q}|${state.page}`, async () => {
    const offset = (state.page - 1) * PAGE_SIZE;
    if (state.q) {
      const query = ['type:good-practice', state.country && `country:${state.country}`, state.theme && `theme:${state.theme}`, state.q].filter(Boolean).join(' ');
      const found = await api['search.query']({ query, offset, limit: PAGE_SIZE });
      return { total: found.total, items: found.hits.map((hit) => ({ id: hit.id, title: hit.title, countries: hit.countries, date: hit.date, summary: hit.snippet.map((part) => part.text).join('') })) };
    }
    return api['records.list']({ ...filters, sort: 'title', offset, limit: PAGE_SIZE });
  });
  const [words, setWords] = useState(state.q);
  const idPrefix = useId();
  // Titles of the chosen practices seen so far, for the selection bar (they may be on other pages).
  const [titles, setTitles] = useState<Record<string, string>>({});

  const go = (next: Partial<ListState>) => navigate(listHref({ ...state, ...next }));
  const setFilter = (name: FilterName, value: string) => go({ [name]: value, page: 1 });
  const filterByWords = (event: FormEvent) => {
    event.preventDefault();
    go({ q: words.trim(), page: 1 });
  };
  const toggle = (id: string, title: string) => {
    setTitles((known) => ({ ...known, [id]: title }));
    go({ selected: state.selected.includes(id) ? state.selected.filter((chosen) => chosen !== id) : [...state.selected, id] });
  };

  const facetLabel = (name: FilterName, value: string) => {
    if (name === 'country') return countryName(value, locale);
    if (name === 'theme') return themeLabel(t, value);
    return organisationType(t, value);
  };
  const facetValues = (name: FilterName) => (facets.status === 'ready' ? facets.value[name] : []);

  const result = list.status === 'ready' ? list.value : null;
  // Chosen on another page or in an earlier visit (the address keeps only ids): their titles are read once.
  const unknownIds = state.selected.filter((id) => !titles[id]).sort();
  const readTitles = useLoad(
    `titles|${unknownIds.join(',')}`,
    async () =>
      Object.fromEntries(
        await Promise.all(unknownIds.map(async (id) => [id, await api['records.get']({ type: 'good-practice', id }).then((detail) => (detail.type === 'good-practice' ? detail.record.title : id), () => id)] as const)),
      ),
    { keep: true },
  );
  const titleOf = (id: string) => titles[id] ?? result?.items.find((item) => item.id === id)?.title ?? (readTitles.status === 'ready' ? readTitles.value[id] : undefined) ?? id;
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const full = state.selected.length >= MAX_COMPARE;

  return (
    <section aria-labelledby="screen-title" className="screen">
      <h1 id="screen-title" tabIndex={-1}>
        {t('screens.practices')}
      </h1>
      <p className="lede">{t('practices.lede')}</p>

      <div className="card practice-filters">
        <form className="search-form" role="search" aria-label={t('practices.wordsLabel')} onSubmit={filterByWords}>
          <div className="field grow">
            <label htmlFor={`${idPrefix}-q`}>{t('practices.wordsLabel')}</label>
            <input id={`${idPrefix}-q`} className="input" type="search" value={words} onChange={(event) => setWords(event.target.value)} placeholder={t('practices.wordsPlaceholder')} />
          </div>
          <Button type="submit" className="button">
            {t('practices.applyWords')}
          </Button>
          {state.q && (
            <Button
              className="button button-quiet"
              onPress={() => {
                setWords('');
                go({ q: '', page: 1 });
              }}
            >
              {t('practices.clearWords')}
            </Button>
          )}
        </form>
        <form className="filters" aria-label={t('practices.filters')} onSubmit={(event) => event.preventDefault()}>
          {FILTERS.map((name) => (
            <FilterSelect
              key={name}
              label={t(`practices.filter.${name}`)}
              value={name === 'kind' && state.q ? '' : state[name]}
              disabled={name === 'kind' && state.q !== ''}
              describedBy={name === 'kind' && state.q ? `${idPrefix}-kind-note` : undefined}
              onChange={(value) => setFilter(name, value)}
              options={facetValues(name).map(({ value, count }) => ({ value, label: `${facetLabel(name, value)} (${formatNumber(count, locale)})` }))}
              anyLabel={t('practices.any')}
            />
          ))}
        </form>
        {state.q && (
          <p id={`${idPrefix}-kind-note`} className="muted">
            {t('practices.kindWithWords')}
          </p>
        )}
      </div>

      <div className="selection-bar practice-selection card" role="region" aria-label={t('practices.selection')} data-testid="practice-selection">
        <p role="status">
          {state.selected.length === 0 ? t('practices.selectHint', { min: MIN_COMPARE, max: MAX_COMPARE }) : t('practices.selected', { count: state.selected.length, max: MAX_COMPARE })}
        </p>
        {state.selected.length > 0 && (
          <ul className="plain-list chosen">
            {state.selected.map((id) => (
              <li key={id}>
                {titleOf(id)}{' '}
                <Button className="button button-quiet" aria-label={t('practices.remove', { title: titleOf(id) })} onPress={() => go({ selected: state.selected.filter((chosen) => chosen !== id) })}>
                  ×
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className="actions">
          <Button
            className="button button-primary"
            isDisabled={state.selected.length < MIN_COMPARE}
            onPress={() => navigate(href('practices', { ids: state.selected.join(',') }, ['compare']))}
          >
            {t('practices.compare', { count: state.selected.length })}
          </Button>
          {state.selected.length > 0 && (
            <Button className="button" onPress={() => go({ selected: [] })}>
              {t('practices.clear')}
            </Button>
          )}
        </div>
      </div>

      <div role="status" className="search-summary" data-testid="practice-total">
        {list.status === 'loading' && t('practices.loading')}
        {result && t('practices.total', { count: result.total, formatted: formatNumber(result.total, locale) })}
      </div>
      <LoadFailure load={list} />
      <LoadFailure load={facets} />

      {result && (
        <ol className="hits plain-list" data-testid="practice-list" start={(state.page - 1) * PAGE_SIZE + 1}>
          {result.items.map((item) => {
            const checked = state.selected.includes(item.id);
            const boxId = `pick-${item.id}`;
            return (
              <li key={item.id} className="hit practice-item">
                <h2 className="hit-title">
                  <a href={href('read', {}, ['good-practice', item.id])}>{item.title}</a>
                </h2>
                <p className="muted hit-meta">
                  {[item.countries.map((code) => countryName(code, locale)).join(', '), item.kind ? organisationType(t, item.kind) : '', item.date ? t('practices.since', { date: formatDate(item.date, locale) }) : '']
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                <p className="snippet">{item.summary}</p>
                <label className="check" htmlFor={boxId}>
                  <input id={boxId} type="checkbox" checked={checked} disabled={!checked && full} onChange={() => toggle(item.id, item.title)} />
                  {t('practices.select')}
                  <span className="visually-hidden">: {item.title}</span>
                </label>
              </li>
            );
          })}
        </ol>
      )}
      {full && <p className="muted">{t('practices.full', { max: MAX_COMPARE })}</p>}
      {pages > 1 && (
        <nav className="pager" aria-label={t('practices.pages')}>
          <Button className="button" isDisabled={state.page <= 1} onPress={() => go({ page: state.page - 1 })}>
            {t('search.previous')}
          </Button>
          <span>{t('search.pageOf', { page: state.page, pages })}</span>
          <Button className="button" isDisabled={state.page >= pages} onPress={() => go({ page: state.page + 1 })}>
            {t('search.next')}
          </Button>
        </nav>
      )}
    </section>
  );
}

function FilterSelect(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: Array<{ value: string; label: string }>;
  anyLabel: string;
  disabled?: boolean;
  describedBy?: string;
}) {
  const id = useId();
  // A chosen value stays listed even when its count is not loaded yet.
  const options = props.value && !props.options.some((option) => option.value === props.value) ? [{ value: props.value, label: props.value }, ...props.options] : props.options;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} className="input" value={props.value} disabled={props.disabled} aria-describedby={props.describedBy} onChange={(event) => props.onChange(event.target.value)}>
        <option value="">{props.anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function ComparePractices({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const enough = ids.length >= MIN_COMPARE;
  const comparison = useLoad<PracticeComparison | null>(ids.join(','), async () => (enough ? api['practices.compare']({ ids }) : null));
  const [differencesOnly, setDifferencesOnly] = useState(false);
  const back = listHref({ q: '', country: '', theme: '', kind: '', page: 1, selected: ids });

  return (
    <section aria-labelledby="screen-title" className="screen">
      <p className="breadcrumb">
        <a href={back}>{t('practices.back')}</a>
      </p>
      <h1 id="screen-title" tabIndex={-1}>
        {t('practices.compareTitle')}
      </h1>
      {!enough && <p className="card notice">{t('practices.selectHint', { min: MIN_COMPARE, max: MAX_COMPARE })}</p>}
      {comparison.status === 'loading' && <p role="status">{t('practices.loading')}</p>}
      <LoadFailure load={comparison} />
      {comparison.status === 'ready' && comparison.value && (
        <>
          <p className="muted">
            {t('practices.differCount', { count: shownFields(comparison.value).filter((field) => field.differs).length, total: shownFields(comparison.value).length })}
          </p>
          <div className="actions">
            <ToggleButton className="button" isSelected={differencesOnly} onChange={setDifferencesOnly}>
              {t('practices.differencesOnly')}
            </ToggleButton>
            <a className="button" href={href('print', {}, ['practices', ids.join(',')])} data-testid="print-practices">
              {t('print.open')}
            </a>
          </div>
          <ComparisonTable comparison={comparison.value} differencesOnly={differencesOnly} />
        </>
      )}
    </section>
  );
}

/** The fields the table has rows for: the titles head the columns, so they get no row of their own. */
const shownFields = (comparison: PracticeComparison) => comparison.fields.filter((field) => field.field !== 'title');

function ComparisonTable({ comparison, differencesOnly }: { comparison: PracticeComparison; differencesOnly: boolean }) {
  const { t } = useTranslation();
  const rows = shownFields(comparison).filter((field) => !differencesOnly || field.differs);
  return (
    <div className="table-scroll" role="region" aria-labelledby="compare-caption" tabIndex={0}>
      <table className="compare-table" data-testid="practice-comparison">
        <caption id="compare-caption">{t('practices.tableCaption', { count: comparison.practices.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('practices.field')}</th>
            {comparison.practices.map((practice) => (
              <th scope="col" key={practice.id}>
                <a href={href('read', {}, ['good-practice', practice.id])}>{practice.title}</a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} className={row.differs ? 'differs' : undefined} data-field={row.field} data-differs={row.differs ? 'true' : 'false'}>
              <th scope="row">
                {t(`practices.fields.${row.field}`)}
                {row.differs && (
                  <span className="differs-mark">
                    <span aria-hidden="true">≠ </span>
                    {t('practices.differs')}
                  </span>
                )}
              </th>
              {row.values.map((value, index) => (
                <td key={comparison.practices[index]?.id ?? index}>
                  <FieldValue field={row.field} format={row.format} value={value} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Row = PracticeComparison['fields'][number];

export function FieldValue({ field, format, value }: { field: Row['field']; format: Row['format']; value: Row['values'][number] }): ReactNode {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const empty = <span className="muted">{t('practices.notGiven')}</span>;
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return empty;
  if (format === 'boolean') return value === true ? t('practices.yes') : t('practices.no');
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number') return formatNumber(value, locale);
  if (typeof value !== 'string') return String(value);
  switch (format) {
    case 'html':
      return <div className="prose" dangerouslySetInnerHTML={{ __html: sanitizeHtml(value) }} />;
    case 'date':
      return formatDate(value, locale);
    case 'url':
      return /^https?:\/\//i.test(value) ? (
        <a href={value} target="_blank" rel="noopener noreferrer">
          {value}
        </a>
      ) : (
        value
      );
    case 'code':
      if (field === 'country') return countryName(value, locale);
      if (field === 'evaluationType') return t(`practices.evaluationTypes.${value}`, { defaultValue: value });
      return organisationType(t, value);
    default:
      return value;
  }
}
