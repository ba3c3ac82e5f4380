// Pieces shared by the Reader's annotation panel and the Annotations screen:
// the colour choice, the note-and-tags fields, and one annotation shown as a
// card (placed: its passage; orphaned: its old quote and the text there now).
import { useState, type ReactNode } from 'react';
import { Button, Input, Label, Radio, RadioGroup, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ANNOTATION_COLORS, type Annotation, type AnnotationColor } from '../../../../shared/annotations';
import { errorMessage, useApi } from '../../app/core';
import { formatDate } from '../../ui/format';
import { TextChangeNotice } from '../history/TextChangeNotice';

/** Tags as typed: separated by commas, blanks trimmed, empty ones dropped. */
export const parseTags = (text: string): string[] => [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))];

export function ColorChoice({ value, onChange, label }: { value: AnnotationColor; onChange: (color: AnnotationColor) => void; label: string }) {
  const { t } = useTranslation();
  return (
    <RadioGroup className="radio-group color-choice" orientation="horizontal" value={value} onChange={(next) => onChange(next as AnnotationColor)} data-testid="annotation-color">
      <Label>{label}</Label>
      {ANNOTATION_COLORS.map((color) => (
        <Radio key={color} value={color} className="radio color-radio">
          <span className={`swatch swatch-${color}`} aria-hidden="true" />
          {t(`annotations.colors.${color}`)}
        </Radio>
      ))}
    </RadioGroup>
  );
}

export function NoteFields({ note, onNote, tags, onTags }: { note: string; onNote: (note: string) => void; tags: string; onTags: (tags: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField className="field" value={note} onChange={onNote} maxLength={20_000}>
        <Label>{t('annotations.note')}</Label>
        <TextArea className="input note-input" rows={4} data-testid="annotation-note" />
      </TextField>
      <TextField className="field" value={tags} onChange={onTags}>
        <Label>{t('annotations.tags')}</Label>
        <Input className="input" data-testid="annotation-tags" />
        <Text slot="description" className="muted">
          {t('annotations.tagsHelp')}
        </Text>
      </TextField>
    </>
  );
}

/** Edits an annotation's colour, note and tags in place. */
function EditAnnotation({ annotation, onDone }: { annotation: Annotation; onDone: (changed: boolean) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [color, setColor] = useState(annotation.color);
  const [note, setNote] = useState(annotation.note);
  const [tags, setTags] = useState(annotation.tags.join(', '));
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await api['annotations.update']({ id: annotation.id, color, note, tags: parseTags(tags) });
      onDone(true);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  };
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <ColorChoice value={color} onChange={setColor} label={t('annotations.color')} />
      <NoteFields note={note} onNote={setNote} tags={tags} onTags={setTags} />
      {failure && (
        <p role="alert" className="error">
          {t('annotations.saveFailed', { message: failure })}
        </p>
      )}
      <div className="actions">
        <Button type="submit" className="button button-primary" isDisabled={busy}>
          {t('annotations.save')}
        </Button>
        <Button className="button" onPress={() => onDone(false)} isDisabled={busy}>
          {t('annotations.cancel')}
        </Button>
      </div>
    </form>
  );
}

/**
 * One annotation. `onChanged` runs after an edit or a delete. `extra` adds
 * actions (the Reader's "show", "attach to the selected passage"), `title`
 * names the record (the Annotations screen), `highlight` marks the current one.
 */
export function AnnotationCard({
  annotation,
  onChanged,
  extra,
  title,
  highlight = false,
  onFocus,
  passageNote,
}: {
  annotation: Annotation;
  onChanged: () => void;
  extra?: ReactNode;
  title?: ReactNode;
  highlight?: boolean;
  onFocus?: () => void;
  passageNote?: string;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const [failure, setFailure] = useState<string | null>(null);
  const orphan = annotation.anchoring.status === 'orphaned' ? annotation.anchoring : null;

  const remove = async () => {
    try {
      await api['annotations.delete']({ id: annotation.id });
      onChanged();
    } catch (error) {
      setFailure(errorMessage(error));
      setMode('view');
    }
  };

  return (
    <article
      id={`annotation-${annotation.id}`}
      tabIndex={-1}
      className={`annotation-card card${highlight ? ' annotation-current' : ''}${orphan ? ' annotation-orphan' : ''}`}
      aria-label={t(orphan ? 'annotations.orphanLabel' : 'annotations.cardLabel', { quote: annotation.quote.exact })}
      data-testid="annotation-card"
      data-annotation-id={annotation.id}
      data-status={annotation.anchoring.status}
      onFocus={onFocus}
    >
      {title}
      <p className="annotation-head">
        <span className={`swatch swatch-${annotation.color}`} aria-hidden="true" />
        <span className="visually-hidden">{t(`annotations.colors.${annotation.color}`)}</span>
        <span className="muted">{formatDate(annotation.updatedAt, i18n.language)}</span>
        {annotation.anchoring.status === 'placed' && annotation.anchoring.tier !== 'created' && annotation.anchoring.tier !== 'position' && (
          <span className="badge" title={t('annotations.movedHelp')}>
            {t('annotations.moved')}
          </span>
        )}
      </p>
      {orphan ? (
        <div className="orphan-detail" data-testid="orphan-detail">
          <p className="error">{t(orphan.reason === 'target-deleted' ? 'annotations.orphanDeleted' : 'annotations.orphanChanged')}</p>
          <p className="muted">{t('annotations.oldQuote')}</p>
          <blockquote className="annotation-quote" data-testid="annotation-old-quote">
            {orphan.oldQuote}
          </blockquote>
          {orphan.changedPassage && (
            <>
              <p className="muted">{t('annotations.changedPassage')}</p>
              <blockquote className="annotation-quote changed-passage" data-testid="annotation-changed-passage">
                {orphan.changedPassage}
              </blockquote>
            </>
          )}
        </div>
      ) : (
        <blockquote className="annotation-quote" data-testid="annotation-quote">
          {annotation.quote.exact}
        </blockquote>
      )}
      <TextChangeNotice annotation={annotation} onChanged={onChanged} />
      {passageNote && <p className="muted">{passageNote}</p>}
      {mode === 'edit' ? (
        <EditAnnotation
          annotation={annotation}
          onDone={(changed) => {
            setMode('view');
            if (changed) onChanged();
          }}
        />
      ) : (
        <>
          {annotation.note && (
            <p className="annotation-note" data-testid="annotation-note-text">
              {annotation.note}
            </p>
          )}
          {annotation.tags.length > 0 && (
            <ul className="tag-list plain-list" aria-label={t('annotations.tags')}>
              {annotation.tags.map((tag) => (
                <li key={tag} className="tag">
                  {tag}
                </li>
              ))}
            </ul>
          )}
          {failure && (
            <p role="alert" className="error">
              {t('annotations.deleteFailed', { message: failure })}
            </p>
          )}
          {mode === 'confirm-delete' ? (
            <div className="actions" role="group" aria-label={t('annotations.confirmDelete')}>
              <span>{t('annotations.confirmDelete')}</span>
              <Button className="button button-danger" onPress={() => void remove()} autoFocus>
                {t('annotations.delete')}
              </Button>
              <Button className="button" onPress={() => setMode('view')}>
                {t('annotations.keep')}
              </Button>
            </div>
          ) : (
            <div className="actions">
              {extra}
              <Button className="button button-quiet" onPress={() => setMode('edit')}>
                {t('annotations.edit')}
              </Button>
              <Button className="button button-quiet" onPress={() => setMode('confirm-delete')}>
                {t('annotations.delete')}
              </Button>
            </div>
          )}
        </>
      )}
    </article>
  );
}
