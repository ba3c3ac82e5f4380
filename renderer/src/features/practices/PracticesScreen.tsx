// Good practices: browse them (filtered by country, theme and organisation
// type, a page at a time), pick two to six, and compare them side by side on
// EWSI's template fields with the fields where they differ marked.
//
// Routes: #/practices?country=DE&theme=…&kind=…&page=2&sel=id1,id2 (the list;
// the selection lives in the address so paging and coming back keep it) and
// #/practices/compare?ids=id1,id2,… (the comparison).
import { useId, useState, type ReactNode } from 'react';
import { Button, ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PracticeComparison, RecordFacetsResult, RecordListResult } from '../../../../shared/library';
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
  country: string;
  theme: string;
  kind: string;
  page: number;
  selected: string[];
}

function listHref(state: ListState): string {
  return href('practices', {
    country: state.country,
    theme: state.theme,
    kind: state.kind,
    page: state.page > 1 ? state.page : undefined,
    sel: state.selected.join(','),
  });
}

const organisationType = (t: TFunction, value: string) => t(`practices.organisationTypes.${value}`, { defaultValue: value });

function PracticeList({ route }: { route: Route }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const locale = i18n.language;
  const state: ListState = {
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
  const list = useLoad<RecordListResult>(`${filterKey}|${state.page}`, () =>
    api['records.list']({ ...filters, sort: 'title', offset: (state.page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
  );
  // Titles of the chosen practices seen so far, for the selection bar (they may be on other pages).
  const [titles, setTitles] = useState<Record<string, string>>({});

  const go = (next: Partial<ListState>) => navigate(listHref({ ...state, ...next }));
  const setFilter = (name: FilterName, value: string) => go({ [name]: value, page: 1 });
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
  const titleOf = (id: string) => titles[id] ?? result?.items.find((item) => item.id === id)?.title ?? id;
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const full = state.selected.length >= MAX_COMPARE;

  return (
    <section aria-labelledby="screen-title" className="screen">
      <h1 id="screen-title" tabIndex={-1}>
        {t('screens.practices')}
      </h1>
      <p className="lede">{t('practices.lede')}</p>

      <form className="filters card" aria-label={t('practices.filters')} onSubmit={(event) => event.preventDefault()}>
        {FILTERS.map((name) => (
          <FilterSelect
            key={name}
            label={t(`practices.filter.${name}`)}
            value={state[name]}
            onChange={(value) => setFilter(name, value)}
            options={facetValues(name).map(({ value, count }) => ({ value, label: `${facetLabel(name, value)} (${formatNumber(count, locale)})` }))}
            anyLabel={t('practices.any')}
          />
        ))}
      </form>

      <div className="selection-bar card" role="region" aria-label={t('practices.selection')} data-testid="practice-selection">
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
                  <a href={href('read', {}, [item.type, item.id])}>{item.title}</a>
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

function FilterSelect(props: { label: string; value: string; onChange: (value: string) => void; options: Array<{ value: string; label: string }>; anyLabel: string }) {
  const id = useId();
  // A chosen value stays listed even when its count is not loaded yet.
  const options = props.value && !props.options.some((option) => option.value === props.value) ? [{ value: props.value, label: props.value }, ...props.options] : props.options;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} className="input" value={props.value} onChange={(event) => props.onChange(event.target.value)}>
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
  const back = listHref({ country: '', theme: '', kind: '', page: 1, selected: ids });

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
            {t('practices.differCount', { count: comparison.value.fields.filter((field) => field.differs).length, total: comparison.value.fields.length })}
          </p>
          <ToggleButton className="button" isSelected={differencesOnly} onChange={setDifferencesOnly}>
            {t('practices.differencesOnly')}
          </ToggleButton>
          <ComparisonTable comparison={comparison.value} differencesOnly={differencesOnly} />
        </>
      )}
    </section>
  );
}

function ComparisonTable({ comparison, differencesOnly }: { comparison: PracticeComparison; differencesOnly: boolean }) {
  const { t } = useTranslation();
  const rows = comparison.fields.filter((field) => !differencesOnly || field.differs);
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

function FieldValue({ field, format, value }: { field: Row['field']; format: Row['format']; value: Row['values'][number] }): ReactNode {
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
