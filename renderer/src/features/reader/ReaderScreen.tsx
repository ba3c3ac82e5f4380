// One record in full (records.get): its metadata, its text (portal HTML only
// through sanitizeHtml), and its attachments, opened offline: PDFs with pdf.js,
// any file saved to disk.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { authorDisplayName, contentType, readAuthors, type ContentType } from '../../../../shared/content';
import type { AttachmentInfo, RecordDetail } from '../../../../shared/library';
import { errorMessage, useApi } from '../../app/core';
import { href, navigate, type Route } from '../../app/router';
import { useLoad } from '../../app/use-load';
import { ChangeMark } from '../../ui/ChangeMark';
import { countryName, formatDate, languageName, themeLabel, typeLabel } from '../../ui/format';
import { legalIdentifierUrl } from '../../ui/legal-links';
import { formatBytes, kindLabel } from '../../ui/record-labels';
import { sanitizeHtml } from '../../ui/sanitize';
import { saveFile } from '../../ui/save-file';
import { AnnotationPanel, AnnotationsToggle } from '../annotations/AnnotationPanel';
import { AnnotatableText, annotatableParts, ReaderAnnotationsProvider, type AnnotatablePart } from '../annotations/reader-annotations';
import { SelectionToolbar } from '../annotations/SelectionToolbar';
import { CalendarButton } from '../citations/CalendarButton';
import { CiteButton } from '../citations/CiteButton';
import { AddToCollection } from '../collections/AddToCollection';
import { readAttachment } from './attachment-bytes';
import { BodyFind } from './BodyFind';
import { HitAttachment, HitAttachmentMissing, hitPdf, readerHit } from './HitAttachment';
import { hasHistory } from '../history/has-history';
import { VersionPicker } from '../history/VersionPicker';
import { PdfView } from './PdfView';

function Html({ html, testId }: { html: string; testId?: string }) {
  return <div className="prose" data-testid={testId} dangerouslySetInnerHTML={{ __html: sanitizeHtml(html) }} />;
}

/** Links leave the app through the system browser (the navigation policy takes target=_blank). */
function ExternalLink({ url, children }: { url: string; children?: ReactNode }) {
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {children ?? url}
    </a>
  );
}

export function ReaderScreen({ route }: { route: Route }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const locale = i18n.language;
  const [typeParam = '', id = ''] = route.rest;
  const parsedType = contentType.safeParse(typeParam);
  // Read again when the language changes, as the screen's words do.
  const state = useLoad(`${typeParam}/${id}|${i18n.language}`, async () => {
    if (!parsedType.success || !id) throw new Error(t('reader.badAddress'));
    return api['records.get']({ type: parsedType.data, id });
  });

  const back = () => {
    if (window.history.length > 1) window.history.back();
    else navigate(href('library'));
  };

  const detail = state.status === 'ready' ? state.value : null;
  const title = detail ? recordTitle(detail, t) : t('screens.read');
  const unseen = detail?.unseenChange ?? null;

  // Opened: it is no longer new or changed. The mark stays on screen until the Reader closes.
  useEffect(() => {
    if (!detail || unseen === null) return;
    api['changes.markSeen']({ type: detail.type, id: detail.record.id }).catch(() => undefined);
  }, [api, detail, unseen]);

  const parts = useMemo(() => (detail ? annotatableParts(detail) : []), [detail]);
  const annotatable = detail !== null && (detail.type === 'document' || detail.type === 'country-sheet' || detail.type === 'good-practice') && parts.length > 0;
  const target = useMemo(() => (detail ? { type: detail.type as 'document' | 'country-sheet' | 'good-practice', id: detail.record.id } : null), [detail]);
  const partLabel = (key: string | null) => partTitle(detail, key, t);
  // A search hit in an attachment opens its PDF at the page in place of the record's text.
  const hit = readerHit(route.params);
  const pdfHit = detail ? hitPdf(hit, detail.attachments) : null;

  const body = detail && (
    <>
      {unseen && (
        <p className="card notice" data-testid="reader-changed">
          <ChangeMark change={unseen} /> {t(unseen === 'new' ? 'changes.newNotice' : 'changes.changedNotice')}
        </p>
      )}
      <Metadata detail={detail} locale={locale} />
      {hasHistory(detail) && <VersionPicker target={{ type: detail.type, id: detail.record.id }} revision={detail.record.version} params={route.params} />}
      {pdfHit ? (
        <HitAttachment attachment={pdfHit} hit={hit} type={detail.type} id={detail.record.id} />
      ) : (
        <>
          {hit.attachment && <HitAttachmentMissing hit={hit} attachments={detail.attachments} />}
          {hit.words.trim() ? (
            <BodyFind words={hit.words} content={detail}>
              <Content detail={detail} parts={annotatable ? parts : null} />
            </BodyFind>
          ) : (
            <Content detail={detail} parts={annotatable ? parts : null} />
          )}
        </>
      )}
      {detail.attachments.length > 0 && <Attachments attachments={detail.attachments} shownAbove={pdfHit?.sha256 ?? null} />}
    </>
  );

  return (
    <article aria-labelledby="screen-title" className="screen reader-screen">
      <h1 id="screen-title" tabIndex={-1}>
        {title}
      </h1>
      {/* After the title, which has focus on arrival: the first Tab reaches Back, the next Add to collection. */}
      <div className="reader-bar">
        <Button className="button" onPress={back} data-testid="reader-back">
          {t('reader.back')}
        </Button>
        {detail && <AddToCollection item={{ type: detail.type, id: detail.record.id }} title={title} />}
        {detail && <CiteButton source={{ kind: 'items', items: [{ type: detail.type, id: detail.record.id }] }} subject={t('citations.item', { title })} testId="cite-item" />}
        {detail?.type === 'document' && (
          <a className="button" href={href('print', {}, ['document', detail.record.id])} data-testid="print-document">
            {t('print.open')}
          </a>
        )}
        {detail && (detail.type === 'event' || (detail.type === 'funding' && detail.record.deadline)) && <CalendarButton source={{ kind: 'items', items: [{ type: detail.type, id: detail.record.id }] }} />}
      </div>
      {state.status === 'loading' && <p role="status">{t('reader.loading')}</p>}
      {state.status === 'failed' && (
        <p role="alert" className="error">
          {t('reader.failed', { message: state.message })}
        </p>
      )}
      {detail && annotatable && target ? (
        <ReaderAnnotationsProvider target={target} parts={parts} focusId={route.params.get('annotation')}>
          <div className="reader-layout">
            <AnnotationsToggle />
            <div className="reader-main">
              {body}
              <SelectionToolbar />
            </div>
            <AnnotationPanel parts={parts} partLabel={partLabel} />
          </div>
        </ReaderAnnotationsProvider>
      ) : (
        body
      )}
    </article>
  );
}

/** How the annotation panel names one of a record's texts. */
function partTitle(detail: RecordDetail | null, key: string | null, t: T): string {
  if (!detail || key === null) return t('reader.parts.body');
  if (key === 'summary') return t('reader.parts.summary');
  if (detail.type === 'country-sheet') return detail.record.sections.find((section) => section.key === key)?.title ?? key;
  const practiceParts: Record<string, string> = {
    challengeAndGoals: t('reader.practice.challenge'),
    howItWorks: t('reader.practice.howItWorks'),
    results: t('reader.practice.results'),
    targetGroupOpinion: t('reader.parts.targetGroupOpinion'),
  };
  return practiceParts[key] ?? key;
}

type T = ReturnType<typeof useTranslation>['t'];

function recordTitle(detail: RecordDetail, t: T): string {
  const record = detail.record as { title?: string };
  if (record.title) return record.title;
  if (detail.type === 'forum-post') return t('reader.postBy', { name: detail.record.authorName });
  return typeLabel(t, detail.type);
}

function Metadata({ detail, locale }: { detail: RecordDetail; locale: string }) {
  const { t } = useTranslation();
  const rows: Array<[string, ReactNode]> = [];
  const add = (label: string, value: ReactNode) => {
    if (value !== null && value !== undefined && value !== '') rows.push([label, value]);
  };
  const record = detail.record;
  add(t('reader.meta.type'), typeLabel(t, detail.type));
  const type: ContentType = detail.type;
  switch (detail.type) {
    case 'document': {
      const doc = detail.record;
      add(t('reader.meta.kind'), kindLabel(t, type, doc.documentType, locale));
      add(t('reader.meta.date'), doc.publishedOn ? formatDate(doc.publishedOn, locale) : '');
      add(t('reader.meta.authors'), readAuthors(doc.authors).map(authorDisplayName).join(', '));
      add(t('reader.meta.publisher'), doc.publisher);
      if (doc.legal) {
        add(t('reader.meta.identifier'), <LegalIdentifier scheme={doc.legal.identifierScheme} identifier={doc.legal.identifier} locale={locale} />);
        add(t('reader.meta.legalStatus'), legalStatus(t, doc.legal.status));
      }
      if (doc.sourceUrl) add(t('reader.meta.source'), <ExternalLink url={doc.sourceUrl} />);
      break;
    }
    case 'link':
      add(t('reader.meta.kind'), kindLabel(t, type, detail.record.category, locale));
      add(t('reader.meta.source'), <ExternalLink url={detail.record.url} />);
      break;
    case 'funding': {
      const funding = detail.record;
      add(t('reader.meta.kind'), kindLabel(t, type, funding.funderType, locale));
      add(t('reader.meta.programme'), funding.programme);
      add(t('reader.meta.deadline'), funding.deadline ? formatDate(funding.deadline, locale) : t('reader.rolling'));
      if (funding.amount) {
        const money = (value: number | null) => (value === null ? '' : new Intl.NumberFormat(locale, { style: 'currency', currency: funding.amount!.currency, maximumFractionDigits: 0 }).format(value));
        add(t('reader.meta.amount'), [money(funding.amount.min), money(funding.amount.max)].filter(Boolean).join(' – '));
      }
      add(t('reader.meta.source'), <ExternalLink url={funding.url} />);
      break;
    }
    case 'news':
      add(t('reader.meta.date'), formatDate(detail.record.date, locale));
      break;
    case 'event': {
      const event = detail.record;
      add(t('reader.meta.dates'), `${formatDate(event.startDate, locale)} – ${formatDate(event.endDate, locale)}`);
      add(t('reader.meta.place'), event.place);
      if (event.url) add(t('reader.meta.source'), <ExternalLink url={event.url} />);
      break;
    }
    case 'good-practice': {
      const practice = detail.record;
      add(t('reader.meta.organisation'), `${practice.organisation.name} (${kindLabel(t, type, practice.organisation.type, locale)})`);
      add(t('reader.meta.place'), [practice.cityArea, countryName(practice.country, locale)].filter(Boolean).join(', '));
      add(t('reader.meta.dates'), practice.regularService ? `${formatDate(practice.startDate, locale)} – ${t('reader.regularService')}` : `${formatDate(practice.startDate, locale)} – ${practice.endDate ? formatDate(practice.endDate, locale) : ''}`);
      if (practice.organisation.website) add(t('reader.meta.source'), <ExternalLink url={practice.organisation.website} />);
      break;
    }
    case 'partner-request': {
      const request = detail.record;
      add(t('reader.meta.organisation'), `${request.organisation} (${kindLabel(t, type, request.organisationType, locale)})`);
      add(t('reader.meta.expires'), formatDate(request.expiresOn, locale));
      break;
    }
    case 'forum-thread':
    case 'forum-post':
      add(t('reader.meta.author'), detail.record.authorName);
      add(t('reader.meta.date'), formatDate(detail.record.createdAt, locale));
      break;
    default:
      break;
  }
  add(t('reader.meta.countries'), record.countries.map((code) => countryName(code, locale)).join(', '));
  add(t('reader.meta.themes'), record.themes.map((slug) => themeLabel(t, slug)).join(', '));
  add(t('reader.meta.language'), languageName(record.language, locale));
  add(t('reader.meta.updated'), formatDate(record.updatedAt, locale));

  return (
    <section aria-labelledby="reader-meta" className="card reader-meta">
      <h2 id="reader-meta" className="visually-hidden">
        {t('reader.metadata')}
      </h2>
      <dl className="facts" data-testid="reader-meta">
        {rows.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** "CELEX 32013L0033" with the number linked to EUR-Lex, or an ELI linked as the URI it is. */
function LegalIdentifier({ scheme, identifier, locale }: { scheme: 'ELI' | 'CELEX'; identifier: string; locale: string }) {
  const url = legalIdentifierUrl(scheme, identifier, locale);
  return (
    <span data-testid="legal-identifier">
      {scheme} {url ? <ExternalLink url={url}>{identifier}</ExternalLink> : identifier}
    </span>
  );
}

function legalStatus(t: T, status: string): string {
  const labels: Record<string, string> = {
    'in-force': t('reader.legal.inForce'),
    amended: t('reader.legal.amended'),
    repealed: t('reader.legal.repealed'),
    proposal: t('reader.legal.proposal'),
    'transposition-pending': t('reader.legal.transpositionPending'),
  };
  return labels[status] ?? status;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="reader-section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** A record's text. `parts` (for annotatable records) draws each annotatable text through AnnotatableText. */
function Content({ detail, parts }: { detail: RecordDetail; parts: AnnotatablePart[] | null }) {
  const { t } = useTranslation();
  const part = (key: string | null) => parts?.find((p) => p.key === key) ?? null;
  const text = (key: string | null, html: string, testId?: string) => {
    const found = part(key);
    return found ? <AnnotatableText part={found} className="prose" testId={testId} /> : <Html html={html} testId={testId} />;
  };
  const lede = (key: string, plain: string) => {
    const found = part(key);
    return found ? <AnnotatableText part={found} className="lede" as="p" /> : <p className="lede">{plain}</p>;
  };
  switch (detail.type) {
    case 'document':
      return (
        <>
          {detail.record.summary && lede('summary', detail.record.summary)}
          {detail.record.body && text(null, detail.record.body, 'reader-body')}
        </>
      );
    case 'news':
    case 'event':
    case 'forum-post':
      return detail.record.body ? <Html html={detail.record.body} testId="reader-body" /> : null;
    case 'funding':
      return detail.record.description ? <Html html={detail.record.description} testId="reader-body" /> : null;
    case 'link':
    case 'forum':
      return detail.record.description ? <p data-testid="reader-body">{detail.record.description}</p> : null;
    case 'partner-request':
      return <p data-testid="reader-body">{detail.record.projectIdea}</p>;
    case 'country-sheet':
      return (
        <div data-testid="reader-body">
          {detail.record.sections.map((section) => (
            <Section key={section.key} title={section.title}>
              {text(section.key, section.body)}
            </Section>
          ))}
        </div>
      );
    case 'good-practice': {
      const practice = detail.record;
      return (
        <div data-testid="reader-body">
          {lede('summary', practice.summary)}
          <Section title={t('reader.practice.challenge')}>{text('challengeAndGoals', practice.challengeAndGoals)}</Section>
          <Section title={t('reader.practice.howItWorks')}>{text('howItWorks', practice.howItWorks)}</Section>
          <Section title={t('reader.practice.results')}>
            {text('results', practice.results)}
            {practice.targetGroupOpinion && text('targetGroupOpinion', practice.targetGroupOpinion)}
          </Section>
        </div>
      );
    }
    default:
      return null;
  }
}

/** `shownAbove`: the file a search hit opened in place of the text; its Show goes to that view rather than draw it twice. */
function Attachments({ attachments, shownAbove }: { attachments: AttachmentInfo[]; shownAbove: string | null }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const locale = i18n.language;
  const [shown, setShown] = useState<{ sha256: string; fileName: string; bytes: Uint8Array } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const withBytes = async (attachment: AttachmentInfo, use: (bytes: Uint8Array) => void) => {
    setBusy(attachment.sha256);
    setFailure(null);
    try {
      use(await readAttachment(api, attachment));
    } catch (error) {
      setFailure(t('reader.attachmentFailed', { name: attachment.fileName, message: errorMessage(error) }));
    } finally {
      setBusy(null);
    }
  };

  const save = (attachment: AttachmentInfo) =>
    withBytes(attachment, (bytes) => saveFile(attachment.fileName, attachment.mediaType, bytes as Uint8Array<ArrayBuffer>));

  return (
    <section aria-labelledby="reader-attachments" className="reader-section">
      <h2 id="reader-attachments">{t('reader.attachments')}</h2>
      <ul className="plain-list attachments" data-testid="reader-attachments">
        {attachments.map((attachment) => (
          <li key={attachment.sha256} className="attachment">
            <span className="attachment-name">{attachment.fileName}</span>
            <span className="muted">
              {formatBytes(attachment.size, locale)} · {attachment.availableOffline ? t('reader.offline') : t('reader.notDownloaded')}
            </span>
            {attachment.availableOffline && attachment.mediaType === 'application/pdf' && (
              <Button
                className="button"
                aria-label={t('reader.showNamed', { name: attachment.fileName })}
                isDisabled={busy !== null}
                onPress={() =>
                  attachment.sha256 === shownAbove
                    ? document.querySelector<HTMLElement>('[data-testid="hit-attachment"] .pdf-scroll')?.focus()
                    : void withBytes(attachment, (bytes) => setShown({ sha256: attachment.sha256, fileName: attachment.fileName, bytes }))
                }
              >
                {t('reader.show')}
              </Button>
            )}
            {attachment.availableOffline && (
              <Button className="button" aria-label={t('reader.saveNamed', { name: attachment.fileName })} isDisabled={busy !== null} onPress={() => void save(attachment)}>
                {t('reader.save')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {busy && <p role="status">{t('reader.reading', { size: formatBytes(attachments.find((a) => a.sha256 === busy)?.size ?? 0, locale) })}</p>}
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      {shown && <PdfView key={shown.sha256} bytes={shown.bytes} fileName={shown.fileName} sha256={shown.sha256} />}
    </section>
  );
}
