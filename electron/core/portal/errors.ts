// The portal's error answers. It sends a JSON body `{ error, message }`
// (shared/portal-api's apiError); every portal call reads it here, and reads
// what it can from a body of another shape (a proxy's page, a cut-off answer).
import { z } from 'zod';

/** Parsed JSON, or undefined for text that is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// Each field on its own: a body with only a message still says something.
const errorFields = z.object({ error: z.string().optional().catch(undefined), message: z.string().optional().catch(undefined) });

export interface PortalErrorBody {
  /** The machine-readable code, e.g. `resync_required`, `request_in_progress`. */
  code?: string;
  /** The portal's own sentence. */
  message?: string;
}

/** What an error body says; empty when it is not the portal's JSON. */
export function readPortalError(body: string): PortalErrorBody {
  const parsed = errorFields.safeParse(parseJson(body));
  if (!parsed.success) return {};
  return { code: parsed.data.error, message: parsed.data.message };
}

/** "the portal answered 503: <its message>", else the start of whatever text it sent. */
export function describePortalAnswer(status: number, body: string): string {
  const { message } = readPortalError(body);
  if (message !== undefined) return `the portal answered ${status}: ${message}`;
  return `the portal answered ${status}${body ? `: ${body.slice(0, 200)}` : ''}`;
}

/** The portal answered, but not with what was asked for. */
export class PortalAnswerError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** Whether asking again later may succeed (5xx, 429, a garbled body). */
    readonly retryable: boolean,
    /** The portal's Retry-After, in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'PortalAnswerError';
  }
}
