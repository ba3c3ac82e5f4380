// What each answer of the portal means for an outbox item, and how a request is built from the stored row.
import { describe, expect, it } from 'vitest';
import { classify, requestFor } from '../../electron/core/portal/posts';
import { parseRetryAfter } from '../../electron/core/portal/retry';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
const created = { type: 'forum-post', id: 'post-1', version: 42, record: { id: 'post-1' } };

describe('the push loop', () => {
  it('sends the stored payload as it is, a reply to its thread', () => {
    const payload = JSON.stringify({ threadId: 'thread-a', body: 'Hello', language: 'en' });
    expect(requestFor({ kind: 'forum.reply', payload })).toEqual({ path: '/api/v1/forum/threads/thread-a/posts', body: '{"body":"Hello","language":"en"}' });
    expect(requestFor({ kind: 'partner.request', payload: '{"title":"x"}' })).toEqual({ path: '/api/v1/partner-requests', body: '{"title":"x"}' });
    expect(requestFor({ kind: 'forum.thread', payload: '{"forumId":"f"}' }).path).toBe('/api/v1/forum/threads');
  });

  it('reads Retry-After in seconds or as a date', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(30_000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('classifies answers: sent, retry (with or without a possible commit), refused, sign-in', () => {
    expect(classify('forum.reply', answer(201, created))).toEqual({ kind: 'sent', result: { type: 'forum-post', id: 'post-1', version: 42 } });
    // A success of the wrong type or unreadable: resend with the same key and let the portal replay.
    expect(classify('forum.thread', answer(201, created))).toMatchObject({ kind: 'retry', deliveryUnknown: true });
    expect(classify('forum.reply', answer(201, '{"changes": "not a list"}'))).toMatchObject({ kind: 'retry', deliveryUnknown: true });
    expect(classify('forum.reply', answer(503, { error: 'x', message: 'Down for maintenance' }, { 'retry-after': '3' }))).toEqual({
      kind: 'retry',
      error: 'HTTP 503: Down for maintenance',
      retryAfterMs: 3000,
      deliveryUnknown: true,
    });
    expect(classify('forum.reply', answer(429, { error: 'rate_limited', message: 'Too many' }, { 'retry-after': '2' }))).toEqual({ kind: 'retry', error: 'Too many', retryAfterMs: 2000, deliveryUnknown: false });
    expect(classify('forum.reply', answer(409, { error: 'request_in_progress', message: 'Still processing' }, { 'retry-after': '1' }))).toMatchObject({ kind: 'retry', retryAfterMs: 1000, deliveryUnknown: true });
    expect(classify('forum.reply', answer(422, { error: 'idempotency_key_reused', message: 'Key used for a different request' }))).toEqual({ kind: 'refused', message: 'Key used for a different request' });
    expect(classify('forum.reply', answer(400, { error: 'invalid_request', message: 'Invalid request: body: Too small' }))).toEqual({ kind: 'refused', message: 'Invalid request: body: Too small' });
    expect(classify('forum.reply', answer(404, 'not json'))).toEqual({ kind: 'refused', message: 'The portal refused it (HTTP 404)' });
    expect(classify('forum.reply', answer(401, { error: 'unauthenticated', message: 'Expired' }))).toEqual({ kind: 'unauthenticated', message: 'Expired' });
  });
});
