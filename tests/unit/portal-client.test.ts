// The portal client's pure parts: its one URL builder, its one reading of error bodies, its retry policy.
import { describe, expect, it } from 'vitest';
import { describePortalAnswer, readPortalError } from '../../electron/core/portal/errors';
import { retryDelay } from '../../electron/core/portal/retry';
import { attachmentUrl, portalAddress, portalPaths, portalUrl, recordUrl, updatesFolderUrl } from '../../electron/core/portal/urls';

describe('portal URLs', () => {
  it('drops trailing slashes from the portal address, once, wherever the address came from', () => {
    expect(portalAddress('https://portal.example//')).toBe('https://portal.example');
    expect(portalAddress('https://portal.example/base/')).toBe('https://portal.example/base');
    expect(portalUrl('https://portal.example/', portalPaths.changes(40, 500))).toBe('https://portal.example/api/v1/changes?since=40&limit=500');
    expect(portalPaths.changes(40, 500, 1234)).toBe('/api/v1/changes?since=40&limit=500&horizon=1234');
    expect(portalUrl('https://portal.example/', portalPaths.health)).toBe('https://portal.example/healthz');
  });

  it('builds every route under the API prefix, encoding ids', () => {
    const sha = 'a'.repeat(64);
    expect(attachmentUrl('http://p/', sha)).toBe(`http://p/api/v1/attachments/${sha}`);
    expect(recordUrl('http://p', 'good-practice', 'gp 1/2')).toBe('http://p/api/v1/good-practices/gp%201%2F2');
    expect(portalPaths.forumThreadPosts('t/1')).toBe('/api/v1/forum/threads/t%2F1/posts');
    expect(portalPaths.sessions).toBe('/api/v1/sessions');
    expect(updatesFolderUrl('http://p///')).toBe('http://p/updates/');
  });
});

describe('portal error bodies', () => {
  it('reads the code and the message of the portal JSON, each on its own', () => {
    expect(readPortalError('{"error":"resync_required","message":"too old","horizon":3}')).toEqual({ code: 'resync_required', message: 'too old' });
    expect(readPortalError('{"message":"only a sentence"}')).toEqual({ code: undefined, message: 'only a sentence' });
    expect(readPortalError('{"error":42,"message":"a sentence"}')).toEqual({ code: undefined, message: 'a sentence' });
    expect(readPortalError('<html>Bad gateway</html>')).toEqual({});
    expect(readPortalError('["a"]')).toEqual({});
  });

  it('describes an answer by the portal sentence, else by the start of its text', () => {
    expect(describePortalAnswer(503, '{"error":"maintenance","message":"down for maintenance"}')).toBe('the portal answered 503: down for maintenance');
    expect(describePortalAnswer(500, 'boom')).toBe('the portal answered 500: boom');
    expect(describePortalAnswer(502, '')).toBe('the portal answered 502');
  });
});

describe('the retry policy', () => {
  const policy = { baseDelayMs: 1000, maxDelayMs: 8000, random: () => 1 };
  it('backs off exponentially up to its cap, and waits longer when the portal asks to', () => {
    expect([0, 1, 2, 3, 4].map((attempt) => retryDelay(attempt, policy))).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(retryDelay(0, policy, 30_000)).toBe(30_000);
    expect(retryDelay(2, policy, 10)).toBe(4000);
    expect(retryDelay(0, { ...policy, maxRetryAfterMs: 5000 }, 30_000)).toBe(5000);
  });
});
