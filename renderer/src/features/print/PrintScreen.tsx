// Printable views: a document with its annotations, a country sheet, two
// countries side by side, and good practices compared. The print style sheet
// (print.css) drops the app's chrome; "Print or save as PDF" asks main for
// Electron's printToPDF (print.toPdf) and, where no main answers (the browser
// harness), opens the browser's print dialog.
//   #/print/document/ID   #/print/country/DE   #/print/compare/DE/FR   #/print/practices/ID,ID…
import { useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { authorDisplayName, readAuthors } from '../../../../shared/content';
import type { CountrySheetView } from '../../../../shared/library';
import { errorMessage, useApi } from '../../app/core';
import type { Route } from '../../app/router';
import { useLoad } from '../../app/use-load';
import { LoadFailure } from '../../ui/LoadFailure';
import { countryName, formatDate } from '../../ui/format';
import { sanitizeHtml } from '../../ui/sanitize';
import { FieldValue } from '../practices/PracticesScreen';

export function PrintScreen({ route }: { route: Route }) {
  const [kind, ...args] = route.rest;
  const view =
    kind === 'document' && args[0] ? <PrintDocument id={args[0]} /> :
    kind === 'country' && args[0] ? <PrintCountries countries={[args[0]]} /> :
    kind === 'compare' && args[0] && args[1] ? <PrintCountries countries={[args[0], args[1]]} /> :
    kind === 'practices' && args[0] ? <PrintPractices ids={args[0].split(',').filter(Boolean)} /> : null;
  return (
    <article className="print-view" data-testid="print-view">
      <PrintBar />
      {view ?? <UnknownPrint />}
    </article>
  );
}

function Pending({ load }: { load: { status: string; message?: string } }) {
  const { t } = useTranslation();
  return load.status === 'failed' ? <LoadFailure load={load} /> : <p role="status">{t('print.loading')}</p>;
}

function UnknownPrint() {
  const { t } = useTranslation();
  return <p className="card notice">{t('print.unknown')}</p>;
}

/** Shown on screen only: print, or save as PDF. */
function PrintBar() {
  const { t } = useTranslation();
  const api = useApi();
  const [message, setMessage] = useState<string | null>(null);
  const print = async () => {
    setMessage(null);
    try {
      const answer = await api['print.toPdf']({ fileName: `${document.title || 'EWSI'}.pdf` });
      if (!answer.handled) window.print();
      else if (answer.path) setMessage(t('print.saved', { path: answer.path }));
    } catch (error) {
      setMessage(t('print.failed', { message: errorMessage(error) }));
    }
  };
  return (
    <div className="print-bar actions no-print">
      <Button className="button button-primary" onPress={() => void print()} data-testid="print-button">
        {t('print.print')}
      </Button>
      <Button className="button" onPress={() => history.back()}>
        {t('print.back')}
      </Button>
      {message && (
        <span role="status" className="muted">
          {message}
        </span>
      )}
    </div>
  );
}

function Meta({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <dl className="print-meta">
      {rows
        .filter(([, value]) => value !== '' && value !== null)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

function PrintDocument({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const locale = i18n.language;
  const read = useLoad(`print-document/${id}`, async () => {
    const detail = await api['records.get']({ type: 'document', id });
    const notes = await api['annotations.list']({ target: { type: 'document', id }, limit: 1000, offset: 0 });
    return { detail, annotations: [...notes.annotations].sort((a, b) => a.position.start - b.position.start) };
  });
  if (read.status !== 'ready') return <Pending load={read} />;
  const { detail, annotations } = read.value;
  if (detail.type !== 'document') return <UnknownPrint />;
  const doc = detail.record;
  return (
    <>
      <h1>{doc.title}</h1>
      <Meta
        rows={[
          [t('reader.meta.authors'), readAuthors(doc.authors).map(authorDisplayName).join(', ')],
          [t('reader.meta.publisher'), doc.publisher],
          [t('reader.meta.date'), doc.publishedOn ? formatDate(doc.publishedOn, locale) : ''],
          [t('reader.meta.identifier'), doc.legal ? `${doc.legal.identifierScheme} ${doc.legal.identifier}` : ''],
          [t('reader.meta.source'), doc.sourceUrl ?? ''],
        ]}
      />
      {doc.summary && (
        <section>
          <h2>{t('print.summary')}</h2>
          <p>{doc.summary}</p>
        </section>
      )}
      <section>
        <h2>{t('print.text')}</h2>
        <div className="prose" dangerouslySetInnerHTML={{ __html: sanitizeHtml(doc.body) }} />
      </section>
      <section data-testid="print-annotations">
        <h2>{t('print.annotations', { count: annotations.length })}</h2>
        {annotations.length === 0 && <p className="muted">{t('print.noAnnotations')}</p>}
        <ol className="print-annotations">
          {annotations.map((annotation) => (
            <li key={annotation.id} className={`print-annotation color-${annotation.color}`}>
              <blockquote>{annotation.quote.exact}</blockquote>
              {annotation.note && <p>{annotation.note}</p>}
              {annotation.tags.length > 0 && <p className="muted">{t('print.tags', { tags: annotation.tags.join(', ') })}</p>}
              {annotation.anchoring.status === 'orphaned' && <p className="muted">{t('print.orphaned')}</p>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function PrintCountries({ countries }: { countries: string[] }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const locale = i18n.language;
  const read = useLoad(`print-countries/${countries.join('/')}`, () => Promise.all(countries.map((country) => api['countrySheets.get']({ country: country.toUpperCase() }))));
  if (read.status !== 'ready') return <Pending load={read} />;
  const sheets: CountrySheetView[] = read.value;
  if (sheets.length === 1) {
    const [sheet] = sheets;
    return (
      <>
        <h1>{sheet!.title}</h1>
        <p className="muted">{t('print.updated', { date: formatDate(sheet!.updatedAt.slice(0, 10), locale) })}</p>
        {sheet!.sections.map((section) => (
          <section key={section.key}>
            <h2>{t(`countrySheets.sections.${section.key}`)}</h2>
            <div className="prose" dangerouslySetInnerHTML={{ __html: sanitizeHtml(section.body) }} />
          </section>
        ))}
      </>
    );
  }
  return (
    <>
      <h1>{t('print.comparison', { first: countryName(sheets[0]!.country, locale), second: countryName(sheets[1]!.country, locale) })}</h1>
      {sheets[0]!.sections.map((section, index) => (
        <section key={section.key} className="print-pair">
          <h2>{t(`countrySheets.sections.${section.key}`)}</h2>
          {sheets.map((sheet) => (
            <div key={sheet.country} className="print-column">
              <h3>{countryName(sheet.country, locale)}</h3>
              <div className="prose" dangerouslySetInnerHTML={{ __html: sanitizeHtml(sheet.sections[index]?.body ?? '') }} />
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

function PrintPractices({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const read = useLoad(`print-practices/${ids.join(',')}`, () => api['practices.compare']({ ids }));
  if (read.status !== 'ready') return <Pending load={read} />;
  const comparison = read.value;
  return (
    <>
      <h1>{t('print.practices', { count: comparison.practices.length })}</h1>
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">{t('print.field')}</th>
            {comparison.practices.map((practice) => (
              <th key={practice.id} scope="col">
                {practice.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparison.fields
            .filter((row) => row.field !== 'title')
            .map((row) => (
              <tr key={row.field}>
                <th scope="row">{t(`practices.fields.${row.field}`)}</th>
                {row.values.map((value, i) => (
                  <td key={comparison.practices[i]!.id}>
                    <FieldValue field={row.field} format={row.format} value={value} />
                  </td>
                ))}
              </tr>
            ))}
        </tbody>
      </table>
    </>
  );
}
