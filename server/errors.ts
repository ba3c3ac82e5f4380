import type { z } from 'zod';

export interface Issue {
  path: string;
  message: string;
}

/** An HTTP-facing failure: status, a stable error code and a sentence saying what is wrong. */
export class ApiFailure extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
    readonly headers: Record<string, string> = {},
    /** More fields of the answer's body, beside error, message and issues (e.g. a conflict's `current`). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export class ValidationError extends ApiFailure {
  constructor(message: string, issues: Issue[]) {
    super(400, 'invalid_request', `${message}: ${issues.map((issue) => `${issue.path || '(body)'}: ${issue.message}`).join('; ')}`, issues);
  }
}

export class NotFoundError extends ApiFailure {
  constructor(message: string) {
    super(404, 'not_found', message);
  }
}

/** Parses `value` with `schema`, or throws a 400 naming every problem of `what`. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(`Invalid ${what}`, issuesOf(parsed.error));
  return parsed.data;
}

export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
