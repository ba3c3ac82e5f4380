// Find a project partner: the synced partner requests, searched and filtered
// by country, organisation type and theme, offline; the member's own requests
// that are not in the synced corpus yet, shown once below; and the form for a
// new request, queued in the outbox.
//
// Routes: #/partners?q=…&country=…&kind=…&theme=…&page=N and #/partners/new.
// Without words the list comes from records.list and records.facets (every
// filter, with counts); with words from search.query, whose filters cover
// country and theme but not the organisation type.
import { useId, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RecordFacetsResult } from '../../../../shared/library';
import { useApi } from '../../app/core';
import { href, navigate, type Route } from '../../app/router';
import { useLoad } from '../../app/use-load';
import { LoadFailure } from '../../ui/LoadFailure';
import { countryName, formatDate, formatNumber, themeLabel } from '../../ui/format';
import { kindLabel } from '../../ui/record-labels';
import { DraftList } from '../outbox/DraftList';
import { UNSENT_STATES, useOutboxGeneration, useOutboxItems } from '../outbox/outbox-state';
import { SignInNotice } from '../forums/OutboxHint';
import { PartnerRequestForm } from './PartnerRequestForm';

const PAGE_SIZE = 20;

interface Row {
  id: string;
  title: string;
  date: string;
  countries: string[];
  kind?: string;
  summary: string;
}

export function PartnersScreen({ route }: { route: Route }) {
  if (route.rest[0] === 'new') return <NewPartnerRequest />;
  return <PartnerList route={route} />;
}

function NewPartnerRequest() {
  const { t } = useTranslation();
  const api = useApi();
  return (
    <section aria-labelledby="screen-title" className="screen">
      <p className="breadcrumb">
        <a href={href('partners')}>{t('partners.back')}</a>
      </p>
      <h1 id="screen-title" tabIndex={-1}>
        {t('partners.newTitle')}
      </h1>
      <p className="lede">{t('partners.newLede')}</p>
      <SignInNotice />
      <PartnerRequestForm
        submitLabel={t('partners.queue')}
        onSubmit={async (draft) => {
          await api['outbox.composePartnerRequest'](draft);
          navigate(href('partners', { queued: '1' }));
        }}
      />
    </section>
  );
}

type Filter = 'country' | 'kind' | 'theme';

function PartnerList({ route }: { route: Route }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const locale = i18n.language;
  const params = route.params;
  const q = params.get('q') ?? '';
  const state = { country: params.get('country') ?? '', kind: params.get('kind') ?? '', theme: params.get('theme') ?? '' };
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const [words, setWords] = useState(q);
  const generation = useOutboxGeneration();
  const idPrefix = useId();

  const filters = {
    types: ['partner-request' as const],
    countries: state.country ? [state.country] : [],
    themes: state.theme ? [state.theme] : [],
    kinds: state.kind ? [state.kind] : [],
  };
  const key = JSON.stringify([q, state, page, generation]);
  const facets = useLoad<RecordFacetsResult>(JSON.stringify([filters, generation]), () => api['records.facets'](filters));
  const list = useLoad<{ total: number; rows: Row[] }>(key, async () => {
    if (q.trim()) {
      const query = ['type:partner-request', state.country && `country:${state.country}`, state.theme && `theme:${state.theme}`, q.trim()].filter(Boolean).join(' ');
      const result = await api['search.query']({ query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
      return { total: result.total, rows: result.hits.map((hit) => ({ id: hit.id, title: hit.title, date: hit.date, countries: hit.countries, summary: hit.snippet.map((part) => part.text).join('') })) };
    }
    const result = await api['records.list']({ ...filters, sort: 'date-desc', offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    return { total: result.total, rows: result.items };
  });
  const drafts = useOutboxItems({ kind: 'partner.request', states: UNSENT_STATES, includeSynced: false });

  const go = (changes: Record<string, string | undefined>) => navigate(href('partners', { q, ...state, page: undefined, ...changes }));
  const search = (event: FormEvent) => {
    event.preventDefault();
    go({ q: words.trim() || undefined });
  };
  const labels: Record<Filter, string> = { country: t('partners.filter.country'), kind: t('partners.filter.organisationType'), theme: t('partners.filter.theme') };
  const valueLabel = (filter: Filter, value: string) => (filter === 'country' ? countryName(value, locale) : filter === 'theme' ? themeLabel(t, value) : kindLabel(t, 'partner-request', value, locale));
  const pages = list.status === 'ready' ? Math.max(1, Math.ceil(list.value.total / PAGE_SIZE)) : 1;

  return (
    <section aria-labelledby="screen-title" className="screen">
      <h1 id="screen-title" tabIndex={-1}>
        {t('screens.partners')}
      </h1>
      <p className="lede">{t('partners.lede')}</p>
      <p>
        <a className="button button-primary" href={href('partners', {}, ['new'])}>
          {t('partners.new')}
        </a>
      </p>
      {params.get('queued') === '1' && (
        <p role="status" className="card notice" data-testid="partner-queued">
          {t('partners.queued')} <a href={href('outbox')}>{t('partners.seeOutbox')}</a>
        </p>
      )}

      <form className="search-form" role="search" aria-label={t('partners.searchLabel')} onSubmit={search}>
        <label htmlFor={`${idPrefix}-q`} className="visually-hidden">
          {t('partners.searchLabel')}
        </label>
        <input id={`${idPrefix}-q`} className="input grow" type="search" value={words} onChange={(event) => setWords(event.target.value)} placeholder={t('partners.searchPlaceholder')} />
        <Button type="submit" className="button">
          {t('partners.search')}
        </Button>
      </form>
      <div className="filters" role="group" aria-label={t('partners.filters')}>
        {(['country', 'kind', 'theme'] as const).map((filter) => {
          const disabled = filter === 'kind' && q.trim() !== '';
          const values = facets.status === 'ready' ? facets.value[filter] : [];
          const current = state[filter];
          return (
            <div key={filter} className="field filter">
              <label htmlFor={`${idPrefix}-${filter}`}>{labels[filter]}</label>
              <select
                id={`${idPrefix}-${filter}`}
                className="input"
                value={disabled ? '' : current}
                disabled={disabled}
                aria-describedby={disabled ? `${idPrefix}-kind-note` : undefined}
                onChange={(event) => go({ [filter]: event.target.value || undefined })}
              >
                <option value="">{t('partners.any')}</option>
                {current && !values.some((v) => v.value === current) && <option value={current}>{valueLabel(filter, current)}</option>}
                {values.map(({ value, count }) => (
                  <option key={value} value={value}>
                    {t('library.facetOption', { label: valueLabel(filter, value), count: formatNumber(count, locale) })}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      {q.trim() && (
        <p id={`${idPrefix}-kind-note`} className="muted">
          {t('partners.kindWithWords')}
        </p>
      )}

      <div role="status" className="search-summary" data-testid="partner-total">
        {list.status === 'loading' && t('partners.loading')}
        {list.status === 'ready' && t('partners.total', { count: list.value.total, formatted: formatNumber(list.value.total, locale) })}
      </div>
      <LoadFailure load={list} />
      {list.status === 'ready' && list.value.rows.length > 0 && (
        <ol className="plain-list hits" data-testid="partner-list" start={(page - 1) * PAGE_SIZE + 1}>
          {list.value.rows.map((row) => (
            <li key={row.id} className="hit">
              <h2 className="hit-title">
                <a href={href('read', {}, ['partner-request', row.id])}>{row.title}</a>
              </h2>
              <p className="muted hit-meta">
                {[row.kind ? kindLabel(t, 'partner-request', row.kind, locale) : '', row.countries.map((code) => countryName(code, locale)).join(', '), row.date ? formatDate(row.date, locale) : '']
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <p className="snippet">{row.summary}</p>
            </li>
          ))}
        </ol>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={t('partners.pages')}>
          <Button className="button" isDisabled={page <= 1} onPress={() => navigate(href('partners', { q, ...state, page: page - 1 }))}>
            {t('search.previous')}
          </Button>
          <span>{t('search.pageOf', { page, pages })}</span>
          <Button className="button" isDisabled={page >= pages} onPress={() => navigate(href('partners', { q, ...state, page: page + 1 }))}>
            {t('search.next')}
          </Button>
        </nav>
      )}

      <LoadFailure load={drafts} />
      {drafts.status === 'ready' && (
        <DraftList
          items={drafts.value}
          label={t('partners.yours')}
          render={(item) =>
            item.kind === 'partner.request' && (
              <>
                <h3>{item.payload.title}</h3>
                <p className="muted">
                  {[item.payload.organisation, kindLabel(t, 'partner-request', item.payload.organisationType, locale), countryName(item.payload.country, locale)].join(' · ')}
                </p>
                <p className="own-text">{item.payload.projectIdea}</p>
              </>
            )
          }
        />
      )}
    </section>
  );
}
