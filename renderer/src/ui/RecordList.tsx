// A virtualized list of records for any filters and sort: only the visible rows
// (plus a small overscan) are in the DOM, and rows arrive from records.list in
// windows fetched by offset as they scroll into view. Keyboard: a listbox whose
// focus stays on the list (aria-activedescendant); arrows, Home/End and
// PageUp/PageDown move the active row, Enter opens it. Many rows can be
// selected (aria-multiselectable): Space or Ctrl+click toggles a row, Shift
// with a move key or a click adds the rows between, Ctrl+A selects all, Esc
// clears; the selection is kept as ranges, so it may name unloaded rows.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentType } from '../../../shared/content';
import type { RecordListItem, RecordListRequest } from '../../../shared/library';
import { errorMessage, useApi } from '../app/core';
import { ChangeMark } from './ChangeMark';
import { countryName, formatDate, formatNumber, languageName, typeLabel } from './format';
import { kindLabel } from './record-labels';
import { isSelected, NO_SELECTION, selectedIndices, selectionSize, selectsAll, toggled, withRange, withSpan, type Selection } from './selection';

/** Rows per records.list call: a few screenfuls, well under MAX_LIST_LIMIT. */
const WINDOW = 100;
/** Every row has the same height, so the virtualizer never measures. */
const ROW_HEIGHT = 92;
const OVERSCAN = 4;

export type ListQuery = Omit<RecordListRequest, 'offset' | 'limit'>;

/** The active row of each list the user left, so coming back from the reader lands where they were. */
const lastActive = new Map<string, number>();
/** The selection of each list, kept the same way: opening a row to check it does not lose the others. */
const lastSelection = new Map<string, Selection>();

/** What the actions beside a list need of its selection. */
export interface ListSelection {
  count: number;
  /** Every row of the list is selected: "add" can name the list instead of its rows. */
  all: boolean;
  /** The selected records, reading the windows not loaded yet. */
  keys(): Promise<Array<{ type: ContentType; id: string }>>;
  clear(): void;
  selectAll(): void;
}

type State = { status: 'loading' } | { status: 'ready'; total: number } | { status: 'failed'; message: string };

export function RecordList({
  query,
  label,
  onOpen,
  onTotal,
  onActive,
  onSelection,
}: {
  query: ListQuery;
  label: string;
  onOpen: (item: RecordListItem) => void;
  onTotal?: (total: number | null) => void;
  /** The active row's record, once loaded: what actions beside the list act on when nothing is selected. */
  onActive?: (item: RecordListItem | undefined) => void;
  onSelection?: (selection: ListSelection) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const locale = i18n.language;
  const key = useMemo(() => JSON.stringify(query), [query]);
  const windows = useRef(new Map<number, RecordListItem[]>());
  const pending = useRef(new Set<number>());
  const [loadedWindows, setVersion] = useState(0);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [active, setActive] = useState(() => lastActive.get(key) ?? 0);
  const [selection, setSelectionState] = useState<Selection>(() => lastSelection.get(key) ?? NO_SELECTION);
  const scrollRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  const queryRef = useRef(query);
  const keyRef = useRef(key);
  const restored = useRef<string | null>(null);

  const total = state.status === 'ready' ? state.total : 0;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });

  const fetchWindow = useCallback(
    (index: number, forKey: string) => {
      if (windows.current.has(index) || pending.current.has(index)) return;
      pending.current.add(index);
      api['records.list']({ ...queryRef.current, offset: index * WINDOW, limit: WINDOW }).then(
        (result) => {
          if (forKey !== keyRef.current) return; // The filters changed meanwhile.
          pending.current.delete(index);
          windows.current.set(index, result.items);
          setState((current) => (current.status === 'ready' && current.total === result.total ? current : { status: 'ready', total: result.total }));
          setVersion((v) => v + 1);
        },
        (error: unknown) => {
          if (forKey !== keyRef.current) return;
          pending.current.delete(index);
          setState({ status: 'failed', message: errorMessage(error) });
        },
      );
    },
    [api],
  );

  // New filters or sort: drop the cached windows and start from the first one.
  useEffect(() => {
    keyRef.current = key;
    queryRef.current = JSON.parse(key) as ListQuery;
    windows.current = new Map();
    pending.current = new Set();
    setState({ status: 'loading' });
    setActive(lastActive.get(key) ?? 0);
    setSelectionState(lastSelection.get(key) ?? NO_SELECTION);
    fetchWindow(Math.floor((lastActive.get(key) ?? 0) / WINDOW), key);
  }, [key, fetchWindow]);

  useEffect(() => {
    onTotal?.(state.status === 'ready' ? state.total : null);
  }, [state, onTotal]);

  // Once the rows are known, bring the remembered active row (coming back from the reader) into view.
  useEffect(() => {
    if (state.status !== 'ready' || restored.current === key) return;
    restored.current = key;
    const remembered = Math.min(lastActive.get(key) ?? 0, state.total - 1);
    if (remembered > 0) virtualizer.scrollToIndex(remembered, { align: 'center' });
    else virtualizer.scrollToOffset(0);
  }, [state, key, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  // Fetch the windows the visible rows fall in.
  useEffect(() => {
    if (state.status !== 'ready' || total === 0) return;
    for (let w = Math.floor(first / WINDOW); w <= Math.floor(last / WINDOW); w += 1) fetchWindow(w, keyRef.current);
  }, [first, last, state.status, total, fetchWindow]);

  const itemAt = (index: number): RecordListItem | undefined => windows.current.get(Math.floor(index / WINDOW))?.[index % WINDOW];
  const clampedActive = Math.min(active, Math.max(0, total - 1));

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    lastActive.set(keyRef.current, next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const select = useCallback((next: Selection) => {
    lastSelection.set(keyRef.current, next);
    setSelectionState(next);
  }, []);

  const pageRows = () => Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 5) / ROW_HEIGHT) - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (total === 0) return;
    const moves: Record<string, () => number> = {
      ArrowDown: () => clampedActive + 1,
      ArrowUp: () => clampedActive - 1,
      Home: () => 0,
      End: () => total - 1,
      PageDown: () => clampedActive + pageRows(),
      PageUp: () => clampedActive - pageRows(),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const next = Math.max(0, Math.min(total - 1, move()));
      if (event.shiftKey) select(withSpan(selection, clampedActive, next));
      moveTo(next);
      return;
    }
    if (event.key === ' ') {
      event.preventDefault();
      select(toggled(selection, clampedActive));
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      select(withRange(NO_SELECTION, 0, total));
      return;
    }
    if (event.key === 'Escape' && selection.length > 0) {
      event.preventDefault();
      event.stopPropagation();
      select(NO_SELECTION);
      return;
    }
    if (event.key === 'Enter') {
      const item = itemAt(clampedActive);
      if (item) {
        event.preventDefault();
        lastActive.set(keyRef.current, clampedActive);
        onOpen(item);
      }
    }
  };

  const activeItem = state.status === 'ready' ? itemAt(clampedActive) : undefined;
  useEffect(() => onActive?.(activeItem), [activeItem, onActive, loadedWindows]);

  // The selected records: rows already loaded, and the windows of the others read now.
  const selectedKeys = useCallback(async () => {
    const forKey = keyRef.current;
    const needed = new Set<number>();
    for (const [start, end] of selection) for (let w = Math.floor(start / WINDOW); w <= Math.floor((end - 1) / WINDOW); w += 1) needed.add(w);
    for (const w of needed) {
      if (windows.current.has(w)) continue;
      const result = await api['records.list']({ ...queryRef.current, offset: w * WINDOW, limit: WINDOW });
      if (forKey !== keyRef.current) throw new Error(t('library.selectionChanged'));
      windows.current.set(w, result.items);
    }
    return [...selectedIndices(selection)].flatMap((index) => {
      const item = windows.current.get(Math.floor(index / WINDOW))?.[index % WINDOW];
      return item ? [{ type: item.type, id: item.id }] : [];
    });
  }, [api, selection, t]);
  useEffect(() => {
    onSelection?.({
      count: Math.min(selectionSize(selection), total),
      all: selectsAll(selection, total),
      keys: selectedKeys,
      clear: () => select(NO_SELECTION),
      selectAll: () => select(withRange(NO_SELECTION, 0, total)),
    });
  }, [selection, total, selectedKeys, select, onSelection]);

  const rowId = (index: number) => `${listId}-row-${index}`;

  if (state.status === 'failed') {
    return (
      <p role="alert" className="error">
        {t('library.failed', { message: state.message })}
      </p>
    );
  }
  if (state.status === 'ready' && total === 0) return <p className="card notice">{t('library.none')}</p>;

  return (
    <div
      ref={scrollRef}
      className="record-list"
      role="listbox"
      aria-multiselectable="true"
      tabIndex={0}
      aria-label={label}
      aria-busy={state.status === 'loading'}
      aria-activedescendant={total > 0 && items.some((item) => item.index === clampedActive) ? rowId(clampedActive) : undefined}
      onKeyDown={onKeyDown}
      data-testid="record-list"
      // Back from the Reader, focus returns here, on the row it was opened from (app/focus-return.ts).
      data-focus-key="record-list"
      data-total={total}
    >
      <div className="record-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((row) => {
          const item = itemAt(row.index);
          const isActive = row.index === clampedActive;
          const chosen = isSelected(selection, row.index);
          return (
            <div
              key={row.key}
              id={rowId(row.index)}
              role="option"
              aria-selected={chosen}
              aria-setsize={total}
              aria-posinset={row.index + 1}
              aria-labelledby={item ? `${rowId(row.index)}-title` : undefined}
              aria-describedby={item ? `${rowId(row.index)}-meta` : undefined}
              className={`record-row${isActive ? ' active' : ''}${chosen ? ' chosen' : ''}${item ? '' : ' placeholder'}`}
              data-loaded={item ? 'true' : 'false'}
              style={{ height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              onClick={(event) => {
                setActive(row.index);
                lastActive.set(keyRef.current, row.index);
                // Ctrl (Cmd) toggles the row and Shift adds the rows from the active one: neither opens it.
                if (event.shiftKey) select(withSpan(selection, clampedActive, row.index));
                else if (event.ctrlKey || event.metaKey) select(toggled(selection, row.index));
                else if (item) onOpen(item);
              }}
            >
              {item ? (
                <>
                  <span className="record-title" id={`${rowId(row.index)}-title`}>
                    {chosen && (
                      <span className="record-check" aria-hidden="true">
                        ✓
                      </span>
                    )}
                    <span className="record-title-text">{item.title}</span>
                    {item.unseenChange && <ChangeMark change={item.unseenChange} />}
                  </span>
                  <span className="record-meta muted" id={`${rowId(row.index)}-meta`}>
                    {[item.kind ? kindLabel(t, item.type, item.kind, locale) : typeLabel(t, item.type), formatDate(item.date, locale), languageName(item.language, locale), item.countries.slice(0, 4).map((code) => countryName(code, locale)).join(', ')]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  <span className="record-summary">{item.summary}</span>
                </>
              ) : (
                <span className="record-title muted">{t('library.loadingRow', { position: formatNumber(row.index + 1, locale) })}</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
