// The member's private store on the portal (shared/member-items.ts): the
// keyring and the encrypted items, every answer validated against the wire
// schemas before member sync sees it. Writes carry the caller's
// Idempotency-Key; a stale baseVersion comes back as a conflict with the
// portal's current state, which the caller merges.
import { z } from 'zod';
import {
  MEMBER_ITEM_CHANGES_PATH,
  MEMBER_ITEMS_PATH,
  MEMBER_KEYRING_PATH,
  memberItem,
  memberItemChangesPage,
  memberItemWriteResult,
  memberKeyring,
  memberKeyringResponse,
  type MemberItem,
  type MemberItemChangesPage,
  type MemberKeyring,
} from '../../../shared/member-items';
import { IDEMPOTENCY_HEADER } from '../../../shared/portal-api';
import { describePortalAnswer, parseJson, readPortalError } from './errors';
import { requestText, type TextResponse } from './http';
import { parseRetryAfter } from './retry';
import { portalUrl } from './urls';

export interface MemberStoreSession {
  serverUrl: string;
  token: string;
}

/** Why a call to the member's store did not give what was asked; `retryable` says whether asking again may help. */
export class MemberStoreError extends Error {
  constructor(
    message: string,
    /** resync: the portal's feed is behind this device's cursor (its store was reset or restored): read it again from 0. */
    readonly kind: 'network' | 'unauthenticated' | 'refused' | 'retry' | 'resync',
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'MemberStoreError';
  }

  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'retry';
  }
}

export interface RequestSettings {
  timeoutMs: number;
  signal?: AbortSignal;
}

const conflictBody = <T extends z.ZodType>(current: T) => z.looseObject({ error: z.literal('version_conflict'), current });

async function exchange(session: MemberStoreSession, method: 'GET' | 'PUT', path: string, settings: RequestSettings, body?: unknown, idempotencyKey?: string): Promise<TextResponse> {
  try {
    return await requestText(method, portalUrl(session.serverUrl, path), {
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${session.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(idempotencyKey ? { [IDEMPOTENCY_HEADER]: idempotencyKey } : {}),
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      timeoutMs: settings.timeoutMs,
      signal: settings.signal,
      maxBytes: 64 * 1024 * 1024,
    });
  } catch (error) {
    throw new MemberStoreError(error instanceof Error ? error.message : String(error), 'network');
  }
}

/** A failure answer as an error: 401, refusals (other 4xx), and what is worth asking again (5xx, 429, 408, 409 in progress). */
function failure(response: TextResponse): MemberStoreError {
  const { status } = response;
  const { code } = readPortalError(response.body);
  const text = describePortalAnswer(status, response.body);
  if (status === 401) return new MemberStoreError(text, 'unauthenticated');
  if (status === 429 || status === 408 || status >= 500 || (status === 409 && code === 'request_in_progress')) {
    return new MemberStoreError(text, 'retry', parseRetryAfter(response.headers['retry-after']));
  }
  return new MemberStoreError(text, status >= 400 ? 'refused' : 'retry');
}

function parsed<T extends z.ZodType>(schema: T, response: TextResponse): z.output<T> {
  const result = schema.safeParse(parseJson(response.body));
  // A success we cannot read: writes are resent with the same key, which replays the stored answer.
  if (!result.success) throw new MemberStoreError(`The portal's answer (HTTP ${response.status}) is not what its API promises`, 'retry');
  return result.data;
}

export async function fetchKeyring(session: MemberStoreSession, settings: RequestSettings): Promise<MemberKeyring | null> {
  const response = await exchange(session, 'GET', MEMBER_KEYRING_PATH, settings);
  if (response.status !== 200) throw failure(response);
  return parsed(memberKeyringResponse, response).keyring;
}

/** Writes the keyring; `conflict` with the portal's current keyring when baseVersion was stale (another device wrote it). */
export async function putKeyring(
  session: MemberStoreSession,
  body: string,
  idempotencyKey: string,
  settings: RequestSettings,
): Promise<{ kind: 'written'; keyring: MemberKeyring } | { kind: 'conflict'; current: MemberKeyring | null }> {
  const response = await exchange(session, 'PUT', MEMBER_KEYRING_PATH, settings, body, idempotencyKey);
  if (response.status === 200 || response.status === 201) return { kind: 'written', keyring: parsed(z.object({ keyring: memberKeyring }), response).keyring };
  if (response.status === 409 && readPortalError(response.body).code === 'version_conflict') {
    return { kind: 'conflict', current: parsed(conflictBody(memberKeyring.nullable()), response).current };
  }
  throw failure(response);
}

/** Writes one item (the body is the stored write, byte-identical on every retry); `conflict` with the current item when baseVersion was stale. */
export async function putItem(
  session: MemberStoreSession,
  itemId: string,
  body: string,
  idempotencyKey: string,
  settings: RequestSettings,
): Promise<{ kind: 'written'; item: MemberItem } | { kind: 'conflict'; current: MemberItem }> {
  const response = await exchange(session, 'PUT', `${MEMBER_ITEMS_PATH}/${encodeURIComponent(itemId)}`, settings, body, idempotencyKey);
  if (response.status === 200 || response.status === 201) return { kind: 'written', item: parsed(memberItemWriteResult, response).item };
  if (response.status === 409 && readPortalError(response.body).code === 'version_conflict') {
    return { kind: 'conflict', current: parsed(conflictBody(memberItem), response).current };
  }
  throw failure(response);
}

/** One page of the member's change feed after `since`, validated whole. */
export async function fetchItemChanges(session: MemberStoreSession, since: number, limit: number, settings: RequestSettings): Promise<MemberItemChangesPage> {
  const response = await exchange(session, 'GET', `${MEMBER_ITEM_CHANGES_PATH}?since=${since}&limit=${limit}`, settings);
  if (response.status === 409 && readPortalError(response.body).code === 'resync_required') throw new MemberStoreError(describePortalAnswer(409, response.body), 'resync');
  if (response.status !== 200) throw failure(response);
  return parsed(memberItemChangesPage, response);
}
