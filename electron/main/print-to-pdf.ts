// print.toPdf in the app: the sender's page (a print view) as a PDF through
// Electron's webContents.printToPDF, saved where the user chooses. No Electron
// import here: main passes the window's printToPDF, the save dialog and the
// file writer in, so the logic is plain code under Node.
import { failureEnvelope, parseCall, type Envelope } from '../../shared/contract';

export const PRINT_TO_PDF_METHOD = 'print.toPdf';

export interface PrintToPdfDeps {
  /** The sender's webContents.printToPDF, with the print style sheet's page size and margins. */
  printToPdf: (options: { printBackground: boolean; preferCSSPageSize: boolean; generateTaggedPDF: boolean; displayHeaderFooter: boolean }) => Promise<Uint8Array>;
  /** dialog.showSaveDialog: the chosen path, or null when the user cancelled. */
  chooseFile: (defaultName: string) => Promise<string | null>;
  writeFile: (file: string, bytes: Uint8Array) => Promise<void>;
}

/** A file name without the characters no file system takes. */
export const pdfFileName = (name: string): string => `${name.replace(/\.pdf$/i, '').replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-').trim().slice(0, 200) || 'EWSI'}.pdf`;

export async function printToPdf(deps: PrintToPdfDeps, rawArgs: unknown): Promise<Envelope> {
  try {
    const { args } = parseCall<'print.toPdf'>(PRINT_TO_PDF_METHOD, rawArgs);
    const file = await deps.chooseFile(pdfFileName(args.fileName));
    if (!file) return { ok: true, value: { handled: true, path: null } };
    // Tagged, so the PDF keeps its headings and reading order for screen readers; page size from @page.
    const bytes = await deps.printToPdf({ printBackground: true, preferCSSPageSize: true, generateTaggedPDF: true, displayHeaderFooter: false });
    await deps.writeFile(file, bytes);
    return { ok: true, value: { handled: true, path: file } };
  } catch (error) {
    return failureEnvelope(error);
  }
}
