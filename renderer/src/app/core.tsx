// The core as React sees it: the contract client, its events, and the sync
// state every screen shares (the header's indicator, Home, Settings).
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { EwsiApi, EwsiEvents } from '../../../shared/contract';
import type { SyncProgress, SyncStatus } from '../../../shared/sync';
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

export interface SyncState {
  status: SyncStatus | null;
  /** The latest progress of the running sync; null when none runs. */
  progress: SyncProgress | null;
  error: string | null;
}

const SyncContext = createContext<SyncState>({ status: null, progress: null, error: null });

/** Reads sync.status once, then follows the core's sync.status and sync.progress events. */
export function SyncProvider({ children }: { children: ReactNode }) {
  const { api, events } = useCore();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const offStatus = events.on('sync.status', (next) => {
      setStatus(next);
      setProgress(next.running ? next.progress : null);
    });
    const offProgress = events.on('sync.progress', (next) => setProgress(next));
    api['sync.status']({}).then(
      (next) => {
        if (!live) return;
        setStatus((current) => current ?? next);
        if (next.running) setProgress((current) => current ?? next.progress);
      },
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
      offStatus();
      offProgress();
    };
  }, [api, events]);

  const value = useMemo(() => ({ status, progress: status?.running === false ? null : progress, error }), [status, progress, error]);
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}

export function useSync(): SyncState {
  return useContext(SyncContext);
}
