// The search's words in a record's text (#/read/<type>/<id>?hl=<words>):
// marked with <mark> in the sanitized DOM's text nodes, the first one scrolled
// into view, with a find field and next/previous. The record's annotations
// read their texts' nodes again each time the marks change them.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { objectKey } from '../../app/use-load';
import { findTerms, termsPattern } from '../../ui/find-text';
import { markMatches, unmark } from '../../ui/find-marks';
import { useOptionalReaderAnnotations } from '../annotations/reader-annotations';
import { FindBar } from './FindBar';

/**
 * The find field above `children` (the record's text), whose matches it marks. `content` is the record shown: a
 * new reading draws its text afresh (the key), so React never updates a text node the marks have replaced.
 */
export function BodyFind({ words, content, children }: { words: string; content: object; children: ReactNode }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const reindex = useOptionalReaderAnnotations()?.reindex;
  const [query, setQuery] = useState(words);
  const [marks, setMarks] = useState<HTMLElement[]>([]);
  const [current, setCurrent] = useState<number | null>(null);
  // Brought into view: the first match once marked (on arrival, after typing), the current one after a step.
  const scrollWanted = useRef(true);
  const pattern = useMemo(() => termsPattern(findTerms(query)), [query]);

  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return undefined;
    const found = markMatches(root, pattern);
    reindex?.();
    setMarks(found.marks);
    setCurrent(found.marks.length > 0 ? 0 : null);
    return () => {
      unmark(found);
      reindex?.();
    };
  }, [pattern, content, reindex]);

  useEffect(() => {
    marks.forEach((mark, i) => mark.classList.toggle('body-match-current', i === current));
    const shown = current === null ? undefined : marks[current];
    if (shown && scrollWanted.current) {
      scrollWanted.current = false;
      shown.scrollIntoView({ block: 'center' });
    }
  }, [marks, current]);

  return (
    <>
    <div className="body-find" data-testid="body-find" data-matches={marks.length} data-current-match={current === null ? undefined : current + 1}>
      <FindBar
        query={query}
        onQuery={(next) => {
          scrollWanted.current = true;
          setQuery(next);
        }}
        onStep={(step) => {
          if (marks.length === 0) return;
          scrollWanted.current = true;
          setCurrent((at) => (at === null ? (step === 1 ? 0 : marks.length - 1) : (at + step + marks.length) % marks.length));
        }}
        total={query.trim() ? marks.length : 0}
        current={current}
        fallbackFocus={container}
        label={t('readerFind.bodyLabel')}
        testId="body-find-bar"
      />
    </div>
    {/* Focusable from script only: where Escape in the field goes when it was not reached with Ctrl/Cmd+F. */}
    <div ref={container} key={objectKey(content)} tabIndex={-1} className="body-find-text">
      {children}
    </div>
    </>
  );
}
