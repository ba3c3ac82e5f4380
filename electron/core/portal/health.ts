// GET /healthz: whether the portal answers now.
import { getText } from './http';
import { portalPaths, portalUrl } from './urls';

/** True when the portal answers its health check with 200 within `timeoutMs`; false for any other answer or none. */
export function portalIsUp(serverUrl: string, timeoutMs: number): Promise<boolean> {
  return getText(portalUrl(serverUrl, portalPaths.health), { timeoutMs }).then(
    (response) => response.status === 200,
    () => false,
  );
}
