import { failureEnvelope, parseCall, ContractError, type Envelope } from '../../shared/contract';
import { isAppUrl } from './navigation-policy';

/**
 * Checks one IPC call before it reaches the core: the sending frame must be our
 * renderer, the method must be in the contract and the arguments must parse.
 * Returns the failure envelope to answer with, or undefined when the call may pass.
 */
export function refuseUntrustedCall(senderUrl: string | undefined, method: unknown, args: unknown, devServerUrl?: string): Envelope | undefined {
  if (!senderUrl || !isAppUrl(senderUrl, devServerUrl)) {
    return failureEnvelope(new ContractError('unavailable', `Refused a call from ${senderUrl ?? 'an unknown frame'}: not the EWSI renderer`));
  }
  try {
    parseCall(method, args);
    return undefined;
  } catch (error) {
    return failureEnvelope(error);
  }
}
