// Forums, read offline from the synced corpus: the forums, a forum's threads,
// a thread's posts in order (their bodies are the portal's HTML: sanitized).
// Members write here too: a new thread in a forum, a reply in a thread. What
// they write goes to the outbox; until its synced copy arrives it is shown
// below the synced items as "not yet sent", and once it has arrived only the
// synced copy is shown (outbox.list with includeSynced: false).
//
// Routes: #/forums, #/forums/f/<forumId>?page=N, #/forums/t/<threadId>?page=N.
import { Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RecordDetail, RecordListResult } from '../../../../shared/library';
import type { OutboxItem } from '../../../../shared/outbox';
import { useApi } from '../../app/core';
import { href, type Route } from '../../app/router';
import { useSync } from '../../app/sync-state';
import { useLoad } from '../../app/use-load';
import { LoadFailure } from '../../ui/LoadFailure';
import { formatDate, formatNumber } from '../../ui/format';
import { sanitizeHtml } from '../../ui/sanitize';
import { DraftList } from '../outbox/DraftList';
import { UNSENT_STATES, useOutboxItems } from '../outbox/outbox-state';
import { ForumComposer } from './ForumComposer';
import { OutboxHint } from './OutboxHint';

const THREAD_PAGE = 20;
const POST_PAGE = 50;

const pageOf = (route: Route) => Math.max(1, Number.parseInt(route.params.get('page') ?? '1', 10) || 1);

export function ForumsScreen({ route }: { route: Route }) {
  const [kind, id] = route.rest;
  if (kind === 'f' && id) return <ForumView key={id} forumId={id} page={pageOf(route)} />;
  if (kind === 't' && id) return <ThreadView key={id} threadId={id} page={pageOf(route)} />;
  return <ForumList />;
}

/** Part of the key of every read of synced records: a finished sync may have brought new ones. */
function useSyncKey(): string {
  const { status } = useSync();
  return status?.running ? 'running' : (status?.lastSyncAt ?? 'never');
}

function ForumList() {
  const { t } = useTranslation();
  const api = useApi();
  const syncKey = useSyncKey();
  const forums = useLoad<RecordListResult>(`forums|${syncKey}`, () => api['records.list']({ types: ['forum'], sort: 'title', limit: 200 }));
  return (
    <section aria-labelledby="screen-title" className="screen">
      <h1 id="screen-title" tabIndex={-1}>
        {t('screens.forums')}
      </h1>
      <p className="lede">{t('forums.lede')}</p>
      {forums.status === 'loading' && <p role="status">{t('forums.loading')}</p>}
      <LoadFailure load={forums} />
      {forums.status === 'ready' && forums.value.total === 0 && <p className="card notice">{t('forums.none')}</p>}
      {forums.status === 'ready' && forums.value.total > 0 && (
        <ul className="plain-list hits" data-testid="forum-list">
          {forums.value.items.map((forum) => (
            <li key={forum.id} className="hit">
              <h2 className="hit-title">
                <a href={href('forums', {}, ['f', forum.id])}>{forum.title}</a>
              </h2>
              {forum.summary && <p className="snippet">{forum.summary}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Pager({ page, pages, to, label }: { page: number; pages: number; to: (page: number) => string; label: string }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      {page > 1 ? <a href={to(page - 1)}>{t('search.previous')}</a> : <span className="muted">{t('search.previous')}</span>}
      <span>{t('search.pageOf', { page, pages })}</span>
      {page < pages ? <a href={to(page + 1)}>{t('search.next')}</a> : <span className="muted">{t('search.next')}</span>}
    </nav>
  );
}

function ForumView({ forumId, page }: { forumId: string; page: number }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const locale = i18n.language;
  const syncKey = useSyncKey();
  const forum = useLoad<RecordDetail>(`${forumId}|${syncKey}`, () => api['records.get']({ type: 'forum', id: forumId }));
  const threads = useLoad<RecordListResult>(`${forumId}|${page}|${syncKey}`, () =>
    api['records.list']({ types: ['forum-thread'], parents: [forumId], sort: 'date-desc', offset: (page - 1) * THREAD_PAGE, limit: THREAD_PAGE }),
  );
  const drafts = useOutboxItems({ kind: 'forum.thread', states: UNSENT_STATES, includeSynced: false });
  const mine = drafts.status === 'ready' ? drafts.value.filter((item) => item.kind === 'forum.thread' && item.payload.forumId === forumId) : [];
  const title = forum.status === 'ready' && forum.value.type === 'forum' ? forum.value.record.title : forumId;
  const pages = threads.status === 'ready' ? Math.max(1, Math.ceil(threads.value.total / THREAD_PAGE)) : 1;

  return (
    <section aria-labelledby="screen-title" className="screen">
      <p className="breadcrumb">
        <a href={href('forums')}>{t('forums.allForums')}</a>
      </p>
      <h1 id="screen-title" tabIndex={-1}>
        {title}
      </h1>
      {forum.status === 'ready' && forum.value.type === 'forum' && forum.value.record.description && <p className="lede">{forum.value.record.description}</p>}
      <LoadFailure load={forum} />
      <div role="status" className="search-summary">
        {threads.status === 'loading' && t('forums.loading')}
        {threads.status === 'ready' && t('forums.threadCount', { count: threads.value.total, formatted: formatNumber(threads.value.total, locale) })}
      </div>
      <LoadFailure load={threads} />
      {threads.status === 'ready' && threads.value.items.length > 0 && (
        <ul className="plain-list hits" data-testid="thread-list">
          {threads.value.items.map((thread) => (
            <li key={thread.id} className="hit">
              <h2 className="hit-title">
                <a href={href('forums', {}, ['t', thread.id])}>{thread.title}</a>
              </h2>
              <p className="muted hit-meta">{formatDate(thread.date, locale)}</p>
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} pages={pages} to={(next) => href('forums', { page: next }, ['f', forumId])} label={t('forums.threadPages')} />
      <DraftList
        items={mine}
        label={t('forums.yourThreads')}
        render={(item) =>
          item.kind === 'forum.thread' && (
            <>
              <h3>{item.payload.title}</h3>
              <p className="own-text">{item.payload.body}</p>
            </>
          )
        }
      />
      <NewThreadForm forumId={forumId} />
    </section>
  );
}

function SignInHint() {
  return (
    <Text slot="description" className="muted">
      <OutboxHint />
    </Text>
  );
}

function NewThreadForm({ forumId }: { forumId: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  return (
    <ForumComposer
      heading={t('forums.newThread')}
      headingId="new-thread"
      title=""
      bodyLabel={t('forums.message')}
      rows={5}
      hint={<SignInHint />}
      submitLabel={t('forums.startThread')}
      onSubmit={async ({ title, body }) => {
        await api['outbox.composeThread']({ forumId, title, body, language: i18n.language });
        return t('forums.threadQueued');
      }}
    />
  );
}

type Post = Extract<RecordDetail, { type: 'forum-post' }>['record'];

function ThreadView({ threadId, page }: { threadId: string; page: number }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const locale = i18n.language;
  const syncKey = useSyncKey();
  const thread = useLoad<RecordDetail>(`${threadId}|${syncKey}`, () => api['records.get']({ type: 'forum-thread', id: threadId }));
  const posts = useLoad<{ total: number; posts: Post[] }>(`${threadId}|${page}|${syncKey}`, async () => {
    const list = await api['records.list']({ types: ['forum-post'], parents: [threadId], sort: 'date-asc', offset: (page - 1) * POST_PAGE, limit: POST_PAGE });
    const details = await Promise.all(list.items.map((item) => api['records.get']({ type: 'forum-post', id: item.id })));
    return { total: list.total, posts: details.flatMap((detail) => (detail.type === 'forum-post' ? [detail.record] : [])) };
  });
  const drafts = useOutboxItems({ threadId, kind: 'forum.reply', states: UNSENT_STATES, includeSynced: false });
  const record = thread.status === 'ready' && thread.value.type === 'forum-thread' ? thread.value.record : null;
  const pages = posts.status === 'ready' ? Math.max(1, Math.ceil(posts.value.total / POST_PAGE)) : 1;
  const lastPage = page >= pages;

  return (
    <section aria-labelledby="screen-title" className="screen">
      <p className="breadcrumb">
        <a href={href('forums')}>{t('forums.allForums')}</a>
        {record && (
          <>
            {' › '}
            <a href={href('forums', {}, ['f', record.forumId])}>{t('forums.backToForum')}</a>
          </>
        )}
      </p>
      <h1 id="screen-title" tabIndex={-1}>
        {record?.title ?? threadId}
      </h1>
      {record && <p className="muted">{t('forums.startedBy', { name: record.authorName, date: formatDate(record.createdAt, locale) })}</p>}
      <LoadFailure load={thread} />
      <div role="status" className="search-summary">
        {posts.status === 'loading' && t('forums.loading')}
        {posts.status === 'ready' && t('forums.postCount', { count: posts.value.total, formatted: formatNumber(posts.value.total, locale) })}
      </div>
      <LoadFailure load={posts} />
      {posts.status === 'ready' && posts.value.posts.length > 0 && (
        <ol className="plain-list posts" data-testid="posts" start={(page - 1) * POST_PAGE + 1} aria-label={t('forums.posts')}>
          {posts.value.posts.map((post) => (
            <li key={post.id} className="post card" data-testid="post">
              <p className="post-meta">
                <strong>{post.authorName}</strong> <span className="muted">{formatDate(post.createdAt, locale)}</span>
              </p>
              <div className="prose" dangerouslySetInnerHTML={{ __html: sanitizeHtml(post.body) }} />
            </li>
          ))}
        </ol>
      )}
      <Pager page={page} pages={pages} to={(next) => href('forums', { page: next }, ['t', threadId])} label={t('forums.postPages')} />
      {lastPage && drafts.status === 'ready' && (
        <DraftList items={drafts.value} label={t('forums.yourReplies')} render={(item: OutboxItem) => item.kind === 'forum.reply' && <p className="own-text">{item.payload.body}</p>} />
      )}
      <LoadFailure load={drafts} />
      {record && <ReplyForm threadId={threadId} />}
    </section>
  );
}

function ReplyForm({ threadId }: { threadId: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  return (
    <ForumComposer
      heading={t('forums.reply')}
      headingId="reply-heading"
      statusTestId="reply-status"
      bodyLabel={t('forums.yourReply')}
      rows={5}
      hint={<SignInHint />}
      submitLabel={t('forums.sendReply')}
      onSubmit={async ({ body }) => {
        await api['outbox.composeReply']({ threadId, body, language: i18n.language });
        return t('forums.replyQueued');
      }}
    />
  );
}
