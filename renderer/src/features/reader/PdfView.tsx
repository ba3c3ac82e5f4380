// A PDF attachment shown with pdf.js, from bytes the core read (attachments.read):
// nothing is fetched from the network. The worker is a file of our own bundle
// (script-src 'self'), and pdf.js never compiles code (isEvalSupported: false),
// so the CSP needs no 'unsafe-eval'.
import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { errorMessage, useApi } from '../../app/core';
import { objectKey, useLoad } from '../../app/use-load';
import { openInNewTab } from '../../ui/save-file';
import { FindBar } from './FindBar';
import { firstFrom, paintMatches, stepFrom, textItems, usePdfFind, type MatchAt } from './pdf-find';
import type { PageItem } from '../../ui/find-text';

type PdfJs = typeof import('pdfjs-dist');
let pdfjsModule: Promise<PdfJs> | undefined;

/** pdf.js and its worker load on first use only: most sessions never open a PDF. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([pdfjs, worker]) => {
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    return pdfjs;
  });
  return pdfjsModule;
}

/** The zoom levels the buttons step through; "fit" fits the page to the view's width. */
const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
type Zoom = 'fit' | number;

interface ViewState {
  /** The bytes this state is for: other bytes open on their first page, fitted. */
  of: string;
  page: number;
  zoom: Zoom;
  /** Counts "Fit to width" presses, so that one after a resize fits again. */
  fits: number;
}

/** What the text layer of the page drawn last shows: its elements (one per text item) and the items. */
interface DrawnText {
  page: number;
  elements: HTMLElement[];
  items: PageItem[];
}

export interface PdfViewProps {
  bytes: Uint8Array;
  fileName: string;
  sha256: string;
  /** The page to open at (1-based; a search hit's page). */
  startPage?: number;
  /** Words to find at first, highlighted on the pages (a search's matched words). */
  words?: string;
}

export function PdfView({ bytes, fileName, sha256, startPage = 1, words = '' }: PdfViewProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const bytesKey = objectKey(bytes);
  const [state, setState] = useState<ViewState>({ of: bytesKey, page: startPage, zoom: 'fit', fits: 0 });
  const view = state.of === bytesKey ? state : { of: bytesKey, page: 1, zoom: 'fit' as Zoom, fits: 0 };
  const change = (next: Partial<ViewState>) => setState((current) => ({ ...(current.of === bytesKey ? current : view), ...next }));
  const [rendered, setRendered] = useState({ page: 0, scale: 0 });
  const [pageDraft, setPageDraft] = useState<string | null>(null);
  const [opening, setOpening] = useState<{ error: boolean; text: string } | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const pageCountId = useId();

  // The document is freed once it is no longer shown (other bytes, the view closed), or when it opens too late.
  const opened = useLoad(bytesKey, async (signal) => {
    const pdfjs = await loadPdfJs();
    // pdf.js transfers the buffer to its worker: give it a copy, the caller keeps its bytes.
    const pdf = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useWasm: false, enableXfa: false, stopAtErrors: false }).promise;
    if (signal.aborted) void pdf.destroy();
    else signal.addEventListener('abort', () => void pdf.destroy(), { once: true });
    return pdf;
  });
  const pdf = opened.status === 'ready' ? opened.value : null;
  // A page past the end (a hit's page in a file that changed) shows the last.
  const page = pdf ? Math.min(Math.max(1, view.page), pdf.numPages) : view.page;
  const drawnText = useRef<DrawnText | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const find = usePdfFind(pdf, words);

  // Drawing a page is cancelled when another page, zoom (or document) is asked for; the last drawn page stays meanwhile.
  const drawn = useLoad(
    pdf ? `${objectKey(pdf)}|${page}|${view.zoom}|${view.fits}` : 'no document',
    async (signal): Promise<{ page: number; scale: number } | null> => {
      if (!pdf) return null;
      let cancel = () => {};
      signal.addEventListener('abort', () => cancel(), { once: true });
      const pdfjs = await loadPdfJs();
      const pdfPage = await pdf.getPage(page);
      const canvas = canvasRef.current;
      const text = textRef.current;
      const wrapper = pageRef.current;
      if (signal.aborted || !canvas || !text || !wrapper) return null;
      const scale = view.zoom === 'fit' ? fitScale(wrapper, pdfPage.getViewport({ scale: 1 }).width) : view.zoom;
      const viewport = pdfPage.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      wrapper.style.width = `${Math.floor(viewport.width)}px`;
      wrapper.style.height = `${Math.floor(viewport.height)}px`;
      wrapper.style.setProperty('--total-scale-factor', String(scale));
      const task = pdfPage.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      cancel = () => task.cancel();
      await task.promise;
      if (signal.aborted) return null;
      text.replaceChildren();
      // The items the layer draws are kept with its elements, so the find marks go on the words they match.
      const content = await pdfPage.getTextContent();
      if (signal.aborted) return null;
      const layer = new pdfjs.TextLayer({ textContentSource: content, container: text, viewport });
      cancel = () => layer.cancel();
      await layer.render();
      drawnText.current = { page, elements: layer.textDivs, items: textItems(content) };
      return { page, scale };
    },
    { enabled: pdf !== null, onAnswer: (answer) => answer !== null && setRendered(answer) },
  );

  const matches = find.matches;
  // The next painting brings the current match into view after a step or a jump (not after a zoom or a resize).
  const scrollToCurrent = useRef(false);
  const goToMatch = (index: number | null) => {
    find.setCurrent(index);
    const target = index === null ? undefined : matches?.[index];
    if (!target) return;
    scrollToCurrent.current = true;
    if (target.page !== page) change({ page: target.page });
  };
  // Typed words jump to their first match from the page shown; words a search hit brings mark the page it named,
  // and its first match there is the current one.
  const jump = useRef<'typed' | 'opened' | null>(words.trim() ? 'opened' : null);
  useEffect(() => {
    if (!matches || jump.current === null) return;
    const how = jump.current;
    jump.current = null;
    const first = firstFrom(matches, page);
    if (how === 'typed' || (first !== null && matches[first]!.page === page)) goToMatch(first);
  }, [matches]);

  const currentMatch: MatchAt | null = matches && find.current !== null ? (matches[find.current] ?? null) : null;
  const currentOnPage = currentMatch && currentMatch.page === rendered.page ? currentMatch.index : null;
  // Marks go on the text layer drawn last, again after each drawing (a zoom draws a new layer) and each change of words.
  useLayoutEffect(() => {
    const shown = drawnText.current;
    if (!shown || shown.page !== rendered.page) return;
    const mark = paintMatches(shown.elements, shown.items, find.pattern, currentOnPage);
    if (mark && scrollToCurrent.current) {
      scrollToCurrent.current = false;
      mark.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
  }, [rendered, find.pattern, currentOnPage]);

  const failure = opened.status === 'failed' ? opened.message : drawn.status === 'failed' ? drawn.message : null;
  if (failure !== null) {
    return (
      <p role="alert" className="error">
        {t('reader.pdfFailed', { name: fileName, message: failure })}
      </p>
    );
  }
  const pages = pdf ? pdf.numPages : 0;
  // The scale drawn last stands for "fit" when stepping from it.
  const scale = view.zoom === 'fit' ? rendered.scale || 1 : view.zoom;
  const larger = ZOOM_STEPS.find((step) => step > scale + 0.01);
  const smaller = [...ZOOM_STEPS].reverse().find((step) => step < scale - 0.01);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(scale);

  const goToPage = (event?: FormEvent) => {
    event?.preventDefault();
    const wanted = Number.parseInt(pageDraft ?? '', 10);
    if (Number.isInteger(wanted) && wanted >= 1 && wanted <= pages && wanted !== page) change({ page: wanted });
    setPageDraft(null);
  };

  // In the app main hands a verified copy to the system's viewer. The browser harness has none
  // (the core answers opened: false): there the browser opens the file in a new tab instead.
  const openOutside = async () => {
    setOpening(null);
    try {
      const answer = await api['attachments.openExternally']({ sha256 });
      if (answer.opened) setOpening({ error: false, text: t('reader.openedOutside', { name: fileName }) });
      else if (openInNewTab('application/pdf', bytes.slice())) setOpening({ error: false, text: t('reader.openedInTab', { name: fileName }) });
      else setOpening({ error: true, text: t('reader.tabRefused') });
    } catch (error) {
      setOpening({ error: true, text: t('reader.openOutsideFailed', { name: fileName, message: errorMessage(error) }) });
    }
  };

  return (
    <figure
      className="pdf-view"
      data-testid="pdf-view"
      data-rendered-page={rendered.page || undefined}
      data-scale={rendered.scale || undefined}
      data-matches={matches?.length}
      data-current-match={find.current === null ? undefined : find.current + 1}
    >
      <div className="pdf-toolbar" role="toolbar" aria-label={t('reader.pdfTools', { name: fileName })}>
        <div className="pdf-tool-group">
          <Button className="button" isDisabled={page <= 1} onPress={() => change({ page: page - 1 })}>
            {t('reader.previousPage')}
          </Button>
          <form className="pdf-page-entry" onSubmit={goToPage}>
            <label>
              {t('reader.pageLabel')}{' '}
              <input
                className="input input-page"
                inputMode="numeric"
                pattern="[0-9]*"
                size={4}
                value={pageDraft ?? String(page)}
                disabled={pages === 0}
                onChange={(event) => setPageDraft(event.target.value)}
                onBlur={() => goToPage()}
                aria-describedby={pageCountId}
              />
            </label>{' '}
            <span id={pageCountId}>{t('reader.ofPages', { pages })}</span>
          </form>
          <Button className="button" isDisabled={page >= pages} onPress={() => change({ page: page + 1 })}>
            {t('reader.nextPage')}
          </Button>
        </div>
        <div className="pdf-tool-group">
          <Button className="button" aria-label={t('reader.zoomOut')} isDisabled={smaller === undefined} onPress={() => smaller !== undefined && change({ zoom: smaller })}>
            −
          </Button>
          <span className="pdf-zoom" data-testid="pdf-zoom">
            {percent}
          </span>
          <Button className="button" aria-label={t('reader.zoomIn')} isDisabled={larger === undefined} onPress={() => larger !== undefined && change({ zoom: larger })}>
            +
          </Button>
          <Button className="button" aria-pressed={view.zoom === 'fit'} onPress={() => change({ zoom: 'fit', fits: view.fits + 1 })}>
            {t('reader.fitWidth')}
          </Button>
        </div>
        <Button className="button" onPress={() => void openOutside()}>
          {t('reader.openOutside')}
        </Button>
        <FindBar
          query={find.query}
          onQuery={(query) => {
            jump.current = 'typed';
            find.setQuery(query);
          }}
          onStep={(step) => matches && goToMatch(stepFrom(matches, find.current, page, step))}
          total={find.query.trim() ? (matches?.length ?? null) : 0}
          current={find.current}
          fallbackFocus={scrollRef}
          label={t('readerFind.pdfLabel', { name: fileName })}
          testId="pdf-find"
        />
      </div>
      <p role="status" className="visually-hidden">
        {opened.status === 'loading' ? t('reader.pdfLoading') : `${t('reader.pageOf', { page, pages })}, ${percent}`}
      </p>
      {opening && (
        <p role={opening.error ? 'alert' : 'status'} className={opening.error ? 'error' : 'muted'} data-testid="pdf-open-message">
          {opening.text}
        </p>
      )}
      {/* Focusable, so a page wider or taller than the view can be scrolled with the keyboard. */}
      <div className="pdf-scroll" ref={scrollRef} tabIndex={0} role="region" aria-label={t('reader.pdfLabel', { name: fileName })}>
        <div className="pdf-page" ref={pageRef}>
          <canvas ref={canvasRef} role="img" aria-label={t('reader.pageImage', { page, pages })} />
          <div className="textLayer" ref={textRef} />
        </div>
      </div>
    </figure>
  );
}

/** The scale at which a page `width` points wide fills the scrolling view's width (inside its padding). */
function fitScale(wrapper: HTMLElement, width: number): number {
  const scroller = wrapper.parentElement;
  if (!scroller) return 1;
  const style = window.getComputedStyle(scroller);
  const inner = scroller.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
  return Math.min(4, Math.max(0.25, inner / width));
}
