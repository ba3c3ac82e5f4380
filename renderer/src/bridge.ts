import { ContractError, createContractClient, type EwsiApi } from '../../shared/contract';
import { HARNESS_CALL_PATH, HARNESS_TOKEN_HEADER, HARNESS_TOKEN_META } from '../../shared/harness';

/**
 * The contract as the renderer sees it: window.ewsi from the preload inside
 * Electron, or the same contract over HTTP when the loopback harness served
 * this page (it puts the run's token in a <meta>).
 */
export function connectToCore(): EwsiApi {
  if (window.ewsi) return window.ewsi;
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${HARNESS_TOKEN_META}"]`)?.content;
  if (!token) {
    throw new ContractError('unavailable', 'No connection to the EWSI core: start the app with `npm start` or `npm run web`.');
  }
  return createContractClient(async (method, args) => {
    let response: Response;
    try {
      response = await fetch(HARNESS_CALL_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [HARNESS_TOKEN_HEADER]: token },
        body: JSON.stringify({ method, args }),
      });
    } catch (error) {
      throw new ContractError('unavailable', `The EWSI core is not reachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    return response.json();
  });
}
