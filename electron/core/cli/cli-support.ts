// What the `ewsi` command's subcommands share: usage errors, number and
// progress printing on a terminal, option and item-id parsing, the password
// prompt. Kept apart from ewsi.ts, which is the commands themselves.
import { z } from 'zod';
import { CONTENT_TYPES, contentType, id as idSchema, type ContentType } from '../../../shared/content';
import { citationLocale, citationStyle, type CitationLocale, type CitationStyle } from '../../../shared/citations';
import type { OutboxItem } from '../../../shared/outbox';
import type { FullTextStatus, SyncProgress } from '../../../shared/sync';

export class UsageError extends Error {}

export const number = (n: number) => n.toLocaleString('en');
export const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** "1,812 of 1,840 PDFs indexed, 28 without text", and what else is not searchable. */
export function fullTextSummary(fullText: FullTextStatus): string {
  const rest = [
    fullText.failed ? `${number(fullText.failed)} failed` : '',
    fullText.notDownloaded ? `${number(fullText.notDownloaded)} not on this computer` : '',
    fullText.pending ? `${number(fullText.pending)} waiting` : '',
  ].filter(Boolean);
  return `${number(fullText.indexed)} of ${number(fullText.pdfs)} PDFs indexed, ${number(fullText.withoutText)} without text${rest.length ? `, ${rest.join(', ')}` : ''} (${number(fullText.pages)} pages)`;
}

/** One line of progress: redrawn in place on a terminal, printed at most every 2 s otherwise. */
export function linePrinter(stream: NodeJS.WriteStream) {
  let lastPlain = 0;
  return {
    draw(fraction: number, text: string) {
      if (stream.isTTY) {
        const width = 24;
        const filled = Math.round(fraction * width);
        stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${Math.round(fraction * 100)}% ${text}\x1b[K`);
      } else if (Date.now() - lastPlain > 2000) {
        lastPlain = Date.now();
        stream.write(`${text}\n`);
      }
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}

export function progressPrinter(stream: NodeJS.WriteStream) {
  const line = linePrinter(stream);
  return {
    update(progress: SyncProgress) {
      const total = progress.latest || 1;
      const eta = progress.etaSeconds === null ? '' : ` ETA ${Math.ceil(progress.etaSeconds)} s`;
      const texts: Record<SyncProgress['phase'], () => string> = {
        'snapshot-download': () => `snapshot of version ${progress.latest}: ${megabytes(progress.bytes)}${eta}`,
        'snapshot-load': () => `snapshot of version ${progress.latest}: ${number(progress.records)} records loaded, ${number(Math.round(progress.rate))}/s${eta}`,
        pulling: () => `${progress.resyncing ? 'resync ' : ''}${number(progress.records)} records, ${megabytes(progress.bytes)}, ${number(Math.round(progress.rate))}/s${eta}`,
        attachments: () => `attachments: ${number(progress.records)} files, ${megabytes(progress.bytes)}`,
      };
      line.draw(Math.min(1, progress.cursor / total), texts[progress.phase]());
    },
    done: () => line.done(),
  };
}

/** A choice among a schema's values, or the default; a clear usage error otherwise. */
export function optionOf<T extends string>(schema: z.ZodType<T>, value: string | undefined, fallback: T, flag: string): T {
  if (value === undefined) return fallback;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`${flag} must be one of: ${(schema instanceof z.ZodEnum ? schema.options : []).join(', ')}`);
  return parsed.data;
}

export function citationOptions(values: { style?: string; locale?: string }): { style: CitationStyle; locale: CitationLocale } {
  return { style: optionOf(citationStyle, values.style, 'apa', '--style'), locale: optionOf(citationLocale, values.locale, 'en', '--locale') };
}

/** The law or country sheet a history command is about. */
export function historyTarget(text: string | undefined, command: string): { type: 'document' | 'country-sheet'; id: string } {
  if (!text) throw new UsageError(`ewsi ${command} needs the ID of a law (a document id) or country-sheet/ID`);
  const item = parseItemId(text);
  if (item.type !== 'document' && item.type !== 'country-sheet') throw new UsageError(`"${text}": only legislation and country sheets have versions`);
  return { type: item.type, id: item.id };
}

/** "type/id" or a bare document id. */
export function parseItemId(text: string): { type: ContentType; id: string } {
  const slash = text.indexOf('/');
  const [typeText, idText] = slash === -1 ? ['document', text] : [text.slice(0, slash), text.slice(slash + 1)];
  const type = contentType.safeParse(typeText);
  if (!type.success) throw new UsageError(`"${text}": ${typeText} is not a content type (${CONTENT_TYPES.join(', ')})`);
  const id = idSchema.safeParse(idText);
  if (!id.success) throw new UsageError(`"${text}": the id ${id.error.issues[0]?.message ?? 'is invalid'}`);
  return { type: type.data, id: id.data };
}

export function describeItem(item: OutboxItem): string {
  const what =
    item.kind === 'forum.reply' ? `reply to ${item.payload.threadId}` : item.kind === 'forum.thread' ? `thread "${item.payload.title}" in ${item.payload.forumId}` : `partner request "${item.payload.title}"`;
  const state = item.state.replace('_', ' ');
  const detail = item.state === 'sent' ? ` → ${item.result?.type} ${item.result?.id}` : item.lastError ? `: ${item.lastError}` : '';
  return `  ${String(item.seq).padStart(4)}  ${state.padEnd(15)} ${item.id}  ${what} (${item.attempts} attempt${item.attempts === 1 ? '' : 's'})${detail}`;
}

/** Reads a password: from a terminal without echo, else the first line of standard input. */
export function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    return new Promise((resolve, reject) => {
      let text = '';
      stdin.setEncoding('utf8');
      stdin.on('data', (chunk: string) => {
        text += chunk;
        if (text.includes('\n')) {
          stdin.pause();
          resolve(text.split(/\r?\n/)[0]!);
        }
      });
      stdin.once('end', () => resolve(text.split(/\r?\n/)[0] ?? ''));
      stdin.once('error', reject);
    });
  }
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let password = '';
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(password);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new UsageError('Cancelled'));
        if (char === '\u007f' || char === '\b') password = password.slice(0, -1);
        else password += char;
      }
    };
    stdin.on('data', onData);
  });
}
