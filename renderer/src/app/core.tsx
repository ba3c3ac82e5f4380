// The core as React sees it: the contract client and its events.
import { createContext, useContext, type ReactNode } from 'react';
import type { EwsiApi, EwsiEvents } from '../../../shared/contract';
import { connectToCore, connectToEvents } from './bridge';

interface Core {
  api: EwsiApi;
  events: EwsiEvents;
}

const CoreContext = createContext<Core | null>(null);

export type Connection = { ok: true; core: Core } | { ok: false; message: string };

/** Connects once; a missing bridge is reported, not thrown, so the shell can say so. */
export function connect(): Connection {
  try {
    return { ok: true, core: { api: connectToCore(), events: connectToEvents() } };
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function CoreProvider({ core, children }: { core: Core; children: ReactNode }) {
  return <CoreContext.Provider value={core}>{children}</CoreContext.Provider>;
}

export function useCore(): Core {
  const core = useContext(CoreContext);
  if (!core) throw new Error('useCore outside <CoreProvider>');
  return core;
}

export function useApi(): EwsiApi {
  return useCore().api;
}
