// practices.compare: good practices side by side on EWSI's template fields.
import { ContractError } from '../../../shared/contract';
import type { ContentRecord } from '../../../shared/content';
import type { PracticeComparison, PracticeField } from '../../../shared/library';
import type { RecordReader } from './record-reader';

type Practice = ContentRecord<'good-practice'>;
type Format = PracticeComparison['fields'][number]['format'];
type Value = PracticeComparison['fields'][number]['values'][number];

/** Each template field: how it is shown and where it is in a practice. */
const FIELDS: ReadonlyArray<[PracticeField, Format, (practice: Practice) => Value]> = [
  ['title', 'text', (p) => p.title],
  ['country', 'code', (p) => p.country],
  ['cityArea', 'text', (p) => p.cityArea],
  ['startDate', 'date', (p) => p.startDate],
  ['endDate', 'date', (p) => p.endDate],
  ['regularService', 'boolean', (p) => p.regularService],
  ['summary', 'text', (p) => p.summary],
  ['challengeAndGoals', 'html', (p) => p.challengeAndGoals],
  ['howItWorks', 'html', (p) => p.howItWorks],
  ['results', 'html', (p) => p.results],
  ['targetGroupOpinion', 'html', (p) => p.targetGroupOpinion],
  ['evaluationType', 'code', (p) => p.evaluation.type],
  ['evaluationIndicators', 'text', (p) => p.evaluation.indicators],
  ['evaluationSuccesses', 'text', (p) => p.evaluation.successes],
  ['evaluationFailures', 'text', (p) => p.evaluation.failures],
  ['targetGroups', 'list', (p) => p.targetGroups],
  ['peopleReached', 'number', (p) => p.peopleReached],
  ['fundingSource', 'text', (p) => p.fundingSource],
  ['resources', 'text', (p) => p.resources],
  ['organisationName', 'text', (p) => p.organisation.name],
  ['organisationType', 'code', (p) => p.organisation.type],
  ['organisationWebsite', 'url', (p) => p.organisation.website],
  ['contactName', 'text', (p) => p.contact.name],
  ['contactEmail', 'text', (p) => p.contact.email],
  ['contactPhone', 'text', (p) => p.contact.phone],
];

export function comparePractices(reader: RecordReader, ids: readonly string[]): PracticeComparison {
  const unique = [...new Set(ids)];
  if (unique.length < 2) throw new ContractError('invalid_arguments', 'Comparing needs at least two different good practices');
  const loaded = unique.map((id) => {
    const { version, record } = reader.record('good-practice', id);
    return { version, practice: record };
  });
  return {
    practices: loaded.map(({ version, practice }) => ({ id: practice.id, title: practice.title, version, unseenChange: reader.unseenChange('good-practice', practice.id) })),
    fields: FIELDS.map(([field, format, read]) => {
      const values = loaded.map(({ practice }) => read(practice) ?? null);
      const differs = new Set(values.map((value) => JSON.stringify(value))).size > 1;
      return { field, format, values, differs };
    }),
  };
}
