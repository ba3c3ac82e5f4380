// The sync of the member's own data as React sees it: memberSync.status read
// once, then followed through the core's memberSync.changed events, for the
// Settings section, the Outbox's section, the conflicts badge and Home. An
// action's answer (enable, sync now…) is the new status too: it is shown at
// once, and a later event replaces it.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { ContractError } from '../../../../shared/contract';
import type { MemberSyncStatus } from '../../../../shared/member-sync';
import { errorMessage, useCore } from '../../app/core';
import { href } from '../../app/router';
import { useLoad } from '../../app/use-load';

export interface MemberSyncState {
  /** null until the core has answered. */
  status: MemberSyncStatus | null;
  /** Why the first read failed; null when it did not. */
  failure: string | null;
  /**
   * Runs an action that answers with the status (enable, sync now…) and shows
   * that answer, unless an event came while it ran: the core sends an event for
   * every change, so that event is at least as new (a sync may end before the
   * answer to "sync now" arrives).
   */
  act: (call: () => Promise<MemberSyncStatus>) => Promise<MemberSyncStatus>;
  /**
   * Reads the status again, for a screen that shows what waits to be sent:
   * local edits change those counts without a sync, hence without an event.
   * An event arriving meanwhile wins over the answer.
   */
  refresh: () => Promise<void>;
}

const MemberSyncContext = createContext<MemberSyncState>({ status: null, failure: null, act: (call) => call(), refresh: async () => undefined });

export function MemberSyncProvider({ children }: { children: ReactNode }) {
  const { api, events } = useCore();
  const [followed, setFollowed] = useState<MemberSyncStatus | null>(null);
  // Counts the statuses shown since the start, so a re-read never replaces a newer one.
  const shown = useRef(0);
  const show = useCallback((next: MemberSyncStatus) => {
    shown.current += 1;
    setFollowed(next);
  }, []);
  useEffect(() => events.on('memberSync.changed', show), [events, show]);
  const read = useLoad('memberSync.status', () => api['memberSync.status']({}));
  const act = useCallback(
    async (call: () => Promise<MemberSyncStatus>) => {
      const before = shown.current;
      const next = await call();
      if (shown.current === before) show(next);
      return next;
    },
    [show],
  );
  const refresh = useCallback(async () => {
    await act(() => api['memberSync.status']({}));
  }, [api, act]);
  // An event (or an action's answer) is newer than the answer to the first read, whichever arrived first.
  const status = followed ?? (read.status === 'ready' ? read.value : null);
  const failure = read.status === 'failed' && !followed ? read.message : null;
  const value = useMemo(() => ({ status, failure, act, refresh }), [status, failure, act, refresh]);
  return <MemberSyncContext.Provider value={value}>{children}</MemberSyncContext.Provider>;
}

export function useMemberSync(): MemberSyncState {
  return useContext(MemberSyncContext);
}

/** The status, read again when the calling screen opens (its pending counts may have moved since the last event). */
export function useFreshMemberSync(): MemberSyncState {
  const state = useContext(MemberSyncContext);
  useLoad('memberSync.refresh', state.refresh);
  return state;
}

/** Where the Settings section is: the Outbox and the conflict view link to it, and it takes focus then. */
export const MEMBER_SYNC_SECTION = 'member-sync';
export const memberSyncSettingsHref = () => href('settings', { show: MEMBER_SYNC_SECTION });
/** The conflict view: under Settings, since it belongs to the sync set up there. */
export const CONFLICTS_PATH = 'sync-conflicts';
export const conflictsHref = () => href('settings', {}, [CONFLICTS_PATH]);

export type PendingKind = keyof MemberSyncStatus['pending'];
export const PENDING_KINDS: readonly PendingKind[] = ['annotation', 'collection', 'saved-search', 'settings'];

/** A heading for a count of one kind ("Your annotations"). */
export function pendingHeading(t: TFunction, kind: PendingKind): string {
  switch (kind) {
    case 'annotation':
      return t('memberSync.headings.annotation');
    case 'collection':
      return t('memberSync.headings.collection');
    case 'saved-search':
      return t('memberSync.headings.savedSearch');
    case 'settings':
      return t('memberSync.headings.settings');
  }
}

/** What the text in conflict is, in words: "Note of an annotation", "Note on an item of a collection". */
export function conflictSubject(t: TFunction, kind: PendingKind, field: string): string {
  if (kind === 'annotation') return t('memberSync.conflicts.what.annotationNote');
  if (kind === 'collection') return field.startsWith('itemNote:') ? t('memberSync.conflicts.what.collectionItemNote') : t('memberSync.conflicts.what.collectionNote');
  if (kind === 'saved-search') return t('memberSync.conflicts.what.savedSearch');
  return t('memberSync.conflicts.what.settings');
}

export const totalPending = (status: MemberSyncStatus): number => PENDING_KINDS.reduce((sum, kind) => sum + status.pending[kind], 0);

/** A failure of a memberSync call in the user's words where its code says what happened. */
export function memberSyncFailureText(t: TFunction, error: unknown): string {
  const code = error instanceof ContractError ? error.code : null;
  if (code === 'wrong_passphrase') return t('memberSync.errors.wrongPassphrase');
  if (code === 'not_signed_in') return t('memberSync.errors.notSignedIn');
  if (code === 'unavailable') return t('memberSync.errors.unreachable', { reason: errorMessage(error) });
  return t('memberSync.errors.failed', { reason: errorMessage(error) });
}

/** Why the last sync failed, in the user's words where its code says what happened, else the core's message. */
export function lastErrorText(t: TFunction, error: { code: string; message: string }): string {
  if (error.code === 'not_signed_in') return t('memberSync.lastErrors.notSignedIn');
  if (error.code === 'portal_unreachable') return t('memberSync.lastErrors.unreachable');
  if (error.code === 'keyring_changed' || error.code === 'wrong_passphrase') return t('memberSync.lastErrors.keyringChanged');
  return t('memberSync.lastError', { message: error.message });
}

/** Whether a failure is the portal refusing the passphrase: the dialog then says so at the field. */
export const isWrongPassphrase = (error: unknown): boolean => error instanceof ContractError && error.code === 'wrong_passphrase';
