// The small toolbar that appears at the selected (or found) passage, as
// Hypothesis's adder does: a colour, a note, Highlight. It sits above the
// passage (below it when there is no room above), inside the text column, so it
// is in view wherever the sidebar is. Keyboard: Tab from the selection moves
// into it; Escape lets the passage go and puts focus back where it was.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Label, TextArea, TextField, ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ANNOTATION_COLORS, type AnnotationColor } from '../../../../shared/annotations';
import { useReaderAnnotations } from './reader-annotations';

/** Room kept between the passage and the toolbar, in CSS pixels. */
const GAP = 8;

interface Place {
  top: number;
  left: number;
  below: boolean;
}

const isColor = (key: Key | undefined): key is AnnotationColor => typeof key === 'string' && (ANNOTATION_COLORS as readonly string[]).includes(key);

/** Whether Tab from the current focus should go into the toolbar: focus is nowhere in particular, or around the passage. */
function focusIsAtPassage(range: Range): boolean {
  const active = document.activeElement;
  if (!active || active === document.body) return true;
  if (active.matches('input, textarea, select, [contenteditable="true"]')) return false;
  return active.contains(range.commonAncestorContainer);
}

export function SelectionToolbar() {
  const { t } = useTranslation();
  const { pending, clearPending, passageRange, draft } = useReaderAnnotations();
  const { color, setColor, note, setNote, busy, message } = draft;
  const toolbar = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const [place, setPlace] = useState<Place | null>(null);
  const [noteOpen, setNoteOpen] = useState(false);
  const passage = pending && !('error' in pending) ? pending : null;

  const measure = useCallback(() => {
    const range = passageRange();
    const element = toolbar.current;
    const container = element?.offsetParent;
    if (!range || !element || !container) {
      setPlace(null);
      return;
    }
    const rects = [...range.getClientRects()].filter((rect) => rect.width > 0 || rect.height > 0);
    const first = rects[0] ?? range.getBoundingClientRect();
    const last = rects.at(-1) ?? first;
    const box = container.getBoundingClientRect();
    const height = element.offsetHeight;
    const width = element.offsetWidth;
    // Above the passage's first line when the window has room there, else below its last line.
    const below = first.top - height - GAP < 0;
    const top = below ? last.bottom - box.top + GAP : first.top - box.top - height - GAP;
    const left = Math.max(0, Math.min(first.left - box.left, box.width - width));
    setPlace((current) => (current && current.top === top && current.left === left && current.below === below ? current : { top, left, below }));
  }, [passageRange]);

  // A new passage: placed again, the note closed, the colour kept.
  useLayoutEffect(() => {
    setNoteOpen(false);
    measure();
  }, [passage, measure]);
  useLayoutEffect(() => {
    if (noteOpen) measure();
  }, [noteOpen, measure]);

  useEffect(() => {
    if (!passage) return;
    const onResize = () => measure();
    // Tab from the selection (made with the mouse or the keyboard) goes into the toolbar; Escape lets the passage go.
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const range = passageRange();
      if (!range || !toolbar.current || toolbar.current.contains(document.activeElement)) return;
      if (event.key === 'Tab' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey && focusIsAtPassage(range)) {
        event.preventDefault();
        returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        toolbar.current.querySelector<HTMLElement>('[role="radio"][aria-checked="true"]')?.focus();
      } else if (event.key === 'Escape' && focusIsAtPassage(range)) {
        clearPending();
        document.getSelection()?.removeAllRanges();
      }
    };
    window.addEventListener('resize', onResize);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('resize', onResize);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [passage, measure, passageRange, clearPending]);

  const dismiss = () => {
    clearPending();
    document.getSelection()?.removeAllRanges();
    (returnFocus.current ?? document.querySelector<HTMLElement>('main'))?.focus();
    returnFocus.current = null;
  };

  const highlight = async () => {
    if (await draft.create()) {
      (returnFocus.current ?? document.querySelector<HTMLElement>('main'))?.focus();
      returnFocus.current = null;
    }
  };

  const highlightButton = (
    <Button className="button button-primary" isDisabled={busy} onPress={() => void highlight()} data-testid="toolbar-highlight">
      {t('annotations.highlight')}
    </Button>
  );

  return (
    <>
      {passage && (
        <div
          ref={toolbar}
          role="group"
          aria-label={t('annotations.toolbarLabel')}
          className={`selection-toolbar${place?.below ? ' below' : ''}`}
          data-testid="selection-toolbar"
          style={place ? { top: place.top, left: place.left } : { visibility: 'hidden', top: 0, left: 0 }}
          onKeyDown={(event: KeyboardEvent) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              dismiss();
            }
          }}
        >
          <div className="selection-toolbar-row">
            <ToggleButtonGroup
              aria-label={t('annotations.color')}
              selectionMode="single"
              disallowEmptySelection
              selectedKeys={[color]}
              onSelectionChange={(keys) => {
                const [chosen] = [...keys];
                if (isColor(chosen)) setColor(chosen);
              }}
              className="toolbar-colors"
              data-testid="toolbar-color"
            >
              {ANNOTATION_COLORS.map((choice) => (
                <ToggleButton key={choice} id={choice} className="color-toggle" aria-label={t(`annotations.colors.${choice}`)}>
                  <span className={`swatch swatch-${choice}`} aria-hidden="true" />
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            <ToggleButton className="button" isSelected={noteOpen} onChange={setNoteOpen} data-testid="toolbar-note-toggle">
              {t('annotations.addNote')}
            </ToggleButton>
            {!noteOpen && highlightButton}
          </div>
          {noteOpen && (
            <>
              <TextField className="field" value={note} onChange={setNote} maxLength={20_000} autoFocus>
                <Label>{t('annotations.note')}</Label>
                <TextArea
                  className="input note-input"
                  rows={3}
                  data-testid="toolbar-note"
                  onKeyDown={(event: KeyboardEvent) => {
                    // Ctrl+Enter (Cmd+Enter) saves from the note without leaving it.
                    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                      event.preventDefault();
                      void highlight();
                    }
                  }}
                />
              </TextField>
              <div className="selection-toolbar-row end">{highlightButton}</div>
            </>
          )}
          {message?.kind === 'error' && (
            <p role="alert" className="error">
              {message.text}
            </p>
          )}
        </div>
      )}
      <p role="status" className="visually-hidden" data-testid="toolbar-status">
        {message?.kind === 'status' ? message.text : ''}
      </p>
    </>
  );
}
