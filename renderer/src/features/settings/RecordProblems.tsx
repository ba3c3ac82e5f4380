// The records the last syncs stored with less than their full derivation: the
// sync went on, and the user can see which records may be found by title only.
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/sync';

export function RecordProblems({ problems }: { problems: SyncStatus['problems'] }) {
  const { t } = useTranslation();
  if (problems.count === 0) return null;
  return (
    <details className="record-problems" data-testid="record-problems">
      <summary>{t('settings.recordProblems', { count: problems.count })}</summary>
      <ul>
        {problems.newest.map((problem) => (
          <li key={`${problem.type}/${problem.id}`}>
            <code>
              {problem.type}/{problem.id}
            </code>{' '}
            {t('settings.recordProblemVersion', { version: problem.version })}: {problem.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
