// Country information sheets: every country with a sheet, one sheet by its six
// sections (what changed since the user last opened it marked, the text the
// user saw then viewable), and two countries side by side, section by section.
//
// Routes: #/countries (the list), #/countries/DE (one sheet),
// #/countries/compare?a=DE&b=FR (two sheets side by side).
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { COUNTRY_SHEET_SECTIONS } from '../../../../shared/content';
import type { CountrySheetView, countrySheetSummarySchema } from '../../../../shared/library';
import { useApi } from '../../app/core';
import { href, navigate, type Route } from '../../app/router';
import { useLoad, type Load } from '../../app/use-load';
import { ChangeMark } from '../../ui/ChangeMark';
import { countryName, formatDate } from '../../ui/format';
import { sanitizeHtml } from '../../ui/sanitize';

type Summary = z.infer<typeof countrySheetSummarySchema>;
type Section = CountrySheetView['sections'][number];

const COUNTRY = /^[A-Z]{2}$/;

export function CountrySheetsScreen({ route }: { route: Route }) {
  const [first] = route.rest;
  if (first === 'compare') return <CompareCountries a={route.params.get('a') ?? ''} b={route.params.get('b') ?? ''} />;
  if (first && COUNTRY.test(first)) return <CountrySheet country={first} />;
  return <CountryList />;
}

function Failure({ message }: { message: string }) {
  return (
    <p role="alert" className="error">
      {message}
    </p>
  );
}

function useSheetList(): Load<Summary[]> {
  const api = useApi();
  return useLoad('list', () => api['countrySheets.list']({}));
}

/** Countries sorted by their name in the interface language. */
function byName(sheets: Summary[], locale: string): Summary[] {
  return [...sheets].sort((x, y) => countryName(x.country, locale).localeCompare(countryName(y.country, locale), locale));
}

function CountryList() {
  const { t, i18n } = useTranslation();
  const list = useSheetList();
  const locale = i18n.language;
  const sheets = list.status === 'ready' ? byName(list.value, locale) : [];

  return (
    <section aria-labelledby="screen-title" className="screen">
      <h1 id="screen-title" tabIndex={-1}>
        {t('screens.countries')}
      </h1>
      <p className="lede">{t('countrySheets.lede')}</p>
      {list.status === 'failed' && <Failure message={list.message} />}
      {list.status === 'loading' && <p role="status">{t('countrySheets.loading')}</p>}
      {list.status === 'ready' && sheets.length === 0 && <p className="card notice">{t('countrySheets.none')}</p>}
      {sheets.length >= 2 && <ComparePicker sheets={sheets} initial={[sheets[0]!.country, sheets[1]!.country]} />}
      {sheets.length > 0 && (
        <section aria-labelledby="countries-all" className="stack-top">
          <h2 id="countries-all">{t('countrySheets.all', { count: sheets.length })}</h2>
          <ul className="country-list plain-list" data-testid="country-list">
            {sheets.map((sheet) => (
              <li key={sheet.country}>
                <a href={href('countries', {}, [sheet.country])}>{countryName(sheet.country, locale)}</a>
                {sheet.changedSections.length > 0 ? (
                  <ChangeMark change="changed">{t('changes.sectionsChanged', { count: sheet.changedSections.length })}</ChangeMark>
                ) : (
                  sheet.unseenChange && <ChangeMark change={sheet.unseenChange} />
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

/** Two labelled selects and a Compare button: opens #/countries/compare?a=…&b=…. */
function ComparePicker({ sheets, initial }: { sheets: Summary[]; initial: [string, string] }) {
  const { t, i18n } = useTranslation();
  const [a, setA] = useState(initial[0]);
  const [b, setB] = useState(initial[1]);
  const id = useId();
  const same = a === b;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!same) navigate(href('countries', { a, b }, ['compare']));
  };

  return (
    <form className="card compare-picker" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('countrySheets.compareTitle')}</h2>
      <div className="filters">
        <CountrySelect id={`${id}-a`} label={t('countrySheets.firstCountry')} value={a} onChange={setA} sheets={sheets} locale={i18n.language} />
        <CountrySelect id={`${id}-b`} label={t('countrySheets.secondCountry')} value={b} onChange={setB} sheets={sheets} locale={i18n.language} />
        <Button type="submit" className="button button-primary" isDisabled={same}>
          {t('countrySheets.compare')}
        </Button>
      </div>
      {same && (
        <p role="status" className="muted">
          {t('countrySheets.chooseTwo')}
        </p>
      )}
    </form>
  );
}

function CountrySelect(props: { id: string; label: string; value: string; onChange: (value: string) => void; sheets: Summary[]; locale: string }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} className="input" value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.sheets.map((sheet) => (
          <option key={sheet.country} value={sheet.country}>
            {countryName(sheet.country, props.locale)}
          </option>
        ))}
      </select>
    </div>
  );
}

function CountrySheet({ country }: { country: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const sheet = useLoad(country, () => api['countrySheets.get']({ country }));
  const locale = i18n.language;
  const name = countryName(country, locale);
  const shown = sheet.status === 'ready' ? sheet.value : null;
  const unseen = shown !== null && (shown.unseenChange !== null || shown.sections.some((section) => section.unseenChange !== null));

  // Opened: the sheet and its sections are no longer new or changed; the marks stay on screen until it closes.
  useEffect(() => {
    if (shown && unseen) api['changes.markSeen']({ type: 'country-sheet', id: shown.id }).catch(() => undefined);
  }, [api, shown, unseen]);

  return (
    <article aria-labelledby="screen-title" className="screen">
      <p className="breadcrumb">
        <a href={href('countries')}>{t('countrySheets.back')}</a>
      </p>
      <h1 id="screen-title" tabIndex={-1}>
        {t('countrySheets.sheetTitle', { country: name })}
      </h1>
      {sheet.status === 'loading' && <p role="status">{t('countrySheets.loading')}</p>}
      {sheet.status === 'failed' && <Failure message={sheet.message} />}
      {sheet.status === 'ready' && (
        <>
          <p className="muted">{t('countrySheets.updated', { date: formatDate(sheet.value.updatedAt, locale) })}</p>
          <p>
            <a className="button" href={href('print', {}, ['country', country])} data-testid="print-country">
              {t('print.open')}
            </a>
          </p>
          {sheet.value.unseenChange === 'new' && (
            <p className="card notice" data-testid="sheet-new">
              <ChangeMark change="new" /> {t('changes.newSheet')}
            </p>
          )}
          <nav aria-label={t('countrySheets.contents')} className="toc">
            <ol>
              {sheet.value.sections.map((section) => (
                <li key={section.key}>
                  <a
                    href={`#section-${section.key}`}
                    onClick={(event) => {
                      // The hash is the router's: move focus to the section instead.
                      event.preventDefault();
                      document.getElementById(`section-${section.key}`)?.focus();
                    }}
                  >
                    {t(`countrySheets.sections.${section.key}`)}
                  </a>
                  {section.unseenChange && <span className="visually-hidden"> ({t(section.unseenChange === 'new' ? 'changes.new' : 'changes.changed')})</span>}
                </li>
              ))}
            </ol>
          </nav>
          <div className="sheet" data-testid="sheet-sections" lang={sheet.value.language}>
            {sheet.value.sections.map((section) => (
              <SheetSection key={section.key} section={section} headingLevel={2} idPrefix="section" />
            ))}
          </div>
        </>
      )}
    </article>
  );
}

/** One section: heading, change mark, the sanitized text, and the text before the change on demand. */
function SheetSection({ section, headingLevel, idPrefix, label }: { section: Section; headingLevel: 2 | 3; idPrefix: string; label?: string }) {
  const { t, i18n } = useTranslation();
  const [showPrevious, setShowPrevious] = useState(false);
  const previousId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `${idPrefix}-${section.key}-title`;
  const locale = i18n.language;

  return (
    <section
      id={`${idPrefix}-${section.key}`}
      tabIndex={-1}
      aria-labelledby={headingId}
      className={section.unseenChange ? 'sheet-section changed' : 'sheet-section'}
      data-testid={`section-${section.key}`}
      data-changed={section.unseenChange ? 'true' : 'false'}
    >
      <Heading id={headingId} lang={locale}>
        {label ?? t(`countrySheets.sections.${section.key}`)}
      </Heading>
      <p className="muted section-meta" lang={locale}>
        {t('countrySheets.updated', { date: formatDate(section.updatedAt, locale) })}
        {section.programmeKind && <> · {t(`countrySheets.programmeKinds.${section.programmeKind}`)}</>}
      </p>
      {section.unseenChange && <ChangeMark change={section.unseenChange} as="p" />}
      <div className="prose" dangerouslySetInnerHTML={{ __html: sanitizeHtml(section.body) }} />
      {section.previousBody !== null && (
        <>
          <Button className="button" aria-expanded={showPrevious} aria-controls={previousId} onPress={() => setShowPrevious((shown) => !shown)}>
            {showPrevious ? t('countrySheets.hidePrevious') : t('countrySheets.showPrevious')}
          </Button>
          <div id={previousId} hidden={!showPrevious} className="previous" data-testid="previous-text">
            <p className="muted" lang={locale}>
              {t('countrySheets.previousLabel')}
            </p>
            <div className="prose" dangerouslySetInnerHTML={{ __html: sanitizeHtml(section.previousBody) }} />
          </div>
        </>
      )}
    </section>
  );
}

function CompareCountries({ a, b }: { a: string; b: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const list = useSheetList();
  const valid = COUNTRY.test(a) && COUNTRY.test(b) && a !== b;
  const pair = useLoad(`${a}|${b}`, async () => {
    if (!valid) return null;
    return Promise.all([api['countrySheets.get']({ country: a }), api['countrySheets.get']({ country: b })]);
  });
  const locale = i18n.language;
  const sheets = list.status === 'ready' ? byName(list.value, locale) : [];

  return (
    <section aria-labelledby="screen-title" className="screen">
      <p className="breadcrumb">
        <a href={href('countries')}>{t('countrySheets.back')}</a>
      </p>
      <h1 id="screen-title" tabIndex={-1}>
        {valid ? t('countrySheets.compareHeading', { a: countryName(a, locale), b: countryName(b, locale) }) : t('countrySheets.compareTitle')}
      </h1>
      {sheets.length >= 2 && <ComparePicker key={`${a}|${b}`} sheets={sheets} initial={valid ? [a, b] : [sheets[0]!.country, sheets[1]!.country]} />}
      {valid && (
        <p>
          <a className="button" href={href('print', {}, ['compare', a, b])} data-testid="print-comparison">
            {t('print.open')}
          </a>
        </p>
      )}
      {!valid && <p className="card notice">{t('countrySheets.chooseTwo')}</p>}
      {pair.status === 'loading' && <p role="status">{t('countrySheets.loading')}</p>}
      {pair.status === 'failed' && <Failure message={pair.message} />}
      {pair.status === 'ready' && pair.value && <ComparedSections left={pair.value[0]} right={pair.value[1]} />}
    </section>
  );
}

/** The two sheets aligned: one row per section, one column per country. */
function ComparedSections({ left, right }: { left: CountrySheetView; right: CountrySheetView }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const sectionOf = (sheet: CountrySheetView, key: Section['key']) => sheet.sections.find((section) => section.key === key);

  return (
    <div className="compare-sheets stack-top" data-testid="compare-sheets">
      {COUNTRY_SHEET_SECTIONS.map((key) => (
        <section key={key} aria-labelledby={`compare-${key}`} className="compare-row" data-testid={`compare-${key}`}>
          <h2 id={`compare-${key}`}>{t(`countrySheets.sections.${key}`)}</h2>
          <div className="compare-columns">
            {[left, right].map((sheet) => {
              const section = sectionOf(sheet, key);
              const name = countryName(sheet.country, locale);
              return (
                <div key={sheet.country} className="compare-cell" lang={sheet.language}>
                  {section ? (
                    <SheetSection section={section} headingLevel={3} idPrefix={`${sheet.country}`} label={name} />
                  ) : (
                    <p className="muted">{t('countrySheets.missingSection', { country: name })}</p>
                  )}
                </div>
              );
            })}
          </div>
        </section>
      ))}
    </div>
  );
}
