import { useEffect, useState, type FormEvent } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Input, Label, Modal, ModalOverlay, TextField, ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { FacetCount, SearchResultPayload } from '../../../../shared/search';
import { errorMessage, useApi } from '../../app/core';
import { href, navigate, type Route } from '../../app/router';
import { useLoad, type Load } from '../../app/use-load';
import { LoadFailure } from '../../ui/LoadFailure';
import { countryName, formatNumber, languageName, themeLabel, typeLabel } from '../../ui/format';
import { QueryNotices, QueryRelaxations } from './QueryHelp';
import { SearchHits } from './SearchHits';
import { facetToken, hasToken, toggleToken, type FacetName } from './search-query';

const PAGE_SIZE = 20;
const FACETS: FacetName[] = ['type', 'country', 'theme', 'language', 'year'];
type Sort = 'rank' | 'date';

type ResultState = { status: 'idle' } | Load<SearchResultPayload>;

export function SearchScreen({ route }: { route: Route }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const query = route.params.get('q') ?? '';
  const sort: Sort = route.params.get('sort') === 'date' ? 'date' : 'rank';
  const page = Math.max(1, Number.parseInt(route.params.get('page') ?? '1', 10) || 1);
  const [draft, setDraft] = useState(query);
  const searching = query.trim() !== '';
  const read = useLoad(JSON.stringify([query, sort, page]), () => api['search.query']({ query, sort, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }), { enabled: searching });
  const state: ResultState = searching ? read : { status: 'idle' };

  useEffect(() => setDraft(query), [query]);

  const go = (next: { q?: string; sort?: Sort; page?: number }) =>
    navigate(href('search', { q: next.q ?? query, sort: (next.sort ?? sort) === 'date' ? 'date' : undefined, page: (next.page ?? 1) > 1 ? next.page : undefined }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ q: draft.trim() });
  };

  const result = state.status === 'ready' ? state.value : null;
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const locale = i18n.language;

  const facetValueLabel = (facet: FacetName, value: string) => {
    if (facet === 'type') return typeLabel(t, value);
    if (facet === 'country') return countryName(value, locale);
    if (facet === 'theme') return themeLabel(t, value);
    if (facet === 'language') return languageName(value, locale);
    return value;
  };

  return (
    <section aria-labelledby="screen-title" className="screen search-screen">
      <h1 id="screen-title" tabIndex={-1}>
        {t('screens.search')}
      </h1>
      <form role="search" className="search-form" onSubmit={submit}>
        <TextField value={draft} onChange={setDraft} className="field grow">
          <Label>{t('search.queryLabel')}</Label>
          <Input className="input" type="search" data-testid="search-input" />
        </TextField>
        <Button type="submit" className="button button-primary">
          {t('search.submit')}
        </Button>
        {query.trim() && <SaveSearch query={query} />}
      </form>
      <p className="muted help">{t('search.help')}</p>

      {state.status === 'idle' && <p>{t('search.empty')}</p>}
      <LoadFailure load={state} />
      <div role="status" className="search-summary" data-testid="search-summary">
        {state.status === 'loading' && t('search.loading')}
        {result && t('search.total', { count: result.total, formatted: formatNumber(result.total, locale) })}
      </div>
      {result && <QueryNotices query={query} notices={result.notices} searchHref={(q) => href('search', { q, sort: sort === 'date' ? 'date' : undefined })} />}
      {result && <QueryRelaxations relaxations={result.relaxations} />}
      <NotesMatching query={query} />

      {result && (
        <div className="search-layout">
          <aside className="facets" aria-label={t('search.facets')}>
            {FACETS.map((facet) =>
              result.facets[facet].length === 0 ? null : (
                <Facet key={facet} facet={facet} values={result.facets[facet]} query={query} label={(value) => facetValueLabel(facet, value)} onToggle={(token) => go({ q: toggleToken(query, token) })} />
              ),
            )}
          </aside>
          <div className="results">
            <div className="sort" role="group" aria-label={t('search.sort')}>
              {(['rank', 'date'] as const).map((option) => (
                <ToggleButton key={option} className="button" isSelected={sort === option} onChange={() => go({ sort: option })}>
                  {t(`search.sortBy.${option}`)}
                </ToggleButton>
              ))}
            </div>
            <SearchHits key={query} query={query} sort={sort} hits={result.hits} total={result.total} firstPosition={(page - 1) * PAGE_SIZE + 1} />
            {pages > 1 && (
              <nav className="pager" aria-label={t('search.pages')}>
                <Button className="button" isDisabled={page <= 1} onPress={() => go({ page: page - 1 })}>
                  {t('search.previous')}
                </Button>
                <span>{t('search.pageOf', { page, pages })}</span>
                <Button className="button" isDisabled={page >= pages} onPress={() => go({ page: page + 1 })}>
                  {t('search.next')}
                </Button>
              </nav>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

/** Values shown before "Show all": enough for most facets, short enough to leave the results in view. */
const FACET_PREVIEW = 12;

/** One facet's values with their counts; every value is reachable ("Show all 27"), and a selected one always shows. */
function Facet({ facet, values, query, label, onToggle }: { facet: FacetName; values: FacetCount[]; query: string; label: (value: string) => string; onToggle: (token: string) => void }) {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const locale = i18n.language;
  const shown = expanded ? values : values.filter((entry, index) => index < FACET_PREVIEW || hasToken(query, facetToken(facet, entry.value)));
  return (
    <section aria-labelledby={`facet-${facet}`} className="facet">
      <h2 id={`facet-${facet}`}>{t(`search.facet.${facet}`)}</h2>
      <ul className="plain-list" id={`facet-values-${facet}`} data-testid={`facet-${facet}`}>
        {shown.map(({ value, count }) => {
          const token = facetToken(facet, value);
          return (
            <li key={value}>
              <ToggleButton className="facet-button" isSelected={hasToken(query, token)} onChange={() => onToggle(token)}>
                <span>{label(value)}</span>
                <span className="count" aria-label={t('search.facetCount', { count })}>
                  {formatNumber(count, locale)}
                </span>
              </ToggleButton>
            </li>
          );
        })}
      </ul>
      {values.length > FACET_PREVIEW && (
        <Button className="button button-quiet facet-more" aria-expanded={expanded} aria-controls={`facet-values-${facet}`} onPress={() => setExpanded(!expanded)} data-testid={`facet-more-${facet}`}>
          {expanded ? t('queryHelp.showFewer') : t('queryHelp.showAll', { count: values.length, formatted: formatNumber(values.length, locale) })}
        </Button>
      )}
    </section>
  );
}

/** The user's own annotation notes are not in the library's index (it holds no user data): their matches are offered apart. */
function NotesMatching({ query }: { query: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  // Only words can match a note.
  const hasWords = /[\p{L}\p{N}]/u.test(query);
  const found = useLoad(query, () => api['annotations.search']({ query, limit: 100 }), { enabled: hasWords });
  // A failure shows nothing: the library's results stand without them.
  const count = hasWords && found.status === 'ready' ? found.value.hits.length : 0;
  if (count === 0) return null;
  return (
    <p className="card notice" data-testid="notes-matching">
      {t('search.notesMatching', { count, formatted: formatNumber(count, i18n.language) })} <a href={href('annotations', { q: query })}>{t('search.showNotes')}</a>
    </p>
  );
}

function SaveSearch({ query }: { query: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [name, setName] = useState(query);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => setName(query), [query]);

  return (
    <>
      <DialogTrigger>
        <Button className="button">{t('search.save')}</Button>
        <ModalOverlay isDismissable className="modal-overlay">
          <Modal className="modal">
            <Dialog className="dialog">
              {({ close }) => (
                <form
                  onSubmit={(event) => {
                    event.preventDefault();
                    api['savedSearches.save']({ name: name.trim() || query, query }).then(
                      (saved) => {
                        setMessage({ ok: true, text: t('search.saved', { name: saved.name }) });
                        close();
                      },
                      (error: unknown) => setMessage({ ok: false, text: errorMessage(error) }),
                    );
                  }}
                >
                  <Heading slot="title">{t('search.saveTitle')}</Heading>
                  <TextField value={name} onChange={setName} autoFocus className="field">
                    <Label>{t('search.saveName')}</Label>
                    <Input className="input" />
                  </TextField>
                  <div className="actions">
                    <Button type="submit" className="button button-primary">
                      {t('common.save')}
                    </Button>
                    <Button className="button" onPress={close}>
                      {t('common.cancel')}
                    </Button>
                  </div>
                </form>
              )}
            </Dialog>
          </Modal>
        </ModalOverlay>
      </DialogTrigger>
      <span role="status" className={message && !message.ok ? 'error' : 'muted'}>
        {message?.text}
      </span>
    </>
  );
}
