// A search hit found in an attachment (#/read/<type>/<id>?attachment=<sha256>&page=<N>&hl=<words>):
// the PDF opens in place of the record's text, at the hit's page, its words marked.
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentInfo } from '../../../../shared/library';
import { useApi } from '../../app/core';
import { href, navigate } from '../../app/router';
import { useLoad } from '../../app/use-load';
import { readAttachment } from './attachment-bytes';
import { PdfView } from './PdfView';

/** What the route asks the Reader to open, read from its parameters. */
export interface ReaderHit {
  /** The attachment's SHA-256, or null to show the record's text. */
  attachment: string | null;
  page: number;
  /** The words to highlight, as the search matched them ('' for none). */
  words: string;
}

export function readerHit(params: URLSearchParams): ReaderHit {
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return { attachment: params.get('attachment') || null, page: Number.isInteger(page) && page >= 1 ? page : 1, words: params.get('hl') ?? '' };
}

/** The attachment the hit names, when it is a PDF on this computer (the PDF view can show it). */
export function hitPdf(hit: ReaderHit, attachments: readonly AttachmentInfo[]): AttachmentInfo | null {
  const found = hit.attachment ? attachments.find((attachment) => attachment.sha256 === hit.attachment) : undefined;
  return found && found.availableOffline && found.mediaType === 'application/pdf' ? found : null;
}

/** The hit's PDF at its page, with a way to the record's text (the same words marked there). */
export function HitAttachment({ attachment, hit, type, id }: { attachment: AttachmentInfo; hit: ReaderHit; type: string; id: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const bytes = useLoad(attachment.sha256, () => readAttachment(api, attachment));
  const textAddress = href('read', { hl: hit.words }, [type, id]);
  // The link goes away with this view: focus moves to the record's title, which stays, not to the page's body.
  const showText = (event: MouseEvent) => {
    event.preventDefault();
    navigate(textAddress);
    document.getElementById('screen-title')?.focus();
  };
  return (
    <section className="reader-section hit-attachment" aria-labelledby="hit-attachment-title" data-testid="hit-attachment">
      <h2 id="hit-attachment-title">{attachment.fileName}</h2>
      <p className="muted">
        {t('readerFind.pageOpened', { page: hit.page, name: attachment.fileName })} <a href={textAddress} onClick={showText}>
          {t('readerFind.showText')}
        </a>
      </p>
      {bytes.status === 'loading' && <p role="status">{t('reader.pdfLoading')}</p>}
      {bytes.status === 'failed' && (
        <p role="alert" className="error">
          {t('reader.attachmentFailed', { name: attachment.fileName, message: bytes.message })}
        </p>
      )}
      {bytes.status === 'ready' && <PdfView bytes={bytes.value} fileName={attachment.fileName} sha256={attachment.sha256} startPage={hit.page} words={hit.words} />}
    </section>
  );
}

/** Said instead when the hit's file cannot be shown here (not downloaded, or gone from the record). */
export function HitAttachmentMissing({ hit, attachments }: { hit: ReaderHit; attachments: readonly AttachmentInfo[] }) {
  const { t } = useTranslation();
  const named = attachments.find((attachment) => attachment.sha256 === hit.attachment);
  return (
    <p className="card notice" role="status" data-testid="hit-attachment-missing">
      {t('readerFind.notOffline', { name: named?.fileName ?? hit.attachment })}
    </p>
  );
}
