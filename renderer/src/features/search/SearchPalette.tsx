import { useEffect, useState } from 'react';
import { Autocomplete, Dialog, Heading, Input, ListBox, ListBoxItem, Modal, ModalOverlay, SearchField, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { suggestionSchema } from '../../../../shared/search';
import { useApi } from '../../app/core';
import { href, navigate } from '../../app/router';
import { useLoad } from '../../app/use-load';
import { countryName, themeLabel, typeLabel } from '../../ui/format';

type Suggestion = z.output<typeof suggestionSchema>;

/** What choosing a suggestion does: open the record, or search with its filter. */
function suggestionTarget(suggestion: Suggestion): string {
  if (suggestion.kind === 'title' && suggestion.type && suggestion.id) return href('read', {}, [suggestion.type, suggestion.id]);
  if (suggestion.kind === 'country' && suggestion.id) return href('search', { q: `country:${suggestion.id}` });
  if (suggestion.kind === 'theme' && suggestion.id) return href('search', { q: `theme:${suggestion.id}` });
  return href('search', { q: `"${suggestion.text.replaceAll('"', '')}"` });
}

/** Search everywhere (Ctrl/Cmd+K): suggestions as you type, Enter searches. */
export function SearchPalette({ isOpen, onOpenChange }: { isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [query, setQuery] = useState('');
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const words = query.trim();

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
  useLoad(query, () => api['search.suggest']({ query: words, limit: 8 }), {
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
          <Heading slot="title" id="palette-title" className="visually-hidden">
            {t('palette.title')}
          </Heading>
          <Autocomplete inputValue={query} onInputChange={changeQuery}>
            <SearchField
              aria-label={t('palette.inputLabel')}
              autoFocus
              className="palette-field"
              onSubmit={(value) => value.trim() && go(href('search', { q: value.trim() }))}
            >
              <Input className="input" placeholder={t('palette.placeholder')} data-testid="palette-input" />
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
                <ListBoxItem id={suggestion.key} textValue={text(suggestion)} className="palette-item">
                  <Text slot="label">{text(suggestion)}</Text>
                  <Text slot="description" className="muted">
                    {kindLabel(suggestion)}
                  </Text>
                </ListBoxItem>
              )}
            </ListBox>
          </Autocomplete>
          <p className="palette-footer muted">{t('palette.footer')}</p>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
