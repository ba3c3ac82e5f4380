// The user's collections: named sets of synced items with notes, built from
// the Reader, search results and lists; renamed, annotated, pruned, and
// exported as citations, Markdown, W3C annotations or a ZIP bundle.
import { useId, useState } from 'react';
import { Button, Input, Label, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { BibliographyOptions } from '../../../../shared/citations';
import { BibliographyChoice } from '../citations/BibliographyChoice';
import { CiteButton } from '../citations/CiteButton';
import { collectionName, EXPORT_FORMATS, type Collection, type CollectionItem, type ExportFormat } from '../../../../shared/annotations';
import { errorMessage, useApi } from '../../app/core';
import { href, navigate, type Route } from '../../app/router';
import { useLoad, useReload } from '../../app/use-load';
import { LoadFailure } from '../../ui/LoadFailure';
import { formatDate, formatNumber, typeLabel } from '../../ui/format';
import { formatBytes } from '../../ui/record-labels';
import { bytesFromBase64, saveFile } from '../../ui/save-file';

export function CollectionsScreen({ route }: { route: Route }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const locale = i18n.language;
  const [generation, reload] = useReload();
  // Read again after each change, with the last list on screen meanwhile.
  const state = useLoad(`collections|${generation}`, () => api['collections.list']({}), { keep: true });
  const [newName, setNewName] = useState('');
  const [createError, setCreateError] = useState<string | null>(null);

  const collections = state.status === 'ready' ? state.value : [];
  const chosenName = route.params.get('name');
  const chosen = collections.find((c) => c.name === chosenName) ?? (chosenName === null ? collections[0] : undefined);
  const nameCheck = collectionName.safeParse(newName);

  const create = async () => {
    if (!nameCheck.success) return;
    try {
      const made = await api['collections.create']({ name: nameCheck.data, note: '' });
      setNewName('');
      setCreateError(null);
      reload();
      navigate(href('collections', { name: made.name }));
    } catch (error) {
      setCreateError(errorMessage(error));
    }
  };

  return (
    <section aria-labelledby="screen-title" className="screen">
      <h1 id="screen-title" tabIndex={-1}>
        {t('screens.collections')}
      </h1>
      <p className="muted">{t('collections.intro')}</p>
      <LoadFailure load={state} />
      <div className="collections-layout">
        <nav aria-label={t('collections.listLabel')} className="collections-list">
          {state.status === 'ready' && collections.length === 0 && <p className="muted">{t('collections.none')}</p>}
          <ul className="plain-list" data-testid="collections-list">
            {collections.map((collection) => (
              <li key={collection.id}>
                <a href={href('collections', { name: collection.name })} aria-current={collection.id === chosen?.id ? 'page' : undefined}>
                  {collection.name}
                </a>{' '}
                <span className="muted">{t('collections.itemCount', { count: collection.items.length, formatted: formatNumber(collection.items.length, locale) })}</span>
              </li>
            ))}
          </ul>
          <form
            className="stack"
            onSubmit={(event) => {
              event.preventDefault();
              void create();
            }}
          >
            <TextField className="field" value={newName} onChange={setNewName} isInvalid={newName !== '' && !nameCheck.success}>
              <Label>{t('collections.newName')}</Label>
              <Input className="input" data-testid="create-collection-name" />
            </TextField>
            <Button type="submit" className="button" isDisabled={!nameCheck.success}>
              {t('collections.create')}
            </Button>
            {createError && (
              <p role="alert" className="error">
                {t('collections.createFailed', { message: createError })}
              </p>
            )}
          </form>
        </nav>
        {chosen ? <CollectionDetail key={chosen.id} collection={chosen} onChanged={reload} /> : chosenName !== null && state.status === 'ready' && <p className="card notice">{t('collections.notFound', { name: chosenName })}</p>}
      </div>
    </section>
  );
}

function CollectionDetail({ collection, onChanged }: { collection: Collection; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const locale = i18n.language;
  const idPrefix = useId();
  const [name, setName] = useState(collection.name);
  const [note, setNote] = useState(collection.note);
  const [message, setMessage] = useState<{ kind: 'status' | 'error'; text: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('csl-json');
  const [bibliography, setBibliography] = useState<BibliographyOptions>({ style: 'apa', locale: 'en', format: 'html' });
  const [exporting, setExporting] = useState(false);
  const nameCheck = collectionName.safeParse(name);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setMessage({ kind: 'status', text: done });
      onChanged();
    } catch (error) {
      setMessage({ kind: 'error', text: t('collections.failed', { message: errorMessage(error) }) });
    }
  };

  const rename = () =>
    act(async () => {
      const renamed = await api['collections.rename']({ name: collection.name, newName: name.trim() });
      navigate(href('collections', { name: renamed.name }));
    }, t('collections.renamed'));

  const exportAs = async () => {
    setExporting(true);
    setMessage({ kind: 'status', text: t('collections.exporting') });
    try {
      const file = await api['export.collection']({ name: collection.name, format, ...(format === 'bibliography' ? { bibliography } : {}) });
      saveFile(file.fileName, file.mediaType, bytesFromBase64(file.base64));
      setMessage({ kind: 'status', text: t('collections.exported', { file: file.fileName, size: formatBytes(file.bytes, locale) }) });
    } catch (error) {
      setMessage({ kind: 'error', text: t('collections.exportFailed', { message: errorMessage(error) }) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <article className="collection-detail stack" aria-labelledby="collection-title" data-testid="collection-detail">
      <h2 id="collection-title">{collection.name}</h2>
      <form
        className="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          void rename();
        }}
      >
        <TextField className="field grow" value={name} onChange={setName} isInvalid={!nameCheck.success}>
          <Label>{t('collections.name')}</Label>
          <Input className="input" />
        </TextField>
        <Button type="submit" className="button" isDisabled={!nameCheck.success || name.trim() === collection.name}>
          {t('collections.rename')}
        </Button>
      </form>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void act(() => api['collections.setNote']({ name: collection.name, note }), t('collections.noteSaved'));
        }}
      >
        <TextField className="field" value={note} onChange={setNote} maxLength={20_000}>
          <Label>{t('collections.note')}</Label>
          <TextArea className="input note-input" rows={3} />
        </TextField>
        <div className="actions">
          <Button type="submit" className="button" isDisabled={note === collection.note}>
            {t('collections.saveNote')}
          </Button>
        </div>
      </form>

      <section className="card stack" aria-labelledby={`${idPrefix}-export`}>
        <h3 id={`${idPrefix}-export`}>{t('collections.exportTitle')}</h3>
        <div className="search-form">
          <div className="field grow">
            <label htmlFor={`${idPrefix}-format`}>{t('collections.format')}</label>
            <select id={`${idPrefix}-format`} className="input" value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)} data-testid="export-format">
              {EXPORT_FORMATS.map((option) => (
                <option key={option} value={option}>
                  {t(`collections.formats.${option}`)}
                </option>
              ))}
            </select>
          </div>
          <Button className="button button-primary" onPress={() => void exportAs()} isDisabled={exporting} data-testid="export-collection">
            {t('collections.export')}
          </Button>
        </div>
        {format === 'bibliography' && <BibliographyChoice idPrefix={idPrefix} value={bibliography} onChange={setBibliography} />}
        <p className="muted">{t(`collections.formatHelp.${format}`)}</p>
        <div className="actions">
          <CiteButton source={{ kind: 'collection', name: collection.name }} subject={t('citations.collection', { name: collection.name })} testId="cite-collection" />
        </div>
      </section>

      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error' : 'muted'} data-testid="collection-message">
          {message.text}
        </p>
      )}

      <h3>{t('collections.items', { count: collection.items.length, formatted: formatNumber(collection.items.length, locale) })}</h3>
      {collection.items.length === 0 && <p className="card notice">{t('collections.empty')}</p>}
      <ul className="plain-list stack" data-testid="collection-items">
        {collection.items.map((item) => (
          <li key={`${item.type}/${item.id}`}>
            <CollectionItemCard collection={collection} item={item} onChanged={onChanged} />
          </li>
        ))}
      </ul>

      {confirmDelete ? (
        <div className="actions" role="group" aria-label={t('collections.confirmDelete', { name: collection.name })}>
          <span>{t('collections.confirmDelete', { name: collection.name })}</span>
          <Button
            className="button button-danger"
            autoFocus
            onPress={() =>
              void act(async () => {
                await api['collections.delete']({ name: collection.name });
                navigate(href('collections'));
              }, t('collections.deleted'))
            }
          >
            {t('collections.delete')}
          </Button>
          <Button className="button" onPress={() => setConfirmDelete(false)}>
            {t('collections.keep')}
          </Button>
        </div>
      ) : (
        <div className="actions">
          <Button className="button button-quiet" onPress={() => setConfirmDelete(true)}>
            {t('collections.delete')}
          </Button>
        </div>
      )}
    </article>
  );
}

function CollectionItemCard({ collection, item, onChanged }: { collection: Collection; item: CollectionItem; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [note, setNote] = useState(item.note);
  const [failure, setFailure] = useState<string | null>(null);
  const label = item.title ?? t('collections.goneItem', { id: item.id });
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setFailure(null);
      onChanged();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  const key = { type: item.type, id: item.id };
  return (
    <div className="card stack collection-item" data-testid="collection-item">
      <p>
        {item.title ? <a href={href('read', {}, [item.type, item.id])}>{item.title}</a> : <span>{label}</span>}{' '}
        <span className="muted">
          {typeLabel(t, item.type)} · {t('collections.addedOn', { date: formatDate(item.addedAt, i18n.language) })}
        </span>
      </p>
      <form
        className="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => api['collections.setNote']({ name: collection.name, item: key, note }));
        }}
      >
        <TextField className="field grow" value={note} onChange={setNote} maxLength={20_000}>
          <Label>{t('collections.itemNote', { title: label })}</Label>
          <Input className="input" />
        </TextField>
        <Button type="submit" className="button" isDisabled={note === item.note}>
          {t('collections.saveNote')}
        </Button>
        <Button className="button button-quiet" onPress={() => void run(() => api['collections.removeItems']({ name: collection.name, items: [key] }))} aria-label={t('collections.removeNamed', { title: label })}>
          {t('collections.remove')}
        </Button>
      </form>
      {failure && (
        <p role="alert" className="error">
          {t('collections.failed', { message: failure })}
        </p>
      )}
    </div>
  );
}
