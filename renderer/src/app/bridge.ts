import { ContractError, createContractClient, createEventHub, type EwsiApi, type EwsiEvents } from '../../../shared/contract';
import { HARNESS_CALL_PATH, HARNESS_EVENTS_PATH, HARNESS_TOKEN_HEADER, HARNESS_TOKEN_STORAGE_KEY, readHarnessFragment } from '../../../shared/harness';

function readStoredToken(): string | undefined {
  try {
    return sessionStorage.getItem(HARNESS_TOKEN_STORAGE_KEY) ?? undefined;
  } catch {
    return undefined; // Storage turned off: only the fragment of this load can connect.
  }
}

let handedToken: string | undefined;
let watchingFragment = false;

/** Takes a token the address's fragment hands over; true when there was one. */
function takeHandedToken(): { route: string } | null {
  const handed = readHarnessFragment(window.location.hash);
  if (!handed) return null;
  handedToken = handed.token;
  try {
    sessionStorage.setItem(HARNESS_TOKEN_STORAGE_KEY, handed.token);
  } catch {
    // Storage turned off: this load still connects; a reload needs the printed address again.
  }
  return { route: handed.route };
}

/**
 * The harness's token: from the address's fragment (`#ewsi-token=…`, as the
 * harness prints it), which is then replaced by the screen it names so the
 * token does not stay in the address bar or the history; kept in
 * sessionStorage (this tab only) for reloads. The address pasted into a tab
 * already showing the app changes only the fragment: that is taken too.
 */
function harnessToken(): string | undefined {
  const atLoad = takeHandedToken();
  // Before the router's first read: it sees the screen, never the token.
  if (atLoad) window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${atLoad.route ? `#${atLoad.route}` : ''}`);
  if (!watchingFragment) {
    watchingFragment = true;
    window.addEventListener('hashchange', () => {
      const later = takeHandedToken();
      // A replacing navigation: the router follows its hashchange, and the token leaves the history.
      if (later) window.location.replace(`#${later.route || '/'}`);
    });
  }
  return handedToken ?? readStoredToken();
}

/**
 * The contract as the renderer sees it: window.ewsi from the preload inside
 * Electron, or the same contract over HTTP when the loopback harness served
 * this page (its token comes in the address's fragment).
 */
export function connectToCore(): EwsiApi {
  if (window.ewsi) return window.ewsi;
  const token = harnessToken();
  if (!token) {
    throw new ContractError(
      'unavailable',
      'No connection to the EWSI core. In the browser harness, open the address it printed in its terminal, with its #ewsi-token=… part; else start the app with `npm start` or `npm run web`.',
    );
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
