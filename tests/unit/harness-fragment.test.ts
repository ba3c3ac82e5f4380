// The harness's token travels only in the address's fragment (shared/harness.ts):
// the address the harness prints, and what the renderer reads back from it.
import { describe, expect, it } from 'vitest';
import { harnessPageUrl, readHarnessFragment } from '../../shared/harness';

const TOKEN = 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdl';

describe('the harness’s token fragment', () => {
  it('puts the token and the screen to open in the fragment, never in the path or the query', () => {
    const url = new URL(harnessPageUrl('http://127.0.0.1:5173/', TOKEN, '/search?q=housing&type=document'));
    expect(url.origin + url.pathname + url.search).toBe('http://127.0.0.1:5173/');
    expect(readHarnessFragment(url.hash)).toEqual({ token: TOKEN, route: '/search?q=housing&type=document' });
    expect(harnessPageUrl('http://127.0.0.1:5173', TOKEN)).toBe(`http://127.0.0.1:5173/#ewsi-token=${TOKEN}`);
    expect(readHarnessFragment(new URL(harnessPageUrl('http://127.0.0.1:1/', TOKEN, '#/practices/compare?ids=a%2Cb')).hash)).toEqual({ token: TOKEN, route: '/practices/compare?ids=a%2Cb' });
  });

  it('reads an ordinary route, a malformed token or a foreign route as no hand-over', () => {
    expect(readHarnessFragment('#/settings')).toBeNull();
    expect(readHarnessFragment('')).toBeNull();
    expect(readHarnessFragment('#ewsi-token=')).toBeNull();
    expect(readHarnessFragment('#ewsi-token=short')).toBeNull();
    expect(readHarnessFragment(`#ewsi-token=${TOKEN}<script>`)).toBeNull();
    // A route that is not one of ours (an absolute address) opens Home instead.
    expect(readHarnessFragment(`#ewsi-token=${TOKEN}&route=https%3A%2F%2Fevil.example`)).toEqual({ token: TOKEN, route: '' });
  });
});
