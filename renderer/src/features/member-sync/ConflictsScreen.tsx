// The notes edited on two computers before they synced (#/settings/sync-conflicts):
// for each, what it belongs to, which text, and every version side by side with
// the computer and time it was written; the member keeps one, or writes the
// merged text and keeps that (memberSync.resolveConflict). The kept text then
// syncs like any edit.
import { useRef, useState } from 'react';
import { Button, Label, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { MemberSyncConflict } from '../../../../shared/member-sync';
import { shorten } from '../../../../shared/text';
import { useApi } from '../../app/core';
import { useLoad, useReload } from '../../app/use-load';
import { LoadFailure } from '../../ui/LoadFailure';
import { formatDateTime, formatNumber } from '../../ui/format';
import { conflictSubject, memberSyncFailureText, memberSyncSettingsHref, useMemberSync } from './member-sync-state';

const conflictKey = (conflict: MemberSyncConflict) => `${conflict.itemId}|${conflict.field}`;

export function ConflictsScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { status } = useMemberSync();
  const [generation, reload] = useReload();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  // Read again when the count changes (a sync brought or settled one) and after each choice made here.
  const conflicts = useLoad(`memberSync.conflicts|${status?.conflicts ?? ''}|${generation}`, () => api['memberSync.conflicts']({}), { keep: true });
  const list = conflicts.status === 'ready' ? conflicts.value : conflicts.status === 'failed' ? (conflicts.last ?? null) : null;

  const keep = async (conflict: MemberSyncConflict, text: string) => {
    try {
      const { remaining } = await api['memberSync.resolveConflict']({ itemId: conflict.itemId, field: conflict.field, text });
      setMessage({
        error: false,
        text: remaining === 0 ? t('memberSync.conflicts.allDone') : t('memberSync.conflicts.kept', { count: remaining, formatted: formatNumber(remaining, i18n.language) }),
      });
      reload();
    } catch (error) {
      setMessage({ error: true, text: memberSyncFailureText(t, error) });
    }
    // The card just chosen goes away: focus goes to what says so, not to the page's start.
    messageRef.current?.focus();
  };

  return (
    <section aria-labelledby="screen-title" className="screen">
      <p className="breadcrumb">
        <a href={memberSyncSettingsHref()}>{t('memberSync.conflicts.back')}</a>
      </p>
      <h1 id="screen-title" tabIndex={-1}>
        {t('memberSync.conflicts.title')}
      </h1>
      <p className="lede">{t('memberSync.conflicts.lede')}</p>
      <p role="status" ref={messageRef} tabIndex={-1} className={message?.error ? 'error' : 'muted'} data-testid="conflicts-message">
        {message?.text}
      </p>
      <LoadFailure load={conflicts} />
      {conflicts.status === 'loading' && <p>{t('memberSync.conflicts.loading')}</p>}
      {list?.length === 0 && (
        <p className="card notice" data-testid="conflicts-none">
          {t('memberSync.conflicts.none')}
        </p>
      )}
      {list && list.length > 0 && (
        <ol className="plain-list conflict-list" data-testid="conflict-list">
          {list.map((conflict, index) => (
            <li key={conflictKey(conflict)}>
              <ConflictCard conflict={conflict} headingId={`conflict-${index}`} onKeep={(text) => keep(conflict, text)} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ConflictCard({ conflict, headingId, onKeep }: { conflict: MemberSyncConflict; headingId: string; onKeep: (text: string) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  // The merge starts from every version, one after the other: the member deletes what they do not want.
  const [merged, setMerged] = useState(() => conflict.versions.map((version) => version.text).join('\n\n'));
  const [busy, setBusy] = useState(false);
  const title = shorten(conflict.title, 140);
  const run = async (text: string) => {
    setBusy(true);
    try {
      await onKeep(text);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={headingId} className="card conflict" data-testid="conflict" data-item={conflict.itemId}>
      <p className="muted conflict-kind">
        {conflictSubject(t, conflict.kind, conflict.field)}
      </p>
      <h2 id={headingId} className="conflict-title">
        {title}
      </h2>
      <div className="conflict-versions">
        {conflict.versions.map((version, index) => {
          const versionId = `${headingId}-v${index}`;
          const from = t('memberSync.conflicts.from', { device: version.deviceName, when: formatDateTime(version.editedAt, locale) });
          return (
            <section key={`${version.deviceName}|${version.editedAt}|${index}`} aria-labelledby={versionId} className="conflict-version" data-testid="conflict-version">
              <h3 id={versionId} className="conflict-version-from">
                {from}
              </h3>
              <blockquote className="own-text conflict-text">{version.text || <span className="muted">{t('memberSync.conflicts.empty')}</span>}</blockquote>
              <Button className="button" isDisabled={busy} aria-label={t('memberSync.conflicts.keepThisNamed', { from })} onPress={() => void run(version.text)}>
                {t('memberSync.conflicts.keepThis')}
              </Button>
            </section>
          );
        })}
      </div>
      <form
        className="stack conflict-merge"
        onSubmit={(event) => {
          event.preventDefault();
          void run(merged);
        }}
      >
        <TextField value={merged} onChange={setMerged} className="field">
          <Label>{t('memberSync.conflicts.merged')}</Label>
          <TextArea className="input textarea" rows={5} data-testid="conflict-merged" />
        </TextField>
        <div className="actions">
          <Button type="submit" className="button button-primary" isDisabled={busy} aria-label={t('memberSync.conflicts.keepMergedNamed', { title })}>
            {t('memberSync.conflicts.keepMerged')}
          </Button>
        </div>
      </form>
    </section>
  );
}
