// Which attachments a sync fetches in the background, by the user's policy.
import type { z } from 'zod';
import type { attachmentPolicySchema } from '../../../shared/sync';
import type { AttachmentJob } from '../portal/attachments';

export type AttachmentPolicy = z.infer<typeof attachmentPolicySchema>;

export const DEFAULT_ATTACHMENT_POLICY: AttachmentPolicy = Object.freeze({ mode: 'all', maxBytes: 50 * 1024 * 1024 });

/** Whether the background downloader should fetch this job under the policy ('on-demand' and 'none' → false; over maxBytes → false). */
export function policyAllows(policy: AttachmentPolicy, job: AttachmentJob): boolean {
  if (policy.mode !== 'all') return false;
  return policy.maxBytes === null || job.size <= policy.maxBytes;
}
