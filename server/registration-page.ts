// The portal's one page for people rather than programs: creating a community
// account (GET /register, a plain form; POST /register, the same registration
// as POST /api/v1/members). The desktop app's sign-in card links here. No
// script, one inline style allowed by its hash, every value escaped.
import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { EU_COUNTRIES } from '../shared/content';
import { memberRegistration, REGISTRATION_PATH } from '../shared/portal-api';
import type { Members } from './auth';
import { ApiFailure, issuesOf } from './errors';

const MAX_FORM_BYTES = 16 * 1024;

const STYLE = [
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f6f9;color:#1b1f24}',
  'main{max-width:32rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #c5ccd6;border-radius:8px}',
  'label{display:block;font-weight:600;margin-top:1rem}',
  'input,select{box-sizing:border-box;width:100%;font:inherit;padding:.4rem .5rem;border:1px solid #4d5560;border-radius:6px}',
  'button{margin-top:1.5rem;font:inherit;font-weight:600;padding:.5rem 1rem;border:0;border-radius:6px;background:#0b4ea2;color:#fff}',
  '.hint{color:#4d5560;font-size:.9rem;margin:.25rem 0 0}.error{color:#a4161a;font-size:.9rem;margin:.25rem 0 0}',
  '.problems{border:2px solid #a4161a;border-radius:6px;padding:.5rem 1rem}',
  ':focus-visible{outline:3px solid #0b4ea2;outline-offset:2px}',
].join('');
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

type Field = 'displayName' | 'email' | 'password' | 'organisation' | 'country';
type Values = Partial<Record<Field, string>>;

/** What each field needs, said the same way whichever rule of the schema failed. */
const FIELD_PROBLEMS: Record<Field, string> = {
  displayName: 'Enter your name (at most 200 characters).',
  email: 'Enter your e-mail address, such as name@example.org.',
  password: 'Choose a password of 10 to 200 characters.',
  organisation: 'The organisation may have at most 300 characters.',
  country: 'Choose your country.',
};

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · EWSI portal</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

function form(values: Values, problems: Partial<Record<Field, string>>, notice?: string): string {
  const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });
  const countries = [...EU_COUNTRIES].sort((a, b) => countryNames.of(a)!.localeCompare(countryNames.of(b)!, 'en'));
  const field = (name: Field, label: string, input: string, hint?: string) => {
    const described = [hint ? `${name}-hint` : '', problems[name] ? `${name}-error` : ''].filter(Boolean).join(' ');
    const attributes = `id="${name}" name="${name}"${described ? ` aria-describedby="${described}"` : ''}${problems[name] ? ' aria-invalid="true"' : ''}`;
    return `<label for="${name}">${label}</label>${input.replace('%ATTRS%', attributes)}${hint ? `<p class="hint" id="${name}-hint">${hint}</p>` : ''}${problems[name] ? `<p class="error" id="${name}-error">${escapeHtml(problems[name])}</p>` : ''}`;
  };
  const value = (name: Field) => escapeHtml(values[name] ?? '');
  const count = Object.keys(problems).length;
  const summary = notice ?? (count > 0 ? `The form has ${count === 1 ? 'a problem' : `${count} problems`}: see below.` : '');
  return page(
    'Create an account',
    [
      '<h1>Create an EWSI community account</h1>',
      '<p>Members post in the forums and publish partner requests from EWSI Desktop. Once the account exists, sign in in the app (Settings, Portal account) with this e-mail address and password.</p>',
      summary ? `<p class="problems" role="alert">${escapeHtml(summary)}</p>` : '',
      `<form method="post" action="${REGISTRATION_PATH}">`,
      field('displayName', 'Your name', `<input %ATTRS% type="text" autocomplete="name" required maxlength="200" value="${value('displayName')}">`, 'Shown with what you post.'),
      field('email', 'E-mail address', `<input %ATTRS% type="email" autocomplete="email" required maxlength="254" value="${value('email')}">`),
      field('password', 'Password', '<input %ATTRS% type="password" autocomplete="new-password" required minlength="10" maxlength="200">', 'At least 10 characters.'),
      field('organisation', 'Organisation (optional)', `<input %ATTRS% type="text" autocomplete="organization" maxlength="300" value="${value('organisation')}">`),
      field(
        'country',
        'Country',
        `<select %ATTRS% required><option value="">Choose…</option>${countries.map((code) => `<option value="${code}"${values.country === code ? ' selected' : ''}>${escapeHtml(countryNames.of(code)!)}</option>`).join('')}</select>`,
      ),
      '<button type="submit">Create the account</button>',
      '</form>',
    ].join(''),
  );
}

const html = (c: Context, body: string, status: 200 | 201 | 400 | 409 | 413 | 415 | 429, headers: Record<string, string> = {}) => c.body(body, status, { ...PAGE_HEADERS, ...headers });

export function registrationPageRoutes(
  app: Hono,
  deps: {
    members: Members;
    /** The body, refused past `max` bytes (ApiFailure 413). */
    readBody: (c: Context, max: number) => Promise<Uint8Array>;
    /** Throws ApiFailure 429 when the sender asks too often. */
    limit: (c: Context) => Promise<void>;
    now: () => Date;
  },
): void {
  app.get(REGISTRATION_PATH, (c) => html(c, form({}, {}), 200));

  app.post(REGISTRATION_PATH, async (c) => {
    let values: Values = {};
    try {
      await deps.limit(c);
      if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? '')) {
        return html(c, form({}, {}, 'Send the form from this page.'), 415);
      }
      const fields = new URLSearchParams(new TextDecoder().decode(await deps.readBody(c, MAX_FORM_BYTES)));
      values = Object.fromEntries((['displayName', 'email', 'password', 'organisation', 'country'] as const).map((name) => [name, fields.get(name) ?? ''])) as Values;
      const parsed = memberRegistration.safeParse(values);
      const kept = { ...values, password: '' };
      if (!parsed.success) {
        const problems: Partial<Record<Field, string>> = {};
        for (const issue of issuesOf(parsed.error)) {
          const name = issue.path.split('.')[0] as Field;
          if (name in FIELD_PROBLEMS) problems[name] = FIELD_PROBLEMS[name];
        }
        return html(c, form(kept, problems), 400);
      }
      const member = await deps.members.register(parsed.data, deps.now());
      return html(
        c,
        page(
          'Account created',
          `<h1>Your account is ready</h1><p role="status">Welcome, ${escapeHtml(member.displayName)}. Go back to EWSI Desktop and sign in (Settings, Portal account) with ${escapeHtml(parsed.data.email)} and the password you chose.</p>`,
        ),
        201,
      );
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      const kept = { ...values, password: '' };
      if (error.code === 'email_taken') return html(c, form(kept, { email: 'An account with this e-mail address exists already: sign in with it in the app.' }), 409);
      if (error.status === 413 || error.status === 429) return html(c, form(kept, {}, error.message), error.status, error.headers);
      throw error;
    }
  });
}
