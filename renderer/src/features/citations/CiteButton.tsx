// "Cite…" on an item, a selection, a list or a collection: a dialog to choose
// the style and language, a preview, and "Copy citation" / "Copy bibliography",
// which put both plain text and HTML (italics kept) on the clipboard.
import { useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CITATION_LOCALES, CITATION_STYLE_NAMES, CITATION_STYLES, type CitationLocale, type CitationStyle, type CiteSource } from '../../../../shared/citations';
import { errorMessage, useApi } from '../../app/core';
import { ChoiceField } from './ChoiceField';

/** The style and language chosen last, offered first next time. */
let lastStyle: CitationStyle = 'apa';
let lastLocale: CitationLocale | null = null;

const localeOf = (language: string): CitationLocale => CITATION_LOCALES.find((l) => language.startsWith(l)) ?? 'en';

/** Both flavours on the clipboard; a browser that refuses HTML gets the text. */
async function copy(text: string, html: string): Promise<void> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard.write) {
    try {
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) })]);
      return;
    } catch {
      // Some browsers allow text only: fall through.
    }
  }
  await navigator.clipboard.writeText(text);
}

interface Props {
  /** What to cite, or how to read it when asked (a selection's keys are read from the list on demand). */
  source: CiteSource | (() => Promise<CiteSource>);
  /** What is cited, under the dialog's heading ("3 selected items"). */
  subject: string;
  quiet?: boolean;
  testId?: string;
}

export function CiteButton({ source, subject, quiet = false, testId = 'cite' }: Props) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [isOpen, setOpen] = useState(false);
  const [style, setStyle] = useState<CitationStyle>(lastStyle);
  const [locale, setLocale] = useState<CitationLocale>(lastLocale ?? localeOf(i18n.language));
  /** Laws cited as in force on this day (YYYY-MM-DD), or as they are now when empty. */
  const [asOf, setAsOf] = useState('');
  const [message, setMessage] = useState<{ kind: 'status' | 'error'; text: string } | null>(null);
  // Not a disabled button while copying: disabling the focused button would drop focus out of the dialog.
  const [busy, setBusy] = useState(false);

  const copyAs = async (mode: 'citation' | 'bibliography') => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    lastStyle = style;
    lastLocale = locale;
    try {
      const result = await api['cite.format']({ source: typeof source === 'function' ? await source() : source, style, locale, mode, ...(asOf ? { asOf } : {}) });
      if (result.count === 0) {
        setMessage({ kind: 'error', text: t('citations.nothing') });
        return;
      }
      await copy(result.text, result.html);
      const done = t(mode === 'citation' ? 'citations.copiedCitation' : 'citations.copiedBibliography', { count: result.count, style: CITATION_STYLE_NAMES[style] });
      setMessage({ kind: 'status', text: result.missing.length ? `${done} ${t('citations.missing', { count: result.missing.length })}` : done });
    } catch (error) {
      setMessage({ kind: 'error', text: t('citations.failed', { message: errorMessage(error) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={(open) => (setOpen(open), setMessage(null))}>
      <Button className={quiet ? 'button button-quiet' : 'button'} data-testid={testId}>
        {t('citations.cite')}
      </Button>
      <ModalOverlay isDismissable className="modal-overlay">
        <Modal className="modal">
          <Dialog className="dialog stack" aria-labelledby="cite-title">
            <Heading slot="title" id="cite-title">
              {t('citations.title')}
            </Heading>
            <p className="muted" data-testid="cite-subject">
              {subject}
            </p>
            <ChoiceField id="cite-style" label={t('citations.style')} options={CITATION_STYLES} value={style} optionLabel={(option) => CITATION_STYLE_NAMES[option]} onChange={setStyle} testId="cite-style" />
            <ChoiceField id="cite-locale" label={t('citations.language')} options={CITATION_LOCALES} value={locale} optionLabel={(option) => t(`citations.languages.${option}`)} onChange={setLocale} testId="cite-locale" />
            <div className="field">
              <label htmlFor="cite-as-of">{t('citations.asOf')}</label>
              <input id="cite-as-of" type="date" className="input" value={asOf} onChange={(event) => setAsOf(event.target.value)} aria-describedby="cite-as-of-help" data-testid="cite-as-of" />
              <p id="cite-as-of-help" className="muted">
                {t('citations.asOfHelp')}
              </p>
            </div>
            {message && (
              <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error' : 'muted'} data-testid="cite-message">
                {message.text}
              </p>
            )}
            <div className="actions">
              <Button className="button button-primary" onPress={() => void copyAs('citation')} aria-busy={busy} data-testid="copy-citation">
                {t('citations.copyCitation')}
              </Button>
              <Button className="button" onPress={() => void copyAs('bibliography')} aria-busy={busy} data-testid="copy-bibliography">
                {t('citations.copyBibliography')}
              </Button>
              <Button className="button button-quiet" slot="close">
                {t('citations.close')}
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
