// `ewsi`: EWSI Desktop's core from a terminal, for people who script their research.
//   ewsi sync --server URL --data DIR
//   ewsi status --data DIR [--json]
//   ewsi search QUERY --data DIR [--type T] [--country CC] [--json]
//   ewsi index-attachments --data DIR [--json]
//   ewsi sign-in --server URL --email E --data DIR    (password: EWSI_PASSWORD or a prompt)
//   ewsi reply THREAD_ID --body TEXT --data DIR
//   ewsi outbox --data DIR [--json]
//   ewsi push --data DIR
//   ewsi collect NAME ID… --data DIR
//   ewsi collections --data DIR [--json]
//   ewsi export --data DIR --collection NAME --format F --out FILE
//   ewsi cite ID… --style apa --locale de [--bibliography] [--format text|html|rtf] [--as-of YYYY-MM-DD]
//   ewsi history ID --data DIR [--json]
//   ewsi diff ID --from V --to V --data DIR [--json]
//   ewsi annotate ID --quote TEXT --note TEXT --data DIR [--key K] [--json]
//   ewsi calendar [ID…] [--saved-search NAME] [--type T --country CC] --out FILE.ics
//   ewsi me-sync --data DIR [--enable --device NAME | --disable | --status | --change-passphrase] [--json]
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, annotationTargetSchema, collectionName, exportFormat } from '../../../shared/annotations';
import { ContractError } from '../../../shared/contract';
import { ALLOW_INSECURE_PORTAL_FLAG } from '../../../shared/portal-transport';
import { CONTENT_TYPES, contentType, countryCode, isoDate } from '../../../shared/content';
import { portalAddress, settingsSchema, switchesPortal, type SyncProgress } from '../../../shared/sync';
import { readAppVersion } from '../app-version';
import { createCore, type Core } from '../core';
import { defaultDataDir } from '../data-dir';
import { portalIsUp } from '../portal/health';
import { noticeText } from '../search/notice-text';
import { SyncError } from '../sync/pull';
import { BIBLIOGRAPHY_FORMATS, CITATION_LOCALES, CITATION_STYLES, bibliographyFormat } from '../../../shared/citations';
import { formatBibliography, formatCitation } from '../citations/citeproc-engine';
import type { CalendarSource } from '../../../shared/calendar';
import { buildPrebuiltSnapshot } from './build-snapshot';
import { HistoryUsageError, annotateQuote, diffLines, historyLines, parseVersionRef } from './history-commands';
import { ME_SYNC_USAGE, MemberSyncUsageError, runMeSync, statusLines } from './member-sync-command';
import { UsageError, citationOptions, describeItem, fullTextSummary, historyTarget, linePrinter, megabytes, number, optionOf, parseItemId, progressPrinter, readPassword } from './cli-support';

const USAGE = `Usage:
  ewsi sync --server URL [--data DIR] [--page-size N] [${ALLOW_INSECURE_PORTAL_FLAG}]   bring the local copy up to date
  ewsi status [--data DIR] [--json]            what is stored, and the last sync
  ewsi build-snapshot --server URL --out DIR    the prebuilt corpus a portal serves for first syncs (DIR: its <storage>/snapshots/prebuilt)
  ewsi search QUERY [--data DIR] [--type T] [--country CC] [--sort rank|date] [--limit N] [--json]
      QUERY: words, "phrases", prefix*, OR, -exclusion, type: country: theme: lang: year:2019..2023, has:fulltext, in:attachment
  ewsi index-attachments [--data DIR] [--json]  extract and index the text of downloaded PDFs now
  ewsi sign-in --server URL --email E [--data DIR] [${ALLOW_INSECURE_PORTAL_FLAG}]   sign in as a member (password from EWSI_PASSWORD, else asked)
  ewsi sign-out [--data DIR]                    forget the session token
  ewsi reply THREAD_ID --body TEXT [--language xx] [--data DIR]   queue a forum reply in the outbox
  ewsi outbox [--data DIR] [--json]             the outbox's items and their states
  ewsi push [--data DIR] [--attempts N]         send the outbox now; exits 1 if anything is left undelivered
  ewsi collect NAME ID... [--data DIR]          add items to a collection (created if new); ID is type/id or a document id
  ewsi collections [--data DIR] [--json]        the collections and their items
  ewsi export --collection NAME --format ${EXPORT_FORMATS.join('|')} --out FILE [--data DIR]
      --format bibliography: [--style S] [--locale L] [--as ${BIBLIOGRAPHY_FORMATS.join('|')}]
  ewsi cite ID... [--collection NAME] [--style ${CITATION_STYLES.join('|')}] [--locale ${CITATION_LOCALES.join('|')}]
      [--bibliography] [--format ${BIBLIOGRAPHY_FORMATS.join('|')}] [--as-of YYYY-MM-DD] [--data DIR]   a citation (or bibliography) on standard output;
      --as-of cites each law as in force on that date (that version, its ELI or CELEX in point-in-time form)
  ewsi history ID [--data DIR] [--json]         the versions kept of a law or country sheet (ID: type/id or a document id)
  ewsi diff ID --from V --to V [--data DIR] [--json]   two versions compared article by article (V: a number, or a date YYYY-MM-DD)
  ewsi annotate ID --quote TEXT --note TEXT [--key K] [--data DIR] [--json]   a note on the one place TEXT occurs
  ewsi calendar [ID...] [--saved-search NAME] [--type funding|event] [--country CC] --out FILE.ics [--data DIR]
      funding deadlines and events as iCalendar: of the IDs, of a saved search, or of every record of the type (and country)
${ME_SYNC_USAGE}
The data folder defaults to EWSI_DATA_DIR or the app's own (${defaultDataDir()}).
A portal over plain http:// away from this computer is refused: passwords, the session token, documents and
updates would travel in clear. ${ALLOW_INSECURE_PORTAL_FLAG} allows it (saved, like --server, as the app's
"Allow an insecure portal" setting).`;

async function withCore<T>(dataDir: string, run: (core: Core) => Promise<T>, onProgress?: (p: SyncProgress) => void, pageLimit?: number): Promise<T> {
  const core = await createCore({
    dataDir,
    appVersion: readAppVersion(),
    sync: { pull: { pageLimit } },
    emit: (name, payload) => {
      if (name === 'sync.progress') onProgress?.(payload as SyncProgress);
    },
  });
  try {
    return await run(core);
  } finally {
    await core.close();
  }
}

/**
 * Saves `--server` (and, with --allow-insecure-portal, the permission) as the settings; the settings refuse
 * plain http away from this computer without the permission, with a message naming the flag.
 */
function usePortal(core: Core, server: string | undefined, allowInsecure: boolean): void {
  if (allowInsecure) core.settings.update({ allowInsecurePortal: true, ...(server ? { serverUrl: server } : {}) });
  else if (server) core.settings.update({ serverUrl: server });
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      server: { type: 'string' },
      data: { type: 'string' },
      json: { type: 'boolean', default: false },
      type: { type: 'string' },
      country: { type: 'string' },
      limit: { type: 'string' },
      'page-size': { type: 'string' },
      sort: { type: 'string' },
      email: { type: 'string' },
      body: { type: 'string' },
      language: { type: 'string' },
      attempts: { type: 'string' },
      collection: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      style: { type: 'string' },
      locale: { type: 'string' },
      as: { type: 'string' },
      bibliography: { type: 'boolean', default: false },
      'as-of': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      quote: { type: 'string' },
      note: { type: 'string' },
      key: { type: 'string' },
      'saved-search': { type: 'string' },
      'allow-insecure-portal': { type: 'boolean', default: false },
      enable: { type: 'boolean', default: false },
      disable: { type: 'boolean', default: false },
      status: { type: 'boolean', default: false },
      'change-passphrase': { type: 'boolean', default: false },
      'passphrase-stdin': { type: 'boolean', default: false },
      device: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  const dataDir = values.data ?? defaultDataDir();

  if (command === 'sync') {
    const pageSize = values['page-size'] === undefined ? undefined : Number(values['page-size']);
    if (pageSize !== undefined && (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000)) throw new UsageError('--page-size must be a whole number from 1 to 1000');
    const progress = progressPrinter(process.stderr);
    const result = await withCore(
      dataDir,
      async (core) => {
        const status = core.sync.status();
        if (values.server && !settingsSchema.shape.serverUrl.safeParse(values.server).success) throw new UsageError(`--server must be an http(s) address: ${values.server}`);
        if (!values.server && !status.serverUrl) throw new UsageError('ewsi sync needs --server URL the first time');
        // The permission to use a portal in clear is the user's word, given now; the address waits for a complete feed.
        if (values['allow-insecure-portal']) core.settings.update({ allowInsecurePortal: true });
        if (values.server && switchesPortal(status, values.server)) {
          console.error(`Switching to ${portalAddress(values.server)}: the library keeps its copy from ${status.libraryPortal} until the new portal's first complete copy has arrived.`);
        }
        const result = await core.sync.run(values.server);
        // Kept only once the portal has answered with a complete feed: a mistyped address is never remembered.
        if (values.server) core.settings.update({ serverUrl: values.server });
        return result;
      },
      (p) => progress.update(p),
      pageSize,
    );
    progress.done();
    const summary = `Synced to version ${result.cursor}: ${number(result.upserts)} updated, ${number(result.deletes)} deleted, ${megabytes(result.bytes)}${result.resynced ? ' (full resync)' : ''}; attachments: ${result.attachments.downloaded} downloaded, ${result.attachments.failed.length} failed`;
    if (result.snapshot && 'version' in result.snapshot) console.error(`Began from the portal's snapshot of version ${result.snapshot.version} (${number(result.snapshot.records)} records), then the change feed.`);
    if (result.snapshot && 'refused' in result.snapshot) console.error(`Synced through the change feed instead: ${result.snapshot.refused}.`);
    if (values.json) console.log(JSON.stringify(result));
    else console.log(summary);
    if (result.problems > 0) console.error(`${number(result.problems)} records stored with problems: see ewsi status`);
    for (const failure of result.attachments.failed) console.error(`attachment ${failure.sha256}: ${failure.message}`);
    return result.attachments.failed.length > 0 ? 1 : 0;
  }

  if (command === 'build-snapshot') {
    if (!values.server || !values.out) throw new UsageError('ewsi build-snapshot needs --server URL and --out DIR');
    const manifest = await buildPrebuiltSnapshot({ serverUrl: values.server, outDir: values.out, appVersion: readAppVersion(), allowInsecurePortal: values['allow-insecure-portal'] });
    console.log(JSON.stringify(manifest));
    return 0;
  }

  if (command === 'status') {
    const status = await withCore(dataDir, async (core) => {
      const current = core.sync.status();
      // "Online" means the portal answers now, not at the last sync.
      let online: boolean | null = null;
      // A portal nothing may be sent to (plain http, not allowed) is not asked either.
      if (current.serverUrl && current.portalSecurity !== 'insecure-refused') {
        online = await portalIsUp(current.serverUrl, 3000);
      }
      return { ...current, online, dataFolder: dataDir };
    });
    if (values.json) {
      console.log(JSON.stringify(status));
      return 0;
    }
    console.log(`Data folder: ${status.dataFolder}`);
    console.log(`Portal: ${status.serverUrl ?? 'not configured'} (${status.online === null ? 'unknown' : status.online ? 'online' : 'offline'})`);
    if (status.portalSecurity === 'insecure-allowed') console.log('Warning: this portal is reached over plain http: passwords, the session token, documents and updates travel unencrypted.');
    if (status.portalSecurity === 'insecure-refused') console.log(`Not contacted: the address is plain http away from this computer; pass ${ALLOW_INSECURE_PORTAL_FLAG} to ewsi sync to allow it.`);
    console.log(`Last sync: ${status.lastSyncAt ?? 'never'}; cursor ${status.cursor} of ${status.latest}`);
    for (const type of CONTENT_TYPES) console.log(`  ${type.padEnd(16)} ${number(status.counts[type] ?? 0).padStart(9)}`);
    console.log(`Attachments: ${status.attachments.present} present, ${status.attachments.missing} missing (${megabytes(status.attachments.missingBytes)})`);
    console.log(`Full text: ${fullTextSummary(status.fullText)}`);
    for (const failure of status.fullText.failures) console.log(`  ${failure.sha256}: ${failure.reason}`);
    if (status.problems.count > 0) {
      console.log(`Records stored with problems: ${number(status.problems.count)} (found by title only, or without facets)`);
      for (const problem of status.problems.newest) console.log(`  ${problem.type}/${problem.id} v${problem.version}: ${problem.reason}`);
    }
    return 0;
  }

  if (command === 'search') {
    const words = rest.join(' ').trim();
    if (!words) throw new UsageError('ewsi search needs a QUERY');
    const type = values.type === undefined ? undefined : contentType.safeParse(values.type);
    const country = values.country === undefined ? undefined : countryCode.safeParse(values.country.toUpperCase());
    if (country && !country.success) throw new UsageError('--country must be a two-letter code such as DE');
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError('--limit must be a whole number from 1 to 100');
    // --type and --country are the query language's filters; --type also takes a document type (legislation, report, …).
    const query = [words, values.type ? `type:${type?.success ? type.data : values.type}` : '', country?.success ? `country:${country.data}` : ''].filter(Boolean).join(' ');
    const result = await withCore(dataDir, async (core) => core.search.search({ query, limit, sort: values.sort === 'date' ? 'date' : 'rank' }));
    if (values.json) {
      console.log(JSON.stringify({ query, ...result }));
      return 0;
    }
    for (const notice of result.notices) console.error(noticeText(notice));
    for (const relaxation of result.relaxations) console.error(`Without ${relaxation.dropped}: ${number(relaxation.total)} (${relaxation.query})`);
    const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[22m` : `[${text}]`);
    console.log(`${number(result.total)} match${result.total === 1 ? '' : 'es'} for ${query}`);
    for (const hit of result.hits) {
      console.log(`\n${hit.type.padEnd(16)} ${hit.id}  ${hit.date}  ${hit.title}`);
      console.log(`  ${hit.snippet.map((part) => (part.match ? bold(part.text) : part.text)).join('')}`);
      if (hit.attachment) console.log(`  ${hit.attachment.fileName}, p. ${hit.attachment.page}: ${hit.attachment.snippet.map((part) => (part.match ? bold(part.text) : part.text)).join('')}`);
      if (hit.fullTextNotHere) console.log(`  (full text not on this computer: ${hit.fullTextNotHere} PDF${hit.fullTextNotHere === 1 ? '' : 's'} not downloaded)`);
    }
    const facet = (name: string, counts: Array<{ value: string; count: number }>) => counts.length && console.log(`${name}: ${counts.slice(0, 8).map((c) => `${c.value} ${c.count}`).join(', ')}`);
    console.log('');
    facet('type', result.facets.type);
    facet('country', result.facets.country);
    facet('language', result.facets.language);
    facet('year', [...result.facets.year].sort((a, b) => b.value.localeCompare(a.value)));
    return 0;
  }
  if (command === 'index-attachments') {
    const line = linePrinter(process.stderr);
    const { outcomes, fullText } = await withCore(dataDir, async (core) => {
      const waiting = core.sync.fullTextStatus().pending;
      let filesDone = 0;
      core.sync.textExtractor.onFinished(() => (filesDone += 1));
      core.sync.textExtractor.onProgress(({ current }) => {
        if (!current) return;
        const pages = current.pages ? ` p. ${current.page} of ${current.pages}` : '';
        line.draw(waiting ? Math.min(1, (filesDone + (current.pages ? current.page / current.pages : 0)) / waiting) : 1, `${number(filesDone)} of ${number(waiting)} PDFs, ${current.fileName}${pages}`);
      });
      const outcomes = await core.sync.textExtractor.run();
      return { outcomes, fullText: core.sync.fullTextStatus() };
    });
    line.done();
    if (values.json) {
      console.log(JSON.stringify({ outcomes, fullText }));
      return 0;
    }
    console.log(`Extracted ${number(outcomes.length)} PDF${outcomes.length === 1 ? '' : 's'}; ${fullTextSummary(fullText)}`);
    // A file stopped at its budget is the file's problem, reported, not the command's failure.
    for (const outcome of outcomes) if (outcome.status === 'failed') console.error(`${outcome.fileName} (${outcome.sha256}): ${outcome.reason}`);
    return 0;
  }

  if (command === 'sign-in') {
    if (!values.email) throw new UsageError('ewsi sign-in needs --email E');
    const password = process.env.EWSI_PASSWORD ?? (await readPassword(`Password for ${values.email}: `));
    if (!password) throw new UsageError('No password: set EWSI_PASSWORD or type it when asked');
    const status = await withCore(dataDir, async (core) => {
      if (values['allow-insecure-portal']) usePortal(core, undefined, true);
      const server = values.server ?? core.settings.get().serverUrl ?? core.auth.status().serverUrl;
      if (!server) throw new UsageError('ewsi sign-in needs --server URL the first time');
      return core.handlers['auth.signIn']({ serverUrl: server, email: values.email!, password });
    });
    console.log(`Signed in to ${status.serverUrl} as ${status.member?.displayName} (${status.email}); token kept in ${status.tokenStorage}, valid until ${status.expiresAt}`);
    return 0;
  }

  if (command === 'sign-out') {
    const { revokedOnPortal } = await withCore(dataDir, async (core) => core.auth.signOut());
    console.log(`Signed out${revokedOnPortal ? ' and the session ended on the portal' : '; the portal could not be reached, so the session lapses at its expiry'}; the outbox keeps its items.`);
    return 0;
  }

  if (command === 'reply') {
    const [threadId, ...extra] = rest;
    if (!threadId || extra.length > 0) throw new UsageError('ewsi reply needs exactly one THREAD_ID');
    if (values.body === undefined) throw new UsageError('ewsi reply needs --body TEXT');
    const item = await withCore(dataDir, async (core) => core.outbox.compose('forum.reply', { threadId, body: values.body, ...(values.language ? { language: values.language } : {}) }));
    if (values.json) console.log(JSON.stringify(item));
    else console.log(`Queued reply ${item.id} to ${threadId} (Idempotency-Key ${item.idempotencyKey}); send it with: ewsi push`);
    return 0;
  }

  if (command === 'outbox') {
    const { items, status, auth } = await withCore(dataDir, async (core) => ({ ...core.outbox.list({ includeSynced: true }), status: core.outbox.status(), auth: core.auth.status() }));
    if (values.json) {
      console.log(JSON.stringify({ items, counts: status.counts, pending: status.pending, signedIn: auth.signedIn, signInRequired: auth.signInRequired }));
      return 0;
    }
    console.log(`Outbox: ${status.counts.queued} queued, ${status.counts.sending} sending, ${status.counts.needsAttention} need attention, ${status.counts.sent} sent, ${status.counts.cancelled} cancelled${status.counts.restored ? `, ${status.counts.restored} restored from a backup (confirm each in the app before it is sent)` : ''}`);
    console.log(auth.signedIn ? `Signed in to ${auth.serverUrl} as ${auth.email}` : auth.signInRequired ? `Sign-in required (${auth.email} at ${auth.serverUrl})` : 'Not signed in');
    for (const item of items) console.log(describeItem(item));
    return 0;
  }

  if (command === 'push') {
    const attempts = values.attempts === undefined ? 8 : Number(values.attempts);
    if (!Number.isInteger(attempts) || attempts < 1 || attempts > 1000) throw new UsageError('--attempts must be a whole number from 1 to 1000');
    const { result, items } = await withCore(dataDir, async (core) => {
      const outcome = await core.outbox.push({ maxAttemptsPerRun: attempts });
      return { result: outcome, items: core.outbox.list({ states: ['queued', 'sending', 'needs_attention', 'restored'], includeSynced: true }).items };
    });
    console.log(`Sent ${result.sent}; ${result.remaining} left undelivered${result.signInRequired ? ' (sign-in required: run ewsi sign-in)' : ''}`);
    for (const item of items) console.error(describeItem(item));
    return result.remaining > 0 ? 1 : 0;
  }

  if (command === 'collect') {
    const [rawName, ...ids] = rest;
    if (!rawName || ids.length === 0) throw new UsageError('ewsi collect needs a collection NAME and at least one ID');
    const parsedName = collectionName.safeParse(rawName);
    if (!parsedName.success) throw new UsageError(`NAME: ${parsedName.error.issues[0]?.message}`);
    const name = parsedName.data;
    const items = ids.map(parseItemId);
    const collection = await withCore(dataDir, async (core) => {
      const missing = items.filter((item) => !core.library.reader.exists(item.type, item.id));
      if (missing.length > 0) throw new UsageError(`Not in the local library: ${missing.map((item) => `${item.type}/${item.id}`).join(', ')} (sync first, or check the ids)`);
      return core.handlers['collections.addItems']({ name, items, create: true });
    });
    if (values.json) console.log(JSON.stringify(collection));
    else console.log(`Collection "${collection.name}" now has ${collection.items.length} item${collection.items.length === 1 ? '' : 's'}`);
    return 0;
  }

  if (command === 'collections') {
    const collections = await withCore(dataDir, async (core) => core.handlers['collections.list']({}));
    if (values.json) {
      console.log(JSON.stringify(collections));
      return 0;
    }
    if (collections.length === 0) console.log('No collections yet; make one with: ewsi collect NAME ID...');
    for (const collection of collections) {
      console.log(`${collection.name} (${collection.items.length} item${collection.items.length === 1 ? '' : 's'})${collection.note ? `: ${collection.note}` : ''}`);
      for (const item of collection.items) console.log(`  ${`${item.type}/${item.id}`.padEnd(40)} ${item.title ?? '(not in the local library)'}${item.note ? `  — ${item.note}` : ''}`);
    }
    return 0;
  }

  if (command === 'export') {
    if (!values.collection) throw new UsageError('ewsi export needs --collection NAME');
    const format = exportFormat.safeParse(values.format);
    if (!format.success) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    if (!values.out) throw new UsageError('ewsi export needs --out FILE');
    const bibliography = format.data === 'bibliography' ? { ...citationOptions(values), format: optionOf(bibliographyFormat, values.as, 'html', '--as') } : undefined;
    const file = await withCore(dataDir, async (core) => core.exporter.export(values.collection!, format.data, bibliography));
    fs.writeFileSync(values.out, file.bytes);
    console.log(`Wrote ${values.out} (${file.mediaType}, ${number(file.bytes.length)} bytes)`);
    return 0;
  }

  if (command === 'cite') {
    if (rest.length === 0 && !values.collection) throw new UsageError('ewsi cite needs at least one ID, or --collection NAME');
    const { style, locale } = citationOptions(values);
    const format = optionOf(bibliographyFormat, values.format, 'text', '--format');
    const keys = rest.map(parseItemId);
    const asOf = values['as-of'] === undefined ? undefined : isoDate.safeParse(values['as-of']);
    if (asOf && !asOf.success) throw new UsageError('--as-of must be a date such as 2021-07-01');
    const written = await withCore(dataDir, async (core) => {
      const collected = values.collection ? core.collections.get(values.collection).items : [];
      const { items, missing } = core.citations.cslItems([...keys, ...collected], asOf?.data);
      if (missing.length > 0 && keys.length > 0) throw new UsageError(`Not in the local library: ${missing.map((item) => `${item.type}/${item.id}`).join(', ')} (sync first, or check the ids)`);
      return values.bibliography ? formatBibliography(items, style, locale, format) : `${formatCitation(items, style, locale, format)}\n`;
    });
    process.stdout.write(written);
    return 0;
  }

  if (command === 'history' || command === 'diff') {
    const target = historyTarget(rest[0], command);
    if (command === 'history') {
      const { json, lines } = await withCore(dataDir, (core) => historyLines(core, target));
      console.log(values.json ? JSON.stringify(json) : lines.join('\n'));
      return 0;
    }
    const from = parseVersionRef(values.from, '--from');
    const to = parseVersionRef(values.to, '--to');
    const diff = await withCore(dataDir, (core) => core.handlers['history.diff']({ target, from, to }));
    console.log(values.json ? JSON.stringify(diff) : diffLines(diff).join('\n'));
    return 0;
  }

  if (command === 'annotate') {
    if (!rest[0]) throw new UsageError('ewsi annotate needs the ID of a document, country-sheet/ID or good-practice/ID');
    if (!values.quote) throw new UsageError('ewsi annotate needs --quote TEXT: the words the note is on');
    const item = parseItemId(rest[0]);
    const target = annotationTargetSchema.safeParse({ type: item.type, id: item.id, key: values.key ?? null });
    if (!target.success) throw new UsageError(`${rest[0]}: ${target.error.issues[0]?.message ?? 'cannot be annotated'}`);
    const annotation = await withCore(dataDir, (core) => annotateQuote(core, target.data, values.quote!, values.note ?? ''));
    if (values.json) console.log(JSON.stringify(annotation));
    else console.log(`Annotated "${annotation.quote.exact}" in ${annotation.target.type}/${annotation.target.id} at version ${annotation.textVersion} (annotation ${annotation.id})`);
    return 0;
  }

  if (command === 'calendar') {
    if (!values.out) throw new UsageError('ewsi calendar needs --out FILE.ics');
    const country = values.country === undefined ? undefined : countryCode.safeParse(values.country.toUpperCase());
    if (country && !country.success) throw new UsageError('--country must be a two-letter code such as DE');
    const type = values.type === undefined ? undefined : contentType.safeParse(values.type);
    if (type && !type.success) throw new UsageError(`--type must be one of ${CONTENT_TYPES.join(', ')}`);
    const source: CalendarSource = values['saved-search']
      ? { kind: 'saved-search', id: values['saved-search'] }
      : rest.length > 0
        ? { kind: 'items', items: rest.map(parseItemId) }
        : { kind: 'matching', source: { from: 'list', filters: { types: type?.data ? [type.data] : ['funding', 'event'], kinds: [], countries: country?.data ? [country.data] : [], themes: [], languages: [] }, sort: 'date-asc' } };
    const file = await withCore(dataDir, async (core) => core.calendar.export(source));
    fs.writeFileSync(values.out, file.text);
    console.log(`Wrote ${values.out}: ${file.entries} calendar entr${file.entries === 1 ? 'y' : 'ies'}${file.skipped ? ` (${file.skipped} without a date to put in a calendar)` : ''}`);
    return 0;
  }

  if (command === 'me-sync') {
    const flags = { enable: values.enable, disable: values.disable, status: values.status, changePassphrase: values['change-passphrase'], device: values.device, passphraseStdin: values['passphrase-stdin'] };
    const { status, code } = await withCore(dataDir, (core) => runMeSync(core, flags));
    console.log(values.json ? JSON.stringify(status) : statusLines(status).join('\n'));
    return code;
  }

  throw new UsageError(`Unknown command "${command}"`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof HistoryUsageError || error instanceof MemberSyncUsageError) console.error(error.message);
    else if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof SyncError) console.error(`Sync failed (${error.kind}): ${error.message}`);
    else if (error instanceof ContractError) console.error(error.message);
    else console.error(error instanceof Error ? error.message : String(error));
    process.exit(error instanceof UsageError || error instanceof HistoryUsageError || error instanceof MemberSyncUsageError ? 2 : 1);
  },
);
