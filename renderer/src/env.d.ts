/// <reference types="vite/client" />
import type { EwsiApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the preload in Electron; absent in a plain browser (the harness bridge stands in). */
    ewsi?: EwsiApi;
  }
}
