// Funding opportunities by deadline: upcoming calls first (soonest first), then
// rolling calls, then closed ones, as funding.list orders them; filtered by
// open only, a deadline range, funder type and country, all kept in the address
// (#/funding?open=1&from=2027-01-01&to=2027-03-31&funder=eu&country=DE&page=2).
import { useId, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { EU_COUNTRIES, FUNDER_TYPES } from '../../../../shared/content';
import type { FundingItem } from '../../../../shared/library';
import { useApi } from '../../app/core';
import { href, navigate, type Route } from '../../app/router';
import { useLoad } from '../../app/use-load';
import { LoadFailure } from '../../ui/LoadFailure';
import { countryName, formatDate, formatNumber } from '../../ui/format';
import { DeadlineField } from './DeadlineField';

const PAGE_SIZE = 20;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
type FunderType = (typeof FUNDER_TYPES)[number];

interface FundingFilters {
  open: boolean;
  from: string;
  to: string;
  funder: FunderType | '';
  country: string;
  page: number;
}

function readFilters(params: URLSearchParams): FundingFilters {
  const date = (name: string) => {
    const value = params.get(name) ?? '';
    return ISO_DATE.test(value) ? value : '';
  };
  const funder = params.get('funder') ?? '';
  const country = params.get('country') ?? '';
  return {
    open: params.get('open') === '1',
    from: date('from'),
    to: date('to'),
    funder: (FUNDER_TYPES as readonly string[]).includes(funder) ? (funder as FunderType) : '',
    country: (EU_COUNTRIES as readonly string[]).includes(country) ? country : '',
    page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1),
  };
}

function filtersHref(filters: FundingFilters): string {
  return href('funding', {
    open: filters.open ? 1 : undefined,
    from: filters.from,
    to: filters.to,
    funder: filters.funder,
    country: filters.country,
    page: filters.page > 1 ? filters.page : undefined,
  });
}

const funderTypeLabel = (t: TFunction, type: string) => t(`funding.funderTypes.${type}`, { defaultValue: type });

/** "12 days left", "Closes today", "Closed 3 days ago" or "Rolling call". */
export function daysLeftText(t: TFunction, daysLeft: number | null): string {
  if (daysLeft === null) return t('funding.rolling');
  if (daysLeft === 0) return t('funding.closesToday');
  if (daysLeft > 0) return t('funding.daysLeft', { count: daysLeft });
  return t('funding.closedAgo', { count: -daysLeft });
}

function amountText(t: TFunction, amount: FundingItem['amount'], locale: string): string | null {
  if (!amount || (amount.min === null && amount.max === null)) return null;
  const money = (value: number) => {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: amount.currency, maximumFractionDigits: 0 }).format(value);
    } catch {
      return `${formatNumber(value, locale)} ${amount.currency}`;
    }
  };
  if (amount.min !== null && amount.max !== null) return t('funding.amountRange', { min: money(amount.min), max: money(amount.max) });
  if (amount.max !== null) return t('funding.amountUpTo', { max: money(amount.max) });
  return t('funding.amountFrom', { min: money(amount.min!) });
}

export function FundingScreen({ route }: { route: Route }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const locale = i18n.language;
  const filters = readFilters(route.params);
  const reversed = filters.from !== '' && filters.to !== '' && filters.from > filters.to;
  const request = {
    openOnly: filters.open,
    deadlineFrom: filters.from || undefined,
    deadlineTo: filters.to || undefined,
    funderTypes: filters.funder ? [filters.funder] : [],
    countries: filters.country ? [filters.country] : [],
    offset: (filters.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
  const list = useLoad(JSON.stringify(request), () => api['funding.list'](request));
  const result = list.status === 'ready' ? list.value : null;
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const go = (next: Partial<FundingFilters>) => navigate(filtersHref({ ...filters, page: 1, ...next }));
  const countries = [...EU_COUNTRIES].sort((a, b) => countryName(a, locale).localeCompare(countryName(b, locale), locale));
  const ids = { open: useId(), funder: useId(), country: useId() };

  return (
    <section aria-labelledby="screen-title" className="screen">
      <h1 id="screen-title" tabIndex={-1}>
        {t('screens.funding')}
      </h1>
      <p className="lede">{t('funding.lede')}</p>

      <form className="filters card" aria-label={t('funding.filters')} onSubmit={(event) => event.preventDefault()}>
        <div className="field check-field">
          <label className="check" htmlFor={ids.open}>
            <input id={ids.open} type="checkbox" checked={filters.open} onChange={(event) => go({ open: event.target.checked })} />
            {t('funding.openOnly')}
          </label>
        </div>
        <DeadlineField label={t('funding.from')} value={filters.from} onCommit={(from) => go({ from })} testId="deadline-from" />
        <DeadlineField label={t('funding.to')} value={filters.to} onCommit={(to) => go({ to })} testId="deadline-to" />
        <Field id={ids.funder} label={t('funding.funderType')}>
          <select id={ids.funder} className="input" value={filters.funder} onChange={(event) => go({ funder: event.target.value as FunderType | '' })}>
            <option value="">{t('funding.anyFunder')}</option>
            {FUNDER_TYPES.map((type) => (
              <option key={type} value={type}>
                {funderTypeLabel(t, type)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={ids.country} label={t('funding.country')}>
          <select id={ids.country} className="input" value={filters.country} onChange={(event) => go({ country: event.target.value })}>
            <option value="">{t('funding.anyCountry')}</option>
            {countries.map((code) => (
              <option key={code} value={code}>
                {countryName(code, locale)}
              </option>
            ))}
          </select>
        </Field>
      </form>
      <p className="muted help">{t('funding.help')}</p>
      {reversed && (
        <p role="alert" className="error">
          {t('funding.reversed')}
        </p>
      )}

      <div role="status" className="search-summary" data-testid="funding-total">
        {list.status === 'loading' && t('funding.loading')}
        {result && t('funding.total', { count: result.total, formatted: formatNumber(result.total, locale) })}
      </div>
      <LoadFailure load={list} />
      {result && (
        <ol className="hits plain-list" data-testid="funding-list" start={(filters.page - 1) * PAGE_SIZE + 1}>
          {result.items.map((item) => (
            <FundingRow key={item.id} item={item} />
          ))}
        </ol>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={t('funding.pages')}>
          <Button className="button" isDisabled={filters.page <= 1} onPress={() => go({ page: filters.page - 1 })}>
            {t('search.previous')}
          </Button>
          <span>{t('search.pageOf', { page: filters.page, pages })}</span>
          <Button className="button" isDisabled={filters.page >= pages} onPress={() => go({ page: filters.page + 1 })}>
            {t('search.next')}
          </Button>
        </nav>
      )}
    </section>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** One call: title, programme, funder, countries, deadline with days left, amount. */
function FundingRow({ item }: { item: FundingItem }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const amount = amountText(t, item.amount, locale);
  const closed = item.daysLeft !== null && item.daysLeft < 0;
  return (
    <li className="hit funding-item" data-deadline={item.deadline ?? ''} data-days-left={item.daysLeft ?? ''}>
      <h2 className="hit-title">
        <a href={href('read', {}, ['funding', item.id])}>{item.title}</a>
      </h2>
      <p className="deadline">
        {item.deadline ? (
          <>
            {t('funding.deadline')} <time dateTime={item.deadline}>{formatDate(item.deadline, locale)}</time>
          </>
        ) : null}
        <span className={closed ? 'days-left closed' : 'days-left'}>{daysLeftText(t, item.daysLeft)}</span>
      </p>
      <p className="muted hit-meta">
        {[
          item.programme,
          funderTypeLabel(t, item.funderType),
          item.countries.length > 0 ? item.countries.map((code) => countryName(code, locale)).join(', ') : t('funding.allCountries'),
          amount,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {item.summary && <p className="snippet">{item.summary}</p>}
    </li>
  );
}
