// How much of the library's PDF text is searchable: "1,812 of 1,840 PDFs
// indexed, 28 without text", what is left (waiting, not downloaded under the
// attachment policy, failed with the reason), and the file being read now.
import { useTranslation } from 'react-i18next';
import type { FullTextStatus } from '../../../../shared/sync';
import { formatNumber } from '../../ui/format';

export function FullTextCoverage({ fullText }: { fullText: FullTextStatus }) {
  const { t, i18n } = useTranslation();
  if (fullText.pdfs === 0) return null;
  const n = (count: number) => formatNumber(count, i18n.language);
  const { current } = fullText;
  return (
    <div className="full-text-coverage" data-testid="full-text-coverage">
      <p role="status">
        {t('fullText.coverage', { count: fullText.pdfs, indexed: n(fullText.indexed), pdfs: n(fullText.pdfs), withoutText: n(fullText.withoutText) })}
      </p>
      {(fullText.pending > 0 || fullText.notDownloaded > 0) && (
        <p className="muted">
          {[
            fullText.pending > 0 ? t('fullText.pending', { count: fullText.pending, formatted: n(fullText.pending) }) : '',
            fullText.notDownloaded > 0 ? t('fullText.notDownloaded', { count: fullText.notDownloaded, formatted: n(fullText.notDownloaded) }) : '',
          ]
            .filter(Boolean)
            .join(' ')}
        </p>
      )}
      {fullText.running && current && (
        <p className="muted">
          {current.pages ? t('fullText.reading', { file: current.fileName, page: n(current.page), pages: n(current.pages) }) : t('fullText.opening', { file: current.fileName })}
        </p>
      )}
      {fullText.failed > 0 && (
        <details data-testid="full-text-failures">
          <summary>{t('fullText.failed', { count: fullText.failed, formatted: n(fullText.failed) })}</summary>
          <ul>
            {fullText.failures.map((failure) => (
              <li key={failure.sha256}>
                <code>{failure.sha256.slice(0, 12)}</code>: {failure.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
