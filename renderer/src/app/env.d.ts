/// <reference types="vite/client" />
import type { EwsiApi, EwsiEvents } from '../../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the preload in Electron; absent in a plain browser (the harness bridge stands in). */
    ewsi?: EwsiApi;
    /** Core events, exposed by the preload beside window.ewsi. */
    ewsiEvents?: EwsiEvents;
  }
}
