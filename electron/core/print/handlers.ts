// print.toPdf outside the app: the core has no window to print (it runs outside
// Electron). Main answers it in the app (electron/main/print-to-pdf.ts); here the
// answer says so, and the renderer opens the browser's print dialog instead.
import type { HandlerSlice } from '../../../shared/contract';

export function printHandlers(): HandlerSlice<'print'> {
  return {
    'print.toPdf': async () => ({ handled: false, path: null }),
  };
}
