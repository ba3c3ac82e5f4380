// Runs in a worker thread (text-extractor.ts starts it with a heap limit and
// ends it when a file overruns its time): reads one PDF at a time with pdf.js
// and posts its pages' text back one by one, so that a hostile file can stall
// or exhaust only this thread, never the core's event loop.
import fs from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { z } from 'zod';
import { extractionRequestSchema, type ExtractionMessage } from './pdf-text-protocol';

const port = parentPort;
if (!port) throw new Error('pdf-text-worker runs only as a worker thread');

/** A page's text as one line: pdf.js gives runs of glyphs with their line ends. */
function pageText(items: ReadonlyArray<object>, maxChars: number): string {
  let text = '';
  for (const item of items) {
    if (!('str' in item) || typeof item.str !== 'string') continue; // Marked-content markers carry no text.
    text += item.str + ('hasEOL' in item && item.hasEOL ? ' ' : '');
    if (text.length > maxChars) break;
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, maxChars);
}

const post = (message: ExtractionMessage) => port.postMessage(message);

// Loaded before the worker says it is ready: loading takes seconds, which must not count against a file's budget.
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');

async function extract(request: z.infer<typeof extractionRequestSchema>): Promise<void> {
  const data = new Uint8Array(await fs.readFile(request.path));
  // No eval, no fonts turned into faces, no network: only the text is wanted.
  const loading = pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
  try {
    const document = await loading.promise;
    post({ kind: 'opened', pages: document.numPages });
    for (let number = request.fromPage; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      post({ kind: 'page', page: number, text: pageText(content.items, request.maxCharsPerPage) });
      page.cleanup();
    }
    post({ kind: 'done' });
  } finally {
    await loading.destroy();
  }
}

port.on('message', (raw: unknown) => {
  const request = extractionRequestSchema.safeParse(raw);
  if (!request.success) {
    post({ kind: 'failed', reason: 'the extraction request was not understood' });
    return;
  }
  extract(request.data).catch((error: unknown) => post({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) }));
});
post({ kind: 'ready' });
