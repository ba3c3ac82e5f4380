// The Reader's annotation sidebar: a new annotation on the selected passage
// (or on words typed to find it: the keyboard's way to select), the record's
// annotations in reading order, and its orphans to triage. It scrolls on its
// own beside the text; a narrow window shows it as a drawer, opened by a
// button that stays in view.
import { useRef, useState, type KeyboardEvent } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../../../shared/annotations';
import { errorMessage, useApi } from '../../app/core';
import { AnnotationCard, ColorChoice, NoteFields } from './AnnotationParts';
import { useReaderAnnotations, type AnnotatablePart } from './reader-annotations';

const PANEL_ID = 'annotation-panel';

/** Opens the sidebar as a drawer where the window is too narrow to show it beside the text (CSS hides it elsewhere). */
export function AnnotationsToggle() {
  const { t } = useTranslation();
  const { annotations, panelOpen, setPanelOpen } = useReaderAnnotations();
  return (
    <Button
      className="button annotations-toggle"
      aria-expanded={panelOpen}
      aria-controls={PANEL_ID}
      onPress={() => {
        setPanelOpen(true);
        requestAnimationFrame(() => document.getElementById('annotation-panel-title')?.focus());
      }}
      data-testid="annotations-toggle"
    >
      {t('annotations.panelTitle', { count: annotations.length })}
    </Button>
  );
}

export function AnnotationPanel({ parts, partLabel }: { parts: AnnotatablePart[]; partLabel: (key: string | null) => string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { load, annotations, unpainted, pending, clearPending, findPassage, active, setActive, show, reload, draft, panelOpen, setPanelOpen } = useReaderAnnotations();
  const { color, setColor, note, setNote, tags, setTags, busy, message, setMessage } = draft;
  const [words, setWords] = useState('');
  const panel = useRef<HTMLElement>(null);

  const order = new Map(parts.map((part, i) => [part.key ?? '', i]));
  const placed = annotations
    .filter((a) => a.anchoring.status === 'placed')
    .sort((a, b) => (order.get(a.target.key ?? '') ?? 99) - (order.get(b.target.key ?? '') ?? 99) || a.position.start - b.position.start);
  const orphans = annotations.filter((a) => a.anchoring.status === 'orphaned');
  const passage = pending && !('error' in pending) ? pending : null;

  const close = () => {
    setPanelOpen(false);
    // The button is hidden while the drawer is open: focus it once the drawer is drawn closed.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="annotations-toggle"]')?.focus());
  };

  const reattach = async (annotation: Annotation) => {
    if (!passage) return;
    try {
      await api['annotations.reattach']({ id: annotation.id, start: passage.start, end: passage.end, exact: passage.exact });
      clearPending();
      await reload();
      setMessage({ kind: 'status', text: t('annotations.reattached') });
    } catch (error) {
      setMessage({ kind: 'error', text: t('annotations.saveFailed', { message: errorMessage(error) }) });
    }
  };

  const find = () => {
    if (!findPassage(words)) setMessage({ kind: 'error', text: t('annotations.wordsNotFound', { words: words.trim() }) });
    else setMessage(null);
  };

  return (
    <aside
      ref={panel}
      id={PANEL_ID}
      className="annotation-panel"
      aria-labelledby="annotation-panel-title"
      data-testid="annotation-panel"
      data-open={panelOpen ? 'true' : 'false'}
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key === 'Escape' && panelOpen && panel.current && getComputedStyle(panel.current).position === 'fixed') close();
      }}
    >
      <div className="annotation-panel-head">
        <h2 id="annotation-panel-title" tabIndex={-1}>
          {t('annotations.panelTitle', { count: annotations.length })}
        </h2>
        <Button className="button button-quiet annotations-close" onPress={close}>
          {t('annotations.closePanel')}
        </Button>
      </div>
      {load.status === 'loading' && <p role="status">{t('annotations.loading')}</p>}
      {load.status === 'failed' && (
        <p role="alert" className="error">
          {t('annotations.loadFailed', { message: load.message })}
        </p>
      )}
      <section className="card stack new-annotation" aria-labelledby="new-annotation-title">
        <h3 id="new-annotation-title">{t('annotations.newTitle')}</h3>
        {passage ? (
          <>
            <p className="muted">{t('annotations.selectedIn', { part: partLabel(passage.key) })}</p>
            <blockquote className="annotation-quote" data-testid="pending-quote">
              {passage.exact}
            </blockquote>
          </>
        ) : (
          <p className="muted">{pending && 'error' in pending ? t(pending.error === 'across-parts' ? 'annotations.acrossParts' : 'annotations.notInText') : t('annotations.selectHelp')}</p>
        )}
        <form
          className="find-words"
          onSubmit={(event) => {
            event.preventDefault();
            find();
          }}
        >
          <TextField className="field grow" value={words} onChange={setWords}>
            <Label>{t('annotations.findWords')}</Label>
            <Input className="input" data-testid="annotation-find" />
          </TextField>
          <Button type="submit" className="button" isDisabled={!words.trim()}>
            {t('annotations.find')}
          </Button>
        </form>
        {passage && (
          <>
            <ColorChoice value={color} onChange={setColor} label={t('annotations.color')} />
            <NoteFields note={note} onNote={setNote} tags={tags} onTags={setTags} />
            <div className="actions">
              <Button className="button button-primary" isDisabled={busy} onPress={() => void draft.create()} data-testid="annotation-create">
                {t('annotations.highlight')}
              </Button>
              <Button className="button" onPress={clearPending}>
                {t('annotations.clearSelection')}
              </Button>
            </div>
          </>
        )}
        {message && (
          <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error' : 'muted'}>
            {message.text}
          </p>
        )}
      </section>
      {placed.length > 0 && (
        <section aria-labelledby="placed-title" className="stack">
          <h3 id="placed-title">{t('annotations.inThisText')}</h3>
          {placed.map((annotation) => (
            <AnnotationCard
              key={`${annotation.id}:${annotation.updatedAt}:${annotation.position.start}`}
              annotation={annotation}
              onChanged={() => void reload()}
              highlight={annotation.id === active}
              onFocus={() => setActive(annotation.id)}
              passageNote={[parts.length > 1 ? partLabel(annotation.target.key) : '', unpainted.has(annotation.id) ? t('annotations.notOnPage') : ''].filter(Boolean).join(' · ') || undefined}
              extra={
                <>
                  <Button className="button button-quiet" onPress={() => show(annotation.id)} aria-label={t('annotations.showNamed', { quote: annotation.quote.exact })}>
                    {t('annotations.show')}
                  </Button>
                  {annotation.textChange && (
                    <Button className="button button-quiet" isDisabled={!passage || passage.key !== annotation.target.key} onPress={() => void reattach(annotation)} data-testid="move-note">
                      {t('history.move')}
                    </Button>
                  )}
                </>
              }
            />
          ))}
        </section>
      )}
      {orphans.length > 0 && (
        <section aria-labelledby="orphans-title" className="stack" data-testid="reader-orphans">
          <h3 id="orphans-title">{t('annotations.orphansTitle', { count: orphans.length })}</h3>
          <p className="muted">{t('annotations.orphansHelp')}</p>
          {orphans.map((annotation) => (
            <AnnotationCard
              key={`${annotation.id}:${annotation.updatedAt}`}
              annotation={annotation}
              onChanged={() => void reload()}
              extra={
                <Button className="button button-quiet" isDisabled={!passage || passage.key !== annotation.target.key} onPress={() => void reattach(annotation)}>
                  {t('annotations.attachHere')}
                </Button>
              }
            />
          ))}
        </section>
      )}
    </aside>
  );
}
