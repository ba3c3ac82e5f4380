// A PDF attachment shown with pdf.js, from bytes the core read (attachments.read):
// nothing is fetched from the network. The worker is a file of our own bundle
// (script-src 'self'), and pdf.js never compiles code (isEvalSupported: false),
// so the CSP needs no 'unsafe-eval'.
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { errorMessage } from '../../app/core';

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

type State = { status: 'loading' } | { status: 'ready'; pdf: PDFDocumentProxy } | { status: 'failed'; message: string };

export function PdfView({ bytes, fileName }: { bytes: Uint8Array; fileName: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [page, setPage] = useState(1);
  const [rendered, setRendered] = useState(0);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    let loaded: PDFDocumentProxy | undefined;
    setState({ status: 'loading' });
    setPage(1);
    loadPdfJs()
      .then((pdfjs) =>
        // pdf.js transfers the buffer to its worker: give it a copy, the caller keeps its bytes.
        pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useWasm: false, enableXfa: false, stopAtErrors: false }).promise,
      )
      .then(
        (pdf) => {
          loaded = pdf;
          if (live) setState({ status: 'ready', pdf });
          else void pdf.destroy();
        },
        (error: unknown) => live && setState({ status: 'failed', message: errorMessage(error) }),
      );
    return () => {
      live = false;
      void loaded?.destroy();
    };
  }, [bytes]);

  useEffect(() => {
    if (state.status !== 'ready') return;
    let live = true;
    let cancel: (() => void) | undefined;
    void (async () => {
      try {
        const pdfjs = await loadPdfJs();
        const pdfPage = await state.pdf.getPage(page);
        const canvas = canvasRef.current;
        const text = textRef.current;
        const wrapper = pageRef.current;
        if (!live || !canvas || !text || !wrapper) return;
        const scale = Math.min(1.5, Math.max(0.5, (wrapper.parentElement?.clientWidth ?? 800) / pdfPage.getViewport({ scale: 1 }).width));
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
        if (!live) return;
        text.replaceChildren();
        const layer = new pdfjs.TextLayer({ textContentSource: pdfPage.streamTextContent(), container: text, viewport });
        cancel = () => layer.cancel();
        await layer.render();
        if (live) setRendered(page);
      } catch (error) {
        if (live && !(error instanceof Error && error.name === 'RenderingCancelledException')) setState({ status: 'failed', message: errorMessage(error) });
      }
    })();
    return () => {
      live = false;
      cancel?.();
    };
  }, [state, page]);

  if (state.status === 'failed') {
    return (
      <p role="alert" className="error">
        {t('reader.pdfFailed', { name: fileName, message: state.message })}
      </p>
    );
  }
  const pages = state.status === 'ready' ? state.pdf.numPages : 0;
  return (
    <figure className="pdf-view" data-testid="pdf-view" data-rendered-page={rendered || undefined}>
      <div className="pdf-toolbar">
        <Button className="button" isDisabled={page <= 1} onPress={() => setPage((p) => p - 1)}>
          {t('reader.previousPage')}
        </Button>
        <span role="status">{state.status === 'loading' ? t('reader.pdfLoading') : t('reader.pageOf', { page, pages })}</span>
        <Button className="button" isDisabled={page >= pages} onPress={() => setPage((p) => p + 1)}>
          {t('reader.nextPage')}
        </Button>
      </div>
      {/* Focusable, so a page wider or taller than the view can be scrolled with the keyboard. */}
      <div className="pdf-scroll" tabIndex={0} role="region" aria-label={t('reader.pdfLabel', { name: fileName })}>
        <div className="pdf-page" ref={pageRef}>
          <canvas ref={canvasRef} role="img" aria-label={t('reader.pageImage', { page, pages })} />
          <div className="textLayer" ref={textRef} />
        </div>
      </div>
    </figure>
  );
}
