// The sync state every screen shares (the header's indicator, Home, Settings,
// the forums' reads): sync.status read once, then the core's sync.status and
// sync.progress events.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SyncProgress, SyncStatus } from '../../../shared/sync';
import { useCore } from './core';
import { useLoad } from './use-load';

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

  useEffect(() => {
    const offStatus = events.on('sync.status', (next) => {
      setStatus(next);
      setProgress(next.running ? next.progress : null);
    });
    const offProgress = events.on('sync.progress', (next) => setProgress(next));
    return () => {
      offStatus();
      offProgress();
    };
  }, [events]);
  // An event that came first is newer than this answer.
  const read = useLoad('sync.status', () => api['sync.status']({}), {
    onAnswer: (next) => {
      setStatus((current) => current ?? next);
      if (next.running) setProgress((current) => current ?? next.progress);
    },
  });
  const error = read.status === 'failed' ? read.message : null;

  const value = useMemo(() => ({ status, progress: status?.running === false ? null : progress, error }), [status, progress, error]);
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}

export function useSync(): SyncState {
  return useContext(SyncContext);
}
