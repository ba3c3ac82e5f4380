// Words of a diff as text: inserted words in <ins>, deleted ones in <del>
// (screen readers can announce both; the colours are not the only sign: the
// deleted words are struck through, the inserted ones underlined).
import { useTranslation } from 'react-i18next';
import type { WordPart } from '../../../../shared/version-diff';

export function WordDiff({ parts, testId }: { parts: readonly WordPart[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <p className="word-diff" data-testid={testId}>
      {parts.map((part, index) =>
        part.op === 'insert' ? (
          <ins key={index} className="diff-insert" aria-label={t('history.inserted', { text: part.text })}>
            {part.text}
          </ins>
        ) : part.op === 'delete' ? (
          <del key={index} className="diff-delete" aria-label={t('history.deleted', { text: part.text })}>
            {part.text}
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
