// The portal's registration page (GET/POST /register), as a browser uses it:
// a form without script under a strict CSP; a valid form creates an account
// that signs in through the API; a wrong one answers the form again with each
// problem at its field, what was typed kept (escaped) but never the password,
// and nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../support/databases';
import { startTestPortal, type TestPortal } from '../../support/portal';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(testEngines())('the registration page on $name', (engine) => {
  let server: TestPortal;
  const members = async () => Number((await server.db.selectFrom('members').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const submit = (fields: Record<string, string>, headers: Record<string, string> = FORM) =>
    fetch(`${server.url}/register`, { method: 'POST', headers, body: new URLSearchParams(fields).toString() });

  beforeAll(async () => {
    server = await startTestPortal(engine);
  });
  afterAll(() => server?.close());

  it('serves a labelled form, without script, under a CSP that allows only its own style', async () => {
    const response = await fetch(`${server.url}/register`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; form-action 'self'; frame-ancestors 'none'/);
    const html = await response.text();
    expect(html).not.toMatch(/<script/i);
    for (const [name, label] of [
      ['displayName', 'Your name'],
      ['email', 'E-mail address'],
      ['password', 'Password'],
      ['organisation', 'Organisation (optional)'],
      ['country', 'Country'],
    ]) {
      expect(html).toContain(`<label for="${name}">${label}</label>`);
      expect(html).toMatch(new RegExp(`<(input|select) id="${name}" name="${name}"`));
    }
    expect(html).toContain('<option value="PT">Portugal</option>');
  });

  it('creates an account that signs in through the API', async () => {
    const response = await submit({ displayName: 'Maria Huber', email: 'Maria.Huber@example.org', password: 'a long enough secret', organisation: 'Gemeinde Oberland', country: 'AT' });
    expect(response.status).toBe(201);
    const html = await response.text();
    expect(html).toContain('Your account is ready');
    expect(html).toContain('Maria.Huber@example.org');
    const session = await fetch(`${server.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'maria.huber@example.org', password: 'a long enough secret' }) });
    expect(session.status).toBe(201);
    expect(((await session.json()) as { member: unknown }).member).toMatchObject({ displayName: 'Maria Huber', organisation: 'Gemeinde Oberland', country: 'AT' });
  });

  it('answers a wrong form with the form again: each problem at its field, the typed values escaped, no password, nothing written', async () => {
    const before = await members();
    const response = await submit({ displayName: '<b>Jo</b> "quoted"', email: 'not an address', password: 'short', organisation: '', country: '' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('The form has 3 problems: see below.');
    expect(html).toContain('<input id="email" name="email" aria-describedby="email-error" aria-invalid="true"');
    expect(html).toContain('<p class="error" id="password-error">Choose a password of 10 to 200 characters.</p>');
    expect(html).toContain('<p class="error" id="country-error">Choose your country.</p>');
    expect(html).toContain('value="&lt;b&gt;Jo&lt;/b&gt; &quot;quoted&quot;"');
    expect(html).not.toContain('<b>Jo</b>');
    expect(html).not.toContain('short');
    expect(await members()).toBe(before);
  });

  it('says when the e-mail address has an account already, and refuses what is not the form', async () => {
    const taken = await submit({ displayName: 'Maria again', email: 'maria.huber@example.org', password: 'another long secret', country: 'AT' });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain('An account with this e-mail address exists already');
    const json = await submit({ displayName: 'X' }, { 'content-type': 'application/json' });
    expect(json.status).toBe(415);
    const huge = await submit({ displayName: 'x'.repeat(20_000), email: 'big@example.org', password: 'a long enough secret', country: 'AT' });
    expect(huge.status).toBe(413);
    expect(await members()).toBe(1);
  });
});
