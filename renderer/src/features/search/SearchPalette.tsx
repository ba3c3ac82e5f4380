import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Autocomplete, Dialog, Heading, Input, ListBox, ListBoxItem, Modal, ModalOverlay, SearchField, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { suggestionSchema } from '../../../../shared/search';
import { useApi } from '../../app/core';
import { href, navigate } from '../../app/router';
import { useLoad } from '../../app/use-load';
import { countryName, themeLabel, typeLabel } from '../../ui/format';

type Suggestion = z.output<typeof suggestionSchema>;

/** Suggestions shown at most: one line each, they fit the dialog at 800×600 without scrolling. */
const SUGGESTIONS = 8;

/** What choosing a suggestion does: open the record, or search with its filter. */
function suggestionTarget(suggestion: Suggestion): string {
  if (suggestion.kind === 'title' && suggestion.type && suggestion.id) return href('read', {}, [suggestion.type, suggestion.id]);
  if (suggestion.kind === 'country' && suggestion.id) return href('search', { q: `country:${suggestion.id}` });
  if (suggestion.kind === 'theme' && suggestion.id) return href('search', { q: `theme:${suggestion.id}` });
  return href('search', { q: `"${suggestion.text.replaceAll('"', '')}"` });
}

/**
 * Search everywhere (Ctrl/Cmd+K): suggestions as you type; Enter searches the
 * typed words, or opens the suggestion the arrow keys highlighted; Esc closes,
 * whatever is typed. No suggestion is highlighted until an arrow key moves to
 * one, so what Enter will do is what the screen shows.
 */
export function SearchPalette({ isOpen, onOpenChange }: { isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [query, setQuery] = useState('');
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const words = query.trim();
  const inputRef = useRef<HTMLInputElement>(null);

  // An emptied input (or a closed palette) shows no suggestions; the next words start afresh.
  const changeQuery = (next: string) => {
    setQuery(next);
    if (!next.trim()) setSuggestions([]);
  };
  useEffect(() => {
    if (isOpen) return;
    setQuery('');
    setSuggestions([]);
  }, [isOpen]);

  // The last suggestions stay while the next are read, and through a failure.
  useLoad(query, () => api['search.suggest']({ query: words, limit: SUGGESTIONS }), {
    enabled: words !== '',
    onAnswer: (next) => {
      setSuggestions(next);
      setFailure(null);
    },
    onFailure: setFailure,
  });

  const go = (to: string) => {
    onOpenChange(false);
    navigate(to);
  };
  // With a suggestion highlighted, the Autocomplete turns Enter into choosing it (onAction below).
  const suggestionHighlighted = () => Boolean(inputRef.current?.getAttribute('aria-activedescendant'));
  const submit = (value: string) => {
    if (!suggestionHighlighted() && value.trim()) go(href('search', { q: value.trim() }));
  };
  // Before the search field sees it: its own Escape only empties the field, and the footer promises Esc closes.
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onOpenChange(false);
  };

  const kindLabel = (suggestion: Suggestion) => {
    if (suggestion.kind === 'title') return suggestion.type ? typeLabel(t, suggestion.type) : t('palette.kind.title');
    return t(`palette.kind.${suggestion.kind}`);
  };
  const text = (suggestion: Suggestion) => {
    if (suggestion.kind === 'country' && suggestion.id) return countryName(suggestion.id, i18n.language);
    if (suggestion.kind === 'theme' && suggestion.id) return themeLabel(t, suggestion.id);
    return suggestion.text;
  };

  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={onOpenChange} isDismissable className="modal-overlay">
      <Modal className="modal palette">
        <Dialog className="dialog" aria-labelledby="palette-title">
          <div onKeyDownCapture={closeOnEscape}>
            <Heading slot="title" id="palette-title" className="visually-hidden">
              {t('palette.title')}
            </Heading>
            <Autocomplete inputValue={query} onInputChange={changeQuery} disableAutoFocusFirst>
              <SearchField aria-label={t('palette.inputLabel')} autoFocus className="palette-field" onSubmit={submit}>
                <Input ref={inputRef} className="input" placeholder={t('palette.placeholder')} data-testid="palette-input" />
              </SearchField>
              <ListBox
                aria-label={t('palette.suggestions')}
                className="palette-list"
                items={suggestions.map((suggestion, index) => ({ ...suggestion, key: `${index}:${suggestion.kind}:${suggestion.id ?? suggestion.text}` }))}
                onAction={(key) => {
                  const chosen = suggestions[Number(String(key).split(':', 1)[0])];
                  if (chosen) go(suggestionTarget(chosen));
                }}
                renderEmptyState={() => <p className="palette-empty">{failure ?? (query.trim() ? t('palette.noSuggestions') : t('palette.hint'))}</p>}
              >
                {(suggestion) => (
                  // One line each, so eight suggestions always fit without a scrolling list; the whole text stays in the DOM and the tooltip.
                  <ListBoxItem id={suggestion.key} textValue={text(suggestion)} className="palette-item">
                    <Text slot="label" className="palette-item-text" title={text(suggestion)}>
                      {text(suggestion)}
                    </Text>
                    <Text slot="description" className="muted">
                      {kindLabel(suggestion)}
                    </Text>
                  </ListBoxItem>
                )}
              </ListBox>
            </Autocomplete>
            <p className="palette-footer muted">{t('palette.footer')}</p>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
