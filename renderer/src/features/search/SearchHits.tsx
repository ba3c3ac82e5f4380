// One page of search results, each with its checkbox, and what to do with
// them: add the selected ones (across pages) or every result to a collection.
// Shift+click on a checkbox selects the results between it and the last one
// clicked; Ctrl/Cmd+A in the results selects the whole page; Esc clears.
import { useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { contentType, type ContentType } from '../../../../shared/content';
import type { SearchHit } from '../../../../shared/search';
import { href } from '../../app/router';
import { countryName, formatDate, formatNumber, languageName, typeLabel } from '../../ui/format';
import { AddManyToCollection, AddToCollection } from '../collections/AddToCollection';

type Key = { type: ContentType; id: string };
type FoundInAttachment = NonNullable<SearchHit['attachment']>;

/** The words to highlight in the PDF (ROUTE-17): the snippet's matched parts, each once. */
/** The words a snippet marks, once each: what the Reader highlights (ROUTE-17's `hl`). */
function highlightWords(snippet: SearchHit['snippet']): string {
  const words = new Map<string, string>();
  for (const part of snippet) if (part.match) words.set(part.text.toLowerCase(), part.text);
  return [...words.values()].join(' ');
}

/** Where a hit was found in a PDF: the page's snippet, and a link that opens the PDF at that page with the words highlighted. */
function AttachmentSnippet({ hit, attachment }: { hit: SearchHit; attachment: FoundInAttachment }) {
  const { t, i18n } = useTranslation();
  const page = formatNumber(attachment.page, i18n.language);
  return (
    <p className="snippet attachment-snippet" data-testid="attachment-snippet">
      <a href={href('read', { attachment: attachment.sha256, page: attachment.page, hl: highlightWords(attachment.snippet) }, [hit.type, hit.id])} aria-label={t('fullText.openAtPage', { file: attachment.fileName, page })}>
        {attachment.fileName}, {t('fullText.page', { page })}
      </a>
      {': '}
      {attachment.snippet.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </p>
  );
}
const isContentType = (type: string): type is ContentType => contentType.safeParse(type).success;
const keyOf = (hit: { type: string; id: string }) => `${hit.type}/${hit.id}`;

/** The selection of each search, so paging, sorting and a visit to the Reader keep it. */
const selectedBySearch = new Map<string, Map<string, Key>>();

export function SearchHits({ query, sort, hits, total, firstPosition }: { query: string; sort: 'rank' | 'date'; hits: SearchHit[]; total: number; firstPosition: number }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  // Mounted per search (keyed by its query), so another search starts with its own selection.
  const [selected, setSelectedState] = useState<Map<string, Key>>(() => selectedBySearch.get(query) ?? new Map());
  // The last checkbox clicked on this page: where a Shift+click span starts.
  const anchor = useRef<number | null>(null);
  const select = (next: Map<string, Key>) => {
    selectedBySearch.set(query, next);
    setSelectedState(next);
  };
  const selectable = hits.filter((hit) => isContentType(hit.type));
  const setHits = (chosen: SearchHit[], on: boolean) => {
    const next = new Map(selected);
    for (const hit of chosen) {
      if (!isContentType(hit.type)) continue;
      if (on) next.set(keyOf(hit), { type: hit.type, id: hit.id });
      else next.delete(keyOf(hit));
    }
    select(next);
  };

  const onCheck = (index: number, event: MouseEvent<HTMLInputElement>) => {
    const hit = hits[index]!;
    const on = !selected.has(keyOf(hit));
    if (event.shiftKey && anchor.current !== null) {
      const [from, to] = [Math.min(anchor.current, index), Math.max(anchor.current, index)];
      setHits(hits.slice(from, to + 1), on);
    } else setHits([hit], on);
    anchor.current = index;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      setHits(selectable, true);
    } else if (event.key === 'Escape' && selected.size > 0) {
      event.preventDefault();
      select(new Map());
    }
  };

  const count = selected.size;
  const formattedCount = formatNumber(count, locale);
  return (
    <>
      <div className="actions search-actions" data-testid="search-actions">
        {count > 0 && (
          <>
            <span role="status" data-testid="selection-count">
              {t('search.selectedCount', { count, formatted: formattedCount })}
            </span>
            <AddManyToCollection
              key={`selected|${count}`}
              count={count}
              buttonLabel={t('collections.addSelected', { count, formatted: formattedCount })}
              subject={t('collections.selectedItems', { count, formatted: formattedCount })}
              what={{ keys: async () => [...selected.values()] }}
              testId="add-selected-to-collection"
            />
            <Button className="button button-quiet" onPress={() => select(new Map())}>
              {t('search.clearSelection')}
            </Button>
          </>
        )}
        <AddManyToCollection
          key={`all|${query}|${sort}`}
          count={total}
          buttonLabel={t('collections.addAllResults', { count: total, formatted: formatNumber(total, locale) })}
          subject={t('collections.allResults', { count: total, formatted: formatNumber(total, locale), query })}
          what={{ source: { from: 'search', query, sort } }}
          testId="add-all-results"
        />
      </div>
      <p className="muted help">{t('search.selectionHelp')}</p>
      <ol className="hits plain-list" data-testid="search-hits" start={firstPosition} onKeyDown={onKeyDown}>
        {hits.map((hit, index) => {
          const checked = selected.has(keyOf(hit));
          return (
            <li key={keyOf(hit)} className={`hit${checked ? ' chosen' : ''}`}>
              <div className="hit-head">
                {isContentType(hit.type) && (
                  <input
                    type="checkbox"
                    className="hit-check"
                    checked={checked}
                    aria-label={t('search.selectHit', { title: hit.title })}
                    // Keyboard (Space) and mouse both click; the click carries Shift for a span.
                    onClick={(event) => onCheck(index, event)}
                    onChange={() => undefined}
                    data-testid="hit-check"
                  />
                )}
                <h3>
                  <a href={href('read', { hl: highlightWords(hit.snippet) || undefined }, [hit.type, hit.id])}>{hit.title}</a>
                </h3>
              </div>
              <p className="muted hit-meta">
                {[typeLabel(t, hit.kind ? `document:${hit.kind}` : hit.type), formatDate(hit.date, locale), languageName(hit.language, locale), ...hit.countries.map((code) => countryName(code, locale))].filter(Boolean).join(' · ')}
              </p>
              {hit.similar > 0 && (
                <p className="muted hit-similar" data-testid="hit-similar">
                  {t('queryHelp.similar', { count: hit.similar, formatted: formatNumber(hit.similar, locale) })}
                </p>
              )}
              <p className="snippet">{hit.snippet.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</p>
              {hit.attachment && <AttachmentSnippet hit={hit} attachment={hit.attachment} />}
              {hit.fullTextNotHere !== undefined && (
                <p className="muted hit-note" data-testid="full-text-not-here">
                  {t('fullText.notHere')}
                </p>
              )}
              {isContentType(hit.type) && <AddToCollection item={{ type: hit.type, id: hit.id }} title={hit.title} quiet />}
            </li>
          );
        })}
      </ol>
    </>
  );
}
