// A PDF attachment shown with pdf.js, from bytes the core read (attachments.read):
// nothing is fetched from the network. The worker is a file of our own bundle
// (script-src 'self'), and pdf.js never compiles code (isEvalSupported: false),
// so the CSP needs no 'unsafe-eval'.
import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { objectKey, useLoad } from '../../app/use-load';

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

export function PdfView({ bytes, fileName }: { bytes: Uint8Array; fileName: string }) {
  const { t } = useTranslation();
  const bytesKey = objectKey(bytes);
  // Other bytes open on their first page.
  const [paging, setPaging] = useState({ of: bytesKey, page: 1 });
  const page = paging.of === bytesKey ? paging.page : 1;
  const turn = (by: number) => setPaging((current) => ({ of: bytesKey, page: (current.of === bytesKey ? current.page : 1) + by }));
  const [rendered, setRendered] = useState(0);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);

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

  // Drawing a page is cancelled when another page (or document) is asked for; the last drawn page stays meanwhile.
  const drawn = useLoad(
    pdf ? `${objectKey(pdf)}|${page}` : 'no document',
    async (signal): Promise<number | null> => {
      if (!pdf) return null;
      let cancel = () => {};
      signal.addEventListener('abort', () => cancel(), { once: true });
      const pdfjs = await loadPdfJs();
      const pdfPage = await pdf.getPage(page);
      const canvas = canvasRef.current;
      const text = textRef.current;
      const wrapper = pageRef.current;
      if (signal.aborted || !canvas || !text || !wrapper) return null;
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
      if (signal.aborted) return null;
      text.replaceChildren();
      const layer = new pdfjs.TextLayer({ textContentSource: pdfPage.streamTextContent(), container: text, viewport });
      cancel = () => layer.cancel();
      await layer.render();
      return page;
    },
    { enabled: pdf !== null, onAnswer: (drawnPage) => drawnPage !== null && setRendered(drawnPage) },
  );

  const failure = opened.status === 'failed' ? opened.message : drawn.status === 'failed' ? drawn.message : null;
  if (failure !== null) {
    return (
      <p role="alert" className="error">
        {t('reader.pdfFailed', { name: fileName, message: failure })}
      </p>
    );
  }
  const pages = pdf ? pdf.numPages : 0;
  return (
    <figure className="pdf-view" data-testid="pdf-view" data-rendered-page={rendered || undefined}>
      <div className="pdf-toolbar">
        <Button className="button" isDisabled={page <= 1} onPress={() => turn(-1)}>
          {t('reader.previousPage')}
        </Button>
        <span role="status">{opened.status === 'loading' ? t('reader.pdfLoading') : t('reader.pageOf', { page, pages })}</span>
        <Button className="button" isDisabled={page >= pages} onPress={() => turn(1)}>
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
