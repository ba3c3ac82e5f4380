// The loopback harness and the renderer's browser bridge agree on these names.
export const HARNESS_TOKEN_META = 'ewsi-harness-token';
export const HARNESS_TOKEN_HEADER = 'x-ewsi-token';
export const HARNESS_CALL_PATH = '/ewsi/call';
/** Largest request body the harness accepts, in bytes. */
export const HARNESS_MAX_BODY = 1024 * 1024;
export const HARNESS_EVENTS_PATH = '/ewsi/events';
