// The annotation being made on the pending passage: its colour, note and tags,
// and saving it. One draft per open record, shared by the floating toolbar at
// the passage and the sidebar's form, so a colour chosen in one is the other's.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotatableType, AnnotationColor } from '../../../../shared/annotations';
import { errorMessage, useApi } from '../../app/core';
import { parseTags } from './AnnotationParts';

export type Passage = { key: string | null; start: number; end: number; exact: string };
export type DraftMessage = { kind: 'status' | 'error'; text: string };

export interface AnnotationDraft {
  color: AnnotationColor;
  setColor: (color: AnnotationColor) => void;
  note: string;
  setNote: (note: string) => void;
  tags: string;
  setTags: (tags: string) => void;
  busy: boolean;
  message: DraftMessage | null;
  setMessage: (message: DraftMessage | null) => void;
  /** Saves an annotation of the passage with the draft's colour, note and tags; true when saved. */
  create: () => Promise<boolean>;
}

export function useAnnotationDraft({
  target,
  passage,
  onCreated,
}: {
  target: { type: AnnotatableType; id: string };
  passage: Passage | null;
  /** After the save: the new annotation's id. */
  onCreated: (id: string) => Promise<void>;
}): AnnotationDraft {
  const { t } = useTranslation();
  const api = useApi();
  const [color, setColor] = useState<AnnotationColor>('yellow');
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<DraftMessage | null>(null);

  const create = useCallback(async () => {
    if (!passage) return false;
    setBusy(true);
    setMessage(null);
    try {
      const made = await api['annotations.create']({ target: { ...target, key: passage.key }, start: passage.start, end: passage.end, exact: passage.exact, color, note, tags: parseTags(tags) });
      setNote('');
      setTags('');
      await onCreated(made.id);
      setMessage({ kind: 'status', text: t('annotations.created') });
      return true;
    } catch (error) {
      setMessage({ kind: 'error', text: t('annotations.saveFailed', { message: errorMessage(error) }) });
      return false;
    } finally {
      setBusy(false);
    }
  }, [api, t, target, passage, color, note, tags, onCreated]);

  return { color, setColor, note, setNote, tags, setTags, busy, message, setMessage, create };
}
