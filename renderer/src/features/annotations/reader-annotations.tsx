// The Reader's annotations: which texts of a record can be annotated, their
// plain text as the core stores it (annotations.forTarget), the annotations
// of the record, the passage the user selected (or found by typing), the
// annotation being made on it, whether the sidebar is open (a drawer on narrow
// windows), and the highlights drawn on the page. One provider per open record.
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import type { AnnotatableType, Annotation } from '../../../../shared/annotations';
import type { RecordDetail } from '../../../../shared/library';
import { useApi } from '../../app/core';
import { useLoad, useReload, type Load } from '../../app/use-load';
import { sanitizeHtml } from '../../ui/sanitize';
import { indexAtPoint, indexText, paintActive, paintArea, paintedRange, PENDING_ID, rangeOf, spanOf, type PaintedAnnotation, type TextIndex } from './annotation-dom';
import { useAnnotationDraft, type AnnotationDraft } from './annotation-draft';
import { findWords, mapSpan } from './text-fold';

/** One annotatable text of a record: the document body, a country-sheet section, a practice field. */
export interface AnnotatablePart {
  /** The target key (null: a document's body). */
  key: string | null;
  html?: string;
  plain?: string;
}

export type AnnotationTargetRef = { type: AnnotatableType; id: string };

/** The passage chosen for a new annotation, in the stored plain text of its part. */
export type PendingPassage = { key: string | null; start: number; end: number; exact: string } | { error: 'across-parts' | 'not-in-text' };

/** What the Reader reads of a record's annotations: the stored plain text of each part (what offsets refer to), and the annotations. */
interface TargetAnnotations {
  texts: Map<string, string>;
  annotations: Annotation[];
}

const NO_TEXTS = new Map<string, string>();
const NO_ANNOTATIONS: Annotation[] = [];

interface ReaderAnnotationsValue {
  target: AnnotationTargetRef;
  load: Load<TargetAnnotations>;
  annotations: Annotation[];
  /** Ids of placed annotations the page could not draw (their words are not in the rendered text). */
  unpainted: Set<string>;
  pending: PendingPassage | null;
  clearPending: () => void;
  /** The pending passage as drawn on the page (where the floating toolbar goes); null when none or not drawn. */
  passageRange: () => Range | null;
  draft: AnnotationDraft;
  /** The sidebar, which narrow windows show as a drawer on demand. */
  panelOpen: boolean;
  setPanelOpen: (open: boolean) => void;
  /** Looks the words up in the record's texts, first part first, and makes them the pending passage; false when absent. */
  findPassage: (words: string) => boolean;
  active: string | null;
  setActive: (id: string | null) => void;
  /** Scrolls an annotation's passage into view and makes it the current one. */
  show: (id: string) => void;
  reload: () => Promise<void>;
  register: (key: string | null, element: HTMLElement | null) => void;
  /** Reads the texts' nodes again after something split or joined them (a find's marks put in or taken out). */
  reindex: () => void;
  onAreaClick: (key: string | null, event: MouseEvent) => void;
}

const Context = createContext<ReaderAnnotationsValue | null>(null);

/** The annotations of the open record, or null for a record that takes none (no provider around it). */
export function useOptionalReaderAnnotations(): ReaderAnnotationsValue | null {
  return useContext(Context);
}

export function useReaderAnnotations(): ReaderAnnotationsValue {
  const value = useContext(Context);
  if (!value) throw new Error('useReaderAnnotations outside ReaderAnnotationsProvider');
  return value;
}

const keyName = (key: string | null) => key ?? '';

/** Brings a passage into view (its range starts in a text node; its element scrolls). */
function scrollToRange(range: Range | null): void {
  const node = range?.startContainer;
  (node instanceof Element ? node : node?.parentElement)?.scrollIntoView({ block: 'center' });
}
const PENDING = PENDING_ID;

interface Area {
  element: HTMLElement;
  index: TextIndex;
}

export function ReaderAnnotationsProvider({ target, parts, focusId, children }: { target: AnnotationTargetRef; parts: AnnotatablePart[]; focusId: string | null; children: ReactNode }) {
  const api = useApi();
  const keys = useMemo(() => parts.map((part) => part.key), [parts]);
  const areas = useRef(new Map<string, Area>());
  const [areasVersion, setAreasVersion] = useState(0);
  const [pending, setPending] = useState<PendingPassage | null>(null);
  const [active, setActiveState] = useState<string | null>(focusId);
  const [unpainted, setUnpainted] = useState<Set<string>>(new Set());
  // Opened on one annotation (from the Annotations screen): its card is in the sidebar, so show it.
  const [panelOpen, setPanelOpen] = useState(focusId !== null);
  const focused = useRef(false);
  /** Every highlight area this record painted, cleared when the Reader closes (its nodes are gone by then). */
  const paintedAreas = useRef(new Set<string>());

  const { type, id } = target;
  const [generation, readAgain] = useReload();
  /** Callers of reload waiting for the next answer (or failure) to be in. */
  const waiting = useRef<Array<() => void>>([]);
  const settle = () => {
    for (const done of waiting.current.splice(0)) done();
  };
  // Read again after each change, with what was read last on the page meanwhile and through a failure.
  const load = useLoad(
    JSON.stringify([type, id, keys, generation]),
    async (): Promise<TargetAnnotations> => {
      const [views, listed] = await Promise.all([
        Promise.all(keys.map((key) => api['annotations.forTarget']({ target: { type, id, key } }))),
        api['annotations.list']({ target: { type, id }, limit: 1000 }),
      ]);
      const texts = new Map<string, string>();
      views.forEach((view, i) => {
        if (view.text !== null) texts.set(keyName(keys[i]!), view.text);
      });
      return { texts, annotations: listed.annotations };
    },
    { keep: true, onAnswer: settle, onFailure: settle },
  );
  const shown = load.status === 'ready' ? load.value : load.status === 'failed' ? load.last : undefined;
  const texts = shown?.texts ?? NO_TEXTS;
  const annotations = shown?.annotations ?? NO_ANNOTATIONS;
  const reload = useCallback(
    () =>
      new Promise<void>((resolve) => {
        waiting.current.push(resolve);
        readAgain();
      }),
    [readAgain],
  );

  const register = useCallback((key: string | null, element: HTMLElement | null) => {
    if (element) areas.current.set(keyName(key), { element, index: indexText(element) });
    else areas.current.delete(keyName(key));
    setAreasVersion((v) => v + 1);
  }, []);
  const reindex = useCallback(() => {
    for (const area of areas.current.values()) area.index = indexText(area.element);
    setAreasVersion((v) => v + 1);
  }, []);

  /** A stored span of a part → the DOM range showing it. */
  const rangeInPage = useCallback(
    (key: string | null, start: number, end: number): Range | null => {
      const area = areas.current.get(keyName(key));
      const stored = texts.get(keyName(key));
      if (!area || stored === undefined) return null;
      const span = mapSpan(stored, area.index.text, start, end);
      return span ? rangeOf(area.index, span.start, span.end) : null;
    },
    [texts],
  );

  // Draw every placed annotation, and the pending passage, on the page.
  useLayoutEffect(() => {
    const missing = new Set<string>();
    const byArea = new Map<string, PaintedAnnotation[]>();
    for (const annotation of annotations) {
      if (annotation.anchoring.status !== 'placed') continue;
      const range = rangeInPage(annotation.target.key, annotation.anchoring.start, annotation.anchoring.end);
      if (!range) {
        missing.add(annotation.id);
        continue;
      }
      const area = keyName(annotation.target.key);
      byArea.set(area, [...(byArea.get(area) ?? []), { id: annotation.id, color: annotation.color, range }]);
    }
    if (pending && !('error' in pending)) {
      const range = rangeInPage(pending.key, pending.start, pending.end);
      if (range) byArea.set(PENDING, [{ id: PENDING, color: 'yellow', range }]);
    }
    const names = new Set([...areas.current.keys(), PENDING, ...byArea.keys()]);
    for (const name of names) {
      paintedAreas.current.add(name);
      paintArea(`reader:${name}`, byArea.get(name) ?? []);
    }
    // A new Set only when it differs, so painting does not cost a render.
    setUnpainted((previous) => (previous.size === missing.size && [...missing].every((id) => previous.has(id)) ? previous : missing));
  }, [annotations, pending, rangeInPage, areasVersion]);

  useEffect(() => {
    const names = paintedAreas.current;
    return () => {
      for (const name of names) paintArea(`reader:${name}`, []);
      paintActive(null);
    };
  }, []);

  const setActive = useCallback((id: string | null) => {
    setActiveState(id);
    paintActive(id);
  }, []);

  const show = useCallback(
    (id: string) => {
      setActive(id);
      scrollToRange(paintedRange(id));
    },
    [setActive],
  );

  // Opened on one annotation (from the Annotations screen): bring it into view once it is drawn.
  useEffect(() => {
    if (!focusId || focused.current || load.status !== 'ready' || areasVersion === 0) return;
    focused.current = true;
    show(focusId);
    document.getElementById(`annotation-${focusId}`)?.focus();
  }, [focusId, load.status, areasVersion, show]);

  // A new selection inside the record's texts becomes the pending passage; it stays when focus moves to the form
  // or the toolbar. A click elsewhere in the texts (a collapsed selection there) lets it go, as it does the toolbar.
  useEffect(() => {
    const inArea = (node: Node) => [...areas.current.entries()].find(([, area]) => area.element.contains(node));
    const onSelection = () => {
      const selection = document.getSelection();
      if (!selection || selection.rangeCount === 0) return;
      if (selection.isCollapsed) {
        if (selection.anchorNode && inArea(selection.anchorNode)) setPending(null);
        return;
      }
      const range = selection.getRangeAt(0);
      const startArea = inArea(range.startContainer);
      const endArea = inArea(range.endContainer);
      if (!startArea && !endArea) return; // A selection elsewhere (the form, the sidebar) is not a passage.
      if (!startArea || !endArea || startArea[0] !== endArea[0]) {
        setPending({ error: 'across-parts' });
        return;
      }
      const [name, area] = startArea;
      const inPage = spanOf(area.index, range);
      const stored = texts.get(name);
      if (!inPage || stored === undefined) return;
      const span = mapSpan(area.index.text, stored, inPage.start, inPage.end);
      const key = keys.find((k) => keyName(k) === name) ?? null;
      setPending(span ? { key, start: span.start, end: span.end, exact: stored.slice(span.start, span.end) } : { error: 'not-in-text' });
    };
    document.addEventListener('selectionchange', onSelection);
    return () => document.removeEventListener('selectionchange', onSelection);
  }, [texts, keys]);

  const findPassage = useCallback(
    (words: string) => {
      for (const key of keys) {
        const stored = texts.get(keyName(key));
        const span = stored === undefined ? null : findWords(stored, words);
        if (!stored || !span) continue;
        setPending({ key, start: span.start, end: span.end, exact: stored.slice(span.start, span.end) });
        scrollToRange(rangeInPage(key, span.start, span.end));
        return true;
      }
      return false;
    },
    [keys, texts, rangeInPage],
  );

  const onAreaClick = useCallback(
    (key: string | null, event: MouseEvent) => {
      if (!document.getSelection()?.isCollapsed) return;
      const area = areas.current.get(keyName(key));
      const stored = texts.get(keyName(key));
      if (!area || stored === undefined) return;
      const at = indexAtPoint(area.index, event.clientX, event.clientY);
      if (at === null) return;
      const storedAt = mapSpan(area.index.text, stored, at, at + 1);
      if (!storedAt) return;
      const hit = annotations.find(
        (a) => a.anchoring.status === 'placed' && keyName(a.target.key) === keyName(key) && a.anchoring.start <= storedAt.start && storedAt.start < a.anchoring.end,
      );
      if (!hit) return;
      setActive(hit.id);
      setPanelOpen(true);
      // The drawer of a narrow window is drawn open first, then its card takes focus.
      requestAnimationFrame(() => document.getElementById(`annotation-${hit.id}`)?.focus());
    },
    [annotations, texts, setActive],
  );

  const passage = pending && !('error' in pending) ? pending : null;
  const passageRange = useCallback(() => (passage ? rangeInPage(passage.key, passage.start, passage.end) : null), [passage, rangeInPage]);
  const onCreated = useCallback(
    async (id: string) => {
      setPending(null);
      document.getSelection()?.removeAllRanges();
      await reload();
      setActive(id);
    },
    [reload, setActive],
  );
  const draft = useAnnotationDraft({ target, passage, onCreated });

  const value: ReaderAnnotationsValue = {
    target,
    load,
    annotations,
    unpainted,
    pending,
    clearPending: () => setPending(null),
    passageRange,
    draft,
    panelOpen,
    setPanelOpen,
    findPassage,
    active,
    setActive,
    show,
    reload,
    register,
    reindex,
    onAreaClick,
  };
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** One annotatable text on the page; its sanitized HTML is set once and never rewritten (highlights are drawn over it). */
export function AnnotatableText({ part, className, testId, as = 'div' }: { part: AnnotatablePart; className?: string; testId?: string; as?: 'div' | 'p' }) {
  const { register, onAreaClick } = useReaderAnnotations();
  const html = useMemo(() => (part.html === undefined ? null : sanitizeHtml(part.html)), [part.html]);
  const ref = useCallback((element: HTMLElement | null) => register(part.key, element), [register, part.key]);
  const Tag = as;
  const props = { ref, className, 'data-testid': testId, 'data-annotation-key': keyName(part.key), onClick: (event: MouseEvent) => onAreaClick(part.key, event) };
  return html === null ? <Tag {...props}>{part.plain}</Tag> : <Tag {...props} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** The texts of a record that take annotations, in reading order; empty for types that take none. */
export function annotatableParts(detail: RecordDetail): AnnotatablePart[] {
  switch (detail.type) {
    case 'document':
      return [...(detail.record.summary ? [{ key: 'summary', plain: detail.record.summary }] : []), ...(detail.record.body ? [{ key: null, html: detail.record.body }] : [])];
    case 'country-sheet':
      return detail.record.sections.map((section) => ({ key: section.key, html: section.body }));
    case 'good-practice': {
      const practice = detail.record;
      return [
        { key: 'summary', plain: practice.summary },
        { key: 'challengeAndGoals', html: practice.challengeAndGoals },
        { key: 'howItWorks', html: practice.howItWorks },
        { key: 'results', html: practice.results },
        ...(practice.targetGroupOpinion ? [{ key: 'targetGroupOpinion', html: practice.targetGroupOpinion }] : []),
      ];
    }
    default:
      return [];
  }
}

