import { ContractError, createContractClient, createEventHub, type EwsiApi, type EwsiEvents } from '../../../shared/contract';
import { HARNESS_CALL_PATH, HARNESS_EVENTS_PATH, HARNESS_TOKEN_HEADER, HARNESS_TOKEN_META } from '../../../shared/harness';

const harnessToken = () => document.querySelector<HTMLMetaElement>(`meta[name="${HARNESS_TOKEN_META}"]`)?.content;

/**
 * The contract as the renderer sees it: window.ewsi from the preload inside
 * Electron, or the same contract over HTTP when the loopback harness served
 * this page (it puts the run's token in a <meta>).
 */
export function connectToCore(): EwsiApi {
  if (window.ewsi) return window.ewsi;
  const token = harnessToken();
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

let harnessEvents: EwsiEvents | undefined;

/** Core events: window.ewsiEvents from the preload, or the harness's server-sent events. */
export function connectToEvents(): EwsiEvents {
  if (window.ewsiEvents) return window.ewsiEvents;
  if (harnessEvents) return harnessEvents;
  const hub = createEventHub();
  const token = harnessToken();
  if (token) {
    const source = new EventSource(`${HARNESS_EVENTS_PATH}?token=${encodeURIComponent(token)}`);
    source.onmessage = (message) => {
      try {
        const { name, payload } = JSON.parse(message.data as string) as { name: unknown; payload: unknown };
        hub.deliver(name, payload);
      } catch {
        // Not JSON: nothing a listener could use.
      }
    };
  }
  harnessEvents = hub.events;
  return harnessEvents;
}
