// The outbox as React sees it: its status (the navigation's count badge, the
// sign-in prompt) read once from outbox.status and then followed through the
// core's outbox.changed events, and item lists that reload whenever the outbox
// changes or a sync ends (a sent item gives way to its synced copy then).
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { ContractError, type MethodArgs } from '../../../../shared/contract';
import type { OutboxItem, OutboxState, OutboxStatus } from '../../../../shared/outbox';
import { errorMessage, useCore } from '../../app/core';
import { useSync } from '../../app/sync-state';
import { useLoad, type Load } from '../../app/use-load';

const OutboxContext = createContext<OutboxStatus | null>(null);

export function OutboxProvider({ children }: { children: ReactNode }) {
  const { api, events } = useCore();
  // A failed read leaves the badge empty; the Outbox screen reports the failure itself.
  const read = useLoad('outbox.status', () => api['outbox.status']({}));
  const [followed, setFollowed] = useState<OutboxStatus | null>(null);
  useEffect(() => events.on('outbox.changed', (next) => setFollowed(next)), [events]);
  // An event is newer than the answer to the first read, whichever arrived first.
  const status = followed ?? (read.status === 'ready' ? read.value : null);
  return <OutboxContext.Provider value={status}>{children}</OutboxContext.Provider>;
}

/** null until the core has answered. */
export function useOutboxStatus(): OutboxStatus | null {
  return useContext(OutboxContext);
}

/** A counter that moves whenever the outbox changes or a sync finishes: part of the key of anything that shows drafts or synced posts. */
export function useOutboxGeneration(): string {
  const status = useOutboxStatus();
  const { status: sync } = useSync();
  return useMemo(() => JSON.stringify([status, sync?.running ? 'running' : sync?.lastSyncAt]), [status, sync?.running, sync?.lastSyncAt]);
}

export type OutboxQuery = MethodArgs<'outbox.list'>;

/** The items a query names, reloaded as the outbox changes (without flashing "loading" again). */
export function useOutboxItems(query: OutboxQuery): Load<OutboxItem[]> {
  const { api } = useCore();
  const generation = useOutboxGeneration();
  return useLoad(JSON.stringify([query, generation]), async () => (await api['outbox.list'](query)).items, { keep: true });
}

/** What lists show under the synced copies: everything not yet in the corpus, cancelled items left out. */
export const UNSENT_STATES: OutboxState[] = ['queued', 'sending', 'needs_attention', 'restored', 'sent'];

export function stateLabel(t: TFunction, state: OutboxState): string {
  const labels: Record<OutboxState, string> = {
    queued: t('outbox.states.queued'),
    sending: t('outbox.states.sending'),
    sent: t('outbox.states.sent'),
    needs_attention: t('outbox.states.needsAttention'),
    cancelled: t('outbox.states.cancelled'),
    restored: t('outbox.states.restored'),
  };
  return labels[state];
}

/** A contract failure in the user's words where the code says what happened. */
export function failureText(t: TFunction, error: unknown): string {
  if (error instanceof ContractError && error.code === 'conflict') return t('outbox.conflict', { message: error.message });
  return errorMessage(error);
}
