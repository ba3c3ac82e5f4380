// JSON Lines import for editors: one operation per line,
//   {"op":"upsert","type":"document","record":{...}}
//   {"op":"delete","type":"document","id":"doc-1"}
//   {"op":"hide","type":"forum-post","id":"post-9"}   (and "unhide")
// The whole file is checked before anything is written.
import { z } from 'zod';
import { contentType, id } from '../shared/content';
import type { WriteOp } from './content/store';
import { issuesOf, ValidationError, type Issue } from './errors';

const importLine = z.discriminatedUnion('op', [
  z.object({ op: z.literal('upsert'), type: contentType, record: z.record(z.string(), z.unknown()) }),
  z.object({ op: z.enum(['delete', 'hide', 'unhide']), type: contentType, id }),
]);

export function parseImportLines(text: string): WriteOp[] {
  const ops: WriteOp[] = [];
  const issues: Issue[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      issues.push({ path: `line ${index + 1}`, message: `not JSON: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    const parsed = importLine.safeParse(value);
    if (!parsed.success) {
      issues.push(...issuesOf(parsed.error).map((issue) => ({ path: `line ${index + 1}${issue.path ? `.${issue.path}` : ''}`, message: issue.message })));
      continue;
    }
    const entry = parsed.data;
    ops.push(entry.op === 'upsert' ? { op: 'upsert', type: entry.type, fields: entry.record } : { op: entry.op, type: entry.type, id: entry.id });
  }
  if (issues.length > 0) throw new ValidationError(`Import refused, nothing written (${issues.length} problem${issues.length > 1 ? 's' : ''})`, issues.slice(0, 50));
  if (ops.length === 0) throw new ValidationError('Import refused', [{ path: '', message: 'the file has no operations' }]);
  return ops;
}
