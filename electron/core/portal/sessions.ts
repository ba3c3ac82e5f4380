// POST /sessions: signing in with e-mail and password gives a bearer token.
// DELETE /sessions/current: signing out revokes it on the portal.
import type { z } from 'zod';
import { ContractError } from '../../../shared/contract';
import { sessionResponse } from '../../../shared/portal-api';
import { parseJson, readPortalError } from './errors';
import { NetworkError, requestText } from './http';
import { portalPaths, portalUrl } from './urls';

export type PortalSessionAnswer = z.infer<typeof sessionResponse>;

/** Asks the portal for a session; ContractError 'unavailable' without an answer, 'unauthenticated' for a 401, 'failed' otherwise. */
export async function requestSession(serverUrl: string, credentials: { email: string; password: string }, options: { timeoutMs: number }): Promise<PortalSessionAnswer> {
  let response;
  try {
    response = await requestText('POST', portalUrl(serverUrl, portalPaths.sessions), {
      body: JSON.stringify({ email: credentials.email, password: credentials.password }),
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      timeoutMs: options.timeoutMs,
    });
  } catch (error) {
    if (error instanceof NetworkError) throw new ContractError('unavailable', `Cannot sign in: ${error.message}`);
    throw error;
  }
  if (response.status !== 201 && response.status !== 200) {
    const message = readPortalError(response.body).message ?? `HTTP ${response.status}`;
    throw new ContractError(response.status === 401 ? 'unauthenticated' : 'failed', `The portal refused the sign-in: ${message}`);
  }
  const parsed = sessionResponse.safeParse(parseJson(response.body));
  if (!parsed.success) throw new ContractError('failed', `The portal's answer to the sign-in is not a session: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** Revokes the token on the portal. False when the portal could not be reached (the token then lapses at its expiry). */
export async function endSession(serverUrl: string, token: string, options: { timeoutMs: number }): Promise<boolean> {
  try {
    const response = await requestText('DELETE', portalUrl(serverUrl, portalPaths.currentSession), { headers: { authorization: `Bearer ${token}` }, timeoutMs: options.timeoutMs, deadlineMs: options.timeoutMs });
    // 204 revoked; 401 already unknown or expired: either way the token is no good any more.
    return response.status === 204 || response.status === 401;
  } catch (error) {
    if (error instanceof NetworkError) return false;
    throw error;
  }
}
