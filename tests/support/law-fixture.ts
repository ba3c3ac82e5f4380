// A law published in four versions, with what each amendment did, for the
// history tests: every article is plain text that can be checked by eye.
import { sampleDocument } from './portal';

export interface FixtureArticle {
  label: string;
  heading: string;
  paragraphs: string[];
}

export interface FixtureVersion {
  number: number;
  inForceFrom: string;
  changeNote?: string;
  articles: FixtureArticle[];
}

const article = (label: string, heading: string, ...paragraphs: string[]): FixtureArticle => ({ label, heading, paragraphs });

const A1 = article('1', 'Subject matter', 'This Act lays down the rules on the integration courses offered to third-country nationals residing lawfully in the Land.', 'It applies from the day a residence permit is first issued.');
const A2 = article('2', 'Definitions', 'For the purposes of this Act, "integration course" means a course of language and civic orientation of at least 600 hours.');
const A2v3 = article('2', 'Definitions', 'For the purposes of this Act, "integration course" means a course of language and civic orientation of at least 700 hours.');
const A3 = article('3', 'Right to a course', 'Every person holding a residence permit for more than one year is entitled to a place on an integration course within three months.', 'The municipality of residence shall offer the place.');
const A3v2 = article('3', 'Right to a course', 'Every person holding a residence permit for more than six months is entitled to a place on an integration course within six weeks.', 'The municipality of residence shall offer the place.');
const A4 = article('4', 'Costs', 'The course is free of charge for persons receiving social assistance.');
const A4a = article('4a', 'Childcare', 'Participants with children under three years of age are offered childcare during the course hours.');
const A5 = article('5', 'Certificates', 'A certificate is issued to every participant who passes the final test.');
const A6 = article('6', 'Reporting', 'The ministry reports to parliament on the courses every two years.');
const A6v4 = article('6', '', '(repealed)');
const A7 = article('7', 'Entry into force', 'This Act enters into force on the first day of the month following its publication.');
const A8 = article('8', 'Evaluation', 'The Act is evaluated five years after its entry into force.');

/** The four versions, oldest first. */
export const LAW_VERSIONS: FixtureVersion[] = [
  { number: 1, inForceFrom: '2020-03-01', articles: [A1, A2, A3, A4, A5, A6, A7] },
  { number: 2, inForceFrom: '2021-07-01', changeNote: 'Article 3(1) amended and Article 4a inserted by Act No 14/2021.', articles: [A1, A2, A3v2, A4, A4a, A5, A6, A7] },
  { number: 3, inForceFrom: '2022-01-01', changeNote: 'Article 2 amended and Article 5 deleted by Act No 3/2022.', articles: [A1, A2v3, A3v2, A4, A4a, A6, A7] },
  { number: 4, inForceFrom: '2023-09-15', changeNote: 'Article 6 repealed and Article 8 inserted by Act No 22/2023.', articles: [A1, A2v3, A3v2, A4, A4a, A6v4, A7, A8] },
];

/** What the diff of version 1 and version 4 must list, by article label. */
export const DIFF_1_TO_4 = { inserted: ['4a', '8'], deleted: ['5'], changed: ['2', '3', '6'], unchanged: ['1', '4', '7'] };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A version's body as the sample corpus prints laws: a line of facts, then each article's heading and numbered paragraphs. */
export function lawBody(version: FixtureVersion, articles: readonly FixtureArticle[] = version.articles): string {
  const out = [`<p>Integration Courses Act · version ${version.number} · in force from ${version.inForceFrom}</p>`];
  for (const a of articles) {
    out.push(`<h2>Article ${a.label}${a.heading ? ` – ${escape(a.heading)}` : ''}</h2>`);
    const numbered = a.paragraphs.length > 1;
    a.paragraphs.forEach((text, i) => out.push(`<p>${numbered ? `(${i + 1}) ` : ''}${escape(text)}</p>`));
  }
  return out.join('\n');
}

/** The editor input of one version of the law `id`. */
export function lawRecord(id: string, version: FixtureVersion, body = lawBody(version)) {
  return sampleDocument(id, {
    documentType: 'legislation',
    title: 'Integration Courses Act',
    summary: 'Rules on integration courses.',
    publishedOn: '2020-02-10',
    body,
    legal: {
      identifierScheme: 'ELI',
      identifier: 'http://data.example.eu/eli/act/2020/12',
      status: version.number === 4 ? 'amended' : 'in-force',
      versionNumber: version.number,
      inForceFrom: version.inForceFrom,
      ...(version.changeNote ? { changeNote: version.changeNote } : {}),
    },
  });
}
