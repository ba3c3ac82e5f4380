// Documents with PDF attachments on a test portal, for the full-text tests: a
// text PDF whose word is on one page only, and the upload of a PDF with the
// document that references it.
import { buildTextPdf, type PdfBlock, type SamplePdf } from '../../server/sample/pdf';
import { sampleDocument, type TestPortal } from './portal';

export const fillerParagraphs = (n: number): PdfBlock[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'paragraph',
    text: `Paragraph ${i + 1} on labour-market integration, housing and language courses for newcomers in the region, with figures for each year of the programme and the views of the people taking part.`,
  }));

/** A text PDF of at least four pages whose footer carries `word` on page 3 alone. */
export function pdfWithWordOnPage3(word: string): SamplePdf {
  return buildTextPdf({
    title: 'Annual integration report',
    blocks: fillerParagraphs(70),
    footer: 'EWSI test document',
    pageLabel: (page, of) => (page === 3 ? `${word} ${page}/${of}` : `${page}/${of}`),
    author: 'Test author',
    language: 'en',
  });
}

/** Stores the PDF on the portal and returns the reference a document lists it by. */
export async function putPdf(server: TestPortal, bytes: Uint8Array, fileName: string) {
  const row = await server.portal.attachments.put(bytes, fileName, 'application/pdf');
  return { fileName: row.file_name, mimeType: row.mime_type, size: row.size, sha256: row.sha256 };
}

/** Publishes (or replaces) a document through the editor API. */
export async function putDocument(server: TestPortal, id: string, overrides: Record<string, unknown>): Promise<void> {
  const response = await server.editor('PUT', `/api/v1/editor/document/${id}`, sampleDocument(id, overrides));
  if (!response.ok) throw new Error(`PUT ${id}: ${response.status} ${await response.text()}`);
}
