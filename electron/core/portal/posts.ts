// The community writes the outbox sends: a forum thread, a forum reply, a
// partner request. Each is a POST with the member's bearer token and the item's
// own Idempotency-Key; the answer is classified into what it means for the item.
import { z } from 'zod';
import type { OutboxKind, OutboxResult } from '../../../shared/outbox';
import { IDEMPOTENCY_HEADER, writeResult } from '../../../shared/portal-api';
import { parseJson, readPortalError } from './errors';
import { CancelledError, requestText, type TextResponse } from './http';
import { parseRetryAfter } from './retry';
import { portalPaths, portalUrl } from './urls';

/** What one answer (or its absence) means for the item. */
export type Outcome =
  | { kind: 'sent'; result: OutboxResult }
  | { kind: 'retry'; error: string; retryAfterMs?: number; deliveryUnknown: boolean }
  | { kind: 'refused'; message: string }
  | { kind: 'unauthenticated'; message: string };

export interface PostItem {
  kind: OutboxKind;
  /** The stored draft, JSON. */
  payload: string;
  idempotencyKey: string;
}

const EXPECTED_TYPE: Record<OutboxKind, string> = { 'forum.thread': 'forum-thread', 'forum.reply': 'forum-post', 'partner.request': 'partner-request' };

/** A stored reply: its thread, and the post the portal takes (kept whole, so the bytes sent stay the same). */
const storedReply = z.looseObject({ threadId: z.string() });

/** The portal route and body of an item. The body is the stored payload as is, so every retry sends the same bytes. */
export function requestFor(item: Pick<PostItem, 'kind' | 'payload'>): { path: string; body: string } {
  if (item.kind === 'forum.reply') {
    const { threadId, ...post } = storedReply.parse(JSON.parse(item.payload));
    return { path: portalPaths.forumThreadPosts(threadId), body: JSON.stringify(post) };
  }
  return { path: item.kind === 'forum.thread' ? portalPaths.forumThreads : portalPaths.partnerRequests, body: item.payload };
}

/** Classifies the portal's answer to an outbox write. */
export function classify(kind: OutboxKind, response: TextResponse): Outcome {
  const { status } = response;
  const { code, message } = readPortalError(response.body);
  if (status === 200 || status === 201) {
    const parsed = writeResult.safeParse(parseJson(response.body));
    if (!parsed.success || parsed.data.type !== EXPECTED_TYPE[kind]) {
      // A success we cannot read: the portal may have created it. The resend (same key) replays the real answer.
      return { kind: 'retry', error: `The portal's answer (HTTP ${status}) could not be read`, deliveryUnknown: true };
    }
    return { kind: 'sent', result: { type: parsed.data.type, id: parsed.data.id, version: parsed.data.version } };
  }
  if (status === 401) return { kind: 'unauthenticated', message: message ?? 'The portal asks to sign in again' };
  const retryAfterMs = parseRetryAfter(response.headers['retry-after']);
  if (status === 409 && (message === undefined || code === 'request_in_progress')) {
    // The same key is still being processed (an earlier attempt of ours): wait and ask again.
    return { kind: 'retry', error: message ?? 'The portal is still processing an earlier attempt', retryAfterMs, deliveryUnknown: true };
  }
  if (status === 429) return { kind: 'retry', error: message ?? 'The portal asks to slow down (HTTP 429)', retryAfterMs, deliveryUnknown: false };
  if (status === 408 || status === 425 || status >= 500) {
    return { kind: 'retry', error: message ? `HTTP ${status}: ${message}` : `The portal failed to answer (HTTP ${status})`, retryAfterMs, deliveryUnknown: true };
  }
  if (status >= 400) return { kind: 'refused', message: message ?? `The portal refused it (HTTP ${status})` };
  return { kind: 'retry', error: `Unexpected answer from the portal (HTTP ${status})`, deliveryUnknown: true };
}

/** Sends one item and says what came of it; never throws: no answer is a retry whose delivery is unknown. */
export async function sendPost(session: { serverUrl: string; token: string }, item: PostItem, options: { timeoutMs: number; signal: AbortSignal }): Promise<Outcome> {
  const { path, body } = requestFor(item);
  try {
    const response = await requestText('POST', portalUrl(session.serverUrl, path), {
      body,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${session.token}`,
        [IDEMPOTENCY_HEADER]: item.idempotencyKey,
      },
      timeoutMs: options.timeoutMs,
      signal: options.signal,
    });
    return classify(item.kind, response);
  } catch (error) {
    // No answer (dropped, timed out, cut short, or the push was stopped): the portal may have it. Resend with the same key.
    const message = error instanceof CancelledError ? 'The push was stopped while this was on its way' : error instanceof Error ? error.message : String(error);
    return { kind: 'retry', error: message, deliveryUnknown: true };
  }
}
