// attachments.openExternally in the app: main asks the core for a verified
// copy of the PDF under its own file name (attachments.viewerCopy), then hands
// that file to the system's viewer (Electron's shell.openPath, given in). The
// core cannot do it: it runs outside Electron. No Electron import here, so this
// runs under Node in the tests, with the real core; shell.openPath is the one
// boundary they cannot reach.
import { attachmentViewerCopySchema } from '../../shared/library';
import { ContractError, failureEnvelope, parseCall, type Envelope } from '../../shared/contract';

export const OPEN_ATTACHMENT_METHOD = 'attachments.openExternally';

export interface OpenAttachmentDeps {
  /** One contract call to the core, answered as an envelope. */
  callCore: (method: string, args: unknown) => Promise<Envelope>;
  /** Electron's shell.openPath: resolves to '' when the file was opened, else to the system's error message. */
  openPath: (file: string) => Promise<string>;
}

export async function openAttachmentExternally(deps: OpenAttachmentDeps, rawArgs: unknown): Promise<Envelope> {
  try {
    const { args } = parseCall<'attachments.openExternally'>(OPEN_ATTACHMENT_METHOD, rawArgs);
    const answer = await deps.callCore('attachments.viewerCopy', { sha256: args.sha256 });
    if (!answer.ok) return answer;
    const copy = attachmentViewerCopySchema.parse(answer.value);
    const problem = await deps.openPath(copy.path);
    if (problem) throw new ContractError('failed', `The system could not open “${copy.fileName}”: ${problem}`);
    return { ok: true, value: { opened: true } };
  } catch (error) {
    return failureEnvelope(error);
  }
}
