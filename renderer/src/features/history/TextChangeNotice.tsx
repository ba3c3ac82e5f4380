// On an annotation card: "Text changed since your note" with the word diff of
// its passage and "Keep the note here" (accept); an orphan's passage as it was
// in the version the note was made on.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../../../shared/annotations';
import { errorMessage, useApi } from '../../app/core';
import { WordDiff } from './WordDiff';

export function TextChangeNotice({ annotation, onChanged }: { annotation: Annotation; onChanged: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [failure, setFailure] = useState<string | null>(null);
  const orphan = annotation.anchoring.status === 'orphaned';
  const change = annotation.textChange;
  if (!change && !orphan) return null;
  const accept = async () => {
    try {
      await api['annotations.acceptChange']({ id: annotation.id });
      onChanged();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <div className="text-change" data-testid="text-change">
      {change && (
        <>
          <p className="text-change-title">
            <span className="badge badge-warning">{t('history.textChanged')}</span>
          </p>
          <WordDiff parts={change.parts} testId="text-change-diff" />
        </>
      )}
      {orphan && (
        <>
          <p className="muted">{t('history.madeOn')}</p>
          <blockquote className="annotation-quote" data-testid="made-on-passage">
            {annotation.madeOn.prefix}
            <mark>{annotation.madeOn.exact}</mark>
            {annotation.madeOn.suffix}
          </blockquote>
        </>
      )}
      {change && !orphan && (
        <div className="actions">
          <Button className="button" onPress={() => void accept()} data-testid="accept-change">
            {t('history.accept')}
          </Button>
        </div>
      )}
      {failure && (
        <p role="alert" className="error">
          {t('history.acceptFailed', { message: failure })}
        </p>
      )}
    </div>
  );
}
