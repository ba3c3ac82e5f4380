// GET /changes: one page of the portal's change feed, validated whole (every
// record against its schema) before anyone applies it.
import { checkPageFollows, parseChangesPage, resyncRequired, type ChangesPage } from '../../../shared/portal-api';
import { describePortalAnswer, parseJson, PortalAnswerError, readPortalError } from './errors';
import { getText, RESPONSE_LIMITS } from './http';
import { parseRetryAfter } from './retry';
import { portalPaths, portalUrl } from './urls';

/**
 * A page, or the portal's 409 saying the cursor is behind its tombstone horizon: start again from 0, naming the
 * horizon (when the portal gave one) in every request of that walk.
 */
export type ChangesAnswer = { kind: 'page'; page: ChangesPage; bytes: number } | { kind: 'resync'; message: string; horizon: number | undefined };

export interface ChangesRequest {
  since: number;
  limit: number;
  /** For a walk from 0 after a 409: the horizon it named. */
  horizon?: number;
  /** Where this walk of the feed began: upserts carry the versions of their history published after it. */
  historySince?: number;
  signal?: AbortSignal;
  /** Longest silence while the answer comes. */
  timeoutMs?: number;
  /** Longest the whole answer may take, however steadily it trickles. */
  deadlineMs?: number;
}

/**
 * One request for a page. Throws PortalAnswerError for an error status (retryable for
 * 5xx and 429, with the portal's Retry-After) and for a body that is not complete JSON
 * (retryable), InvalidPageError for a page that does not validate, NetworkError and
 * CancelledError as the HTTP client does.
 */
export async function fetchChangesPage(serverUrl: string, request: ChangesRequest): Promise<ChangesAnswer> {
  const response = await getText(portalUrl(serverUrl, portalPaths.changes(request.since, request.limit, request.horizon, request.historySince)), {
    signal: request.signal,
    timeoutMs: request.timeoutMs,
    deadlineMs: request.deadlineMs,
    maxBytes: RESPONSE_LIMITS.feedPage,
  });
  if (response.status === 409) {
    // A 409 that is not a resync signal is a server error like any other.
    const body = readPortalError(response.body);
    if (body.code === 'resync_required') {
      const signal = resyncRequired.safeParse(parseJson(response.body));
      return { kind: 'resync', message: body.message ?? 'resync required', horizon: signal.success ? signal.data.horizon : undefined };
    }
  }
  if (response.status >= 500 || response.status === 429) {
    throw new PortalAnswerError(describePortalAnswer(response.status, response.body), response.status, true, parseRetryAfter(response.headers['retry-after']));
  }
  if (response.status !== 200) throw new PortalAnswerError(describePortalAnswer(response.status, response.body), response.status, false);
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    throw new PortalAnswerError('the answer was not complete JSON (cut short or garbled)', response.status, true);
  }
  return { kind: 'page', page: checkPageFollows(parseChangesPage(json), request.since), bytes: response.body.length };
}
