// The find field of a view (the PDF view, the record's text): the words, the
// previous and next match, and "Match 2 of 7". Ctrl/Cmd+F focuses the field
// while the view is on screen (the app's search everywhere stays on Ctrl/Cmd+K),
// Enter and Shift+Enter in it or F3 and Shift+F3 anywhere step through the
// matches, and Escape hands focus back to where it was before Ctrl/Cmd+F.
import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export interface FindBarProps {
  query: string;
  onQuery(query: string): void;
  onStep(step: 1 | -1): void;
  /** The number of matches, or null while they are being counted. */
  total: number | null;
  /** The current match's place (0-based), or null. */
  current: number | null;
  /** Where Escape sends focus when the field was not reached with Ctrl/Cmd+F. */
  fallbackFocus: RefObject<HTMLElement | null>;
  /** The field's accessible name ("Find in this PDF"). */
  label: string;
  testId: string;
}

/** The find bars on screen, newest last: only the newest takes the shortcuts (a PDF shown under a record's highlighted text). */
const mounted: symbol[] = [];

export function FindBar({ query, onQuery, onStep, total, current, fallbackFocus, label, testId }: FindBarProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const step = useRef(onStep);
  step.current = onStep;

  useEffect(() => {
    const self = Symbol('find bar');
    mounted.push(self);
    const onKey = (event: KeyboardEvent) => {
      const input = inputRef.current;
      if (!input || mounted[mounted.length - 1] !== self) return;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        if (document.activeElement !== input) returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        input.focus();
        input.select();
      } else if (event.key === 'F3' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        step.current(event.shiftKey ? -1 : 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      mounted.splice(mounted.indexOf(self), 1);
    };
  }, []);

  const onFieldKey = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onStep(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      const back = returnTo.current?.isConnected ? returnTo.current : fallbackFocus.current;
      returnTo.current = null;
      back?.focus();
    }
  };

  const hasWords = query.trim() !== '';
  const count =
    !hasWords ? '' : total === null ? t('readerFind.counting') : total === 0 ? t('readerFind.none') : current === null ? t('readerFind.matches', { count: total }) : t('readerFind.matchOf', { current: current + 1, total });
  return (
    <div className="find-bar" role="group" aria-label={label} data-testid={testId}>
      <input
        ref={inputRef}
        type="search"
        className="input input-find"
        aria-label={label}
        placeholder={t('readerFind.placeholder')}
        aria-keyshortcuts="Control+F Meta+F"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={onFieldKey}
      />
      <Button className="button" aria-label={t('readerFind.previous')} aria-keyshortcuts="Shift+F3" isDisabled={!total} onPress={() => onStep(-1)}>
        ↑
      </Button>
      <Button className="button" aria-label={t('readerFind.next')} aria-keyshortcuts="F3" isDisabled={!total} onPress={() => onStep(1)}>
        ↓
      </Button>
      <span className="find-count" role="status" data-testid={`${testId}-count`}>
        {count}
      </span>
    </div>
  );
}
