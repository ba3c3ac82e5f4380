// The app reads the portal's change stream as an EventSource would, and takes
// only a well-formed `latest` announcement from it.
import { describe, expect, it } from 'vitest';
import { announcedVersion } from '../../electron/core/portal/change-stream';

describe('announcedVersion', () => {
  it('reads the version of a latest event, with or without the space after the colon, and CRLF lines', () => {
    expect(announcedVersion('event: latest\nid: 42\ndata: {"latest":42}')).toBe(42);
    expect(announcedVersion('event:latest\r\ndata:{"latest":7}')).toBe(7);
    expect(announcedVersion('retry: 3000\nevent: latest\nid: 0\ndata: {"latest":0}')).toBe(0);
  });

  it('joins data lines as the protocol says', () => {
    expect(announcedVersion('event: latest\ndata: {"latest":\ndata: 9}')).toBe(9);
  });

  it('ignores heartbeats, other events, unnamed events and data that is not an announcement', () => {
    expect(announcedVersion(': heartbeat')).toBeUndefined();
    expect(announcedVersion('event: other\ndata: {"latest":5}')).toBeUndefined();
    expect(announcedVersion('data: {"latest":5}')).toBeUndefined();
    expect(announcedVersion('event: latest\ndata: not json')).toBeUndefined();
    expect(announcedVersion('event: latest\ndata: {"latest":-1}')).toBeUndefined();
    expect(announcedVersion('event: latest\ndata: {"latest":1.5}')).toBeUndefined();
    expect(announcedVersion('event: latest\ndata: {"latest":"3"}')).toBeUndefined();
    expect(announcedVersion('event: latest')).toBeUndefined();
  });
});
