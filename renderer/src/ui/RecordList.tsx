// A virtualized list of records for any filters and sort: only the visible rows
// (plus a small overscan) are in the DOM, and rows arrive from records.list in
// windows fetched by offset as they scroll into view. Keyboard: a listbox whose
// focus stays on the list (aria-activedescendant); arrows, Home/End and
// PageUp/PageDown move the active row, Enter opens it.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordListItem, RecordListRequest } from '../../../shared/library';
import { errorMessage, useApi } from '../app/core';
import { ChangeMark } from './ChangeMark';
import { countryName, formatDate, formatNumber, languageName, typeLabel } from './format';
import { kindLabel } from './record-labels';

/** Rows per records.list call: a few screenfuls, well under MAX_LIST_LIMIT. */
const WINDOW = 100;
/** Every row has the same height, so the virtualizer never measures. */
const ROW_HEIGHT = 92;
const OVERSCAN = 4;

export type ListQuery = Omit<RecordListRequest, 'offset' | 'limit'>;

/** The active row of each list the user left, so coming back from the reader lands where they were. */
const lastActive = new Map<string, number>();

type State = { status: 'loading' } | { status: 'ready'; total: number } | { status: 'failed'; message: string };

export function RecordList({
  query,
  label,
  onOpen,
  onTotal,
  onActive,
}: {
  query: ListQuery;
  label: string;
  onOpen: (item: RecordListItem) => void;
  onTotal?: (total: number | null) => void;
  /** The active (selected) row's record, once loaded: what actions beside the list act on. */
  onActive?: (item: RecordListItem | undefined) => void;
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
      moveTo(move());
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
      tabIndex={0}
      aria-label={label}
      aria-busy={state.status === 'loading'}
      aria-activedescendant={total > 0 && items.some((item) => item.index === clampedActive) ? rowId(clampedActive) : undefined}
      onKeyDown={onKeyDown}
      data-testid="record-list"
      data-total={total}
    >
      <div className="record-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((row) => {
          const item = itemAt(row.index);
          const isActive = row.index === clampedActive;
          return (
            <div
              key={row.key}
              id={rowId(row.index)}
              role="option"
              aria-selected={isActive}
              aria-setsize={total}
              aria-posinset={row.index + 1}
              aria-labelledby={item ? `${rowId(row.index)}-title` : undefined}
              aria-describedby={item ? `${rowId(row.index)}-meta` : undefined}
              className={`record-row${isActive ? ' active' : ''}${item ? '' : ' placeholder'}`}
              data-loaded={item ? 'true' : 'false'}
              style={{ height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              onClick={() => {
                setActive(row.index);
                lastActive.set(keyRef.current, row.index);
                if (item) onOpen(item);
              }}
            >
              {item ? (
                <>
                  <span className="record-title" id={`${rowId(row.index)}-title`}>
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
