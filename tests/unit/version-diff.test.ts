import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citeVersionOn, pointInTimeIdentifier } from '../../shared/cite-version';
import { htmlToText } from '../../shared/text';
import { articlesOf, diffUnits, unitAt, wordDiff } from '../../shared/version-diff';
import { splitIntoBlocks } from '../../electron/core/corpus/record-history';

const fragment = fc.oneof(
  fc.constantFrom('<h2>Article 1 – Scope</h2>', '<h3>Art. 2a</h3>', '<p>', '</p>', '<em>x</em>', ' ', '&amp;', '\n', '<h2>§ 5</h2>'),
  fc.string({ maxLength: 12 }).map((text) => text.replace(/[<>&]/g, '')),
);
const html = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));

describe('a version cut into its articles', () => {
  it('gives units whose texts are the target text at their offsets, for any HTML', () => {
    fc.assert(
      fc.property(html, (body) => {
        const whole = htmlToText(body);
        const units = articlesOf(body);
        expect(units.map((unit) => unit.text).join(' ')).toBe(whole);
        for (const unit of units) {
          expect(whole.slice(unit.start, unit.end)).toBe(unit.text);
          expect(unitAt(units, unit.start)).toBe(unit);
        }
        expect(splitIntoBlocks(body).join('')).toBe(body);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('matches articles by their label and reports each as inserted, deleted, changed or unchanged', () => {
    const before = articlesOf('<h2>Article 1 – Scope</h2><p>All residents.</p><h2>Article 2 – Courses</h2><p>600 hours.</p><h2>Article 3 – Fees</h2><p>None.</p>');
    const after = articlesOf('<h2>Article 1 – Scope</h2><p>All residents.</p><h2>Article 2 – Courses</h2><p>700 hours.</p><h2>Article 2a – Childcare</h2><p>Offered.</p>');
    expect(diffUnits(before, after).map((unit) => [unit.key, unit.status])).toEqual([
      ['Article 1', 'unchanged'],
      ['Article 2', 'changed'],
      ['Article 3', 'deleted'],
      ['Article 2a', 'inserted'],
    ]);
    expect(wordDiff('at least 600 hours', 'at least 700 hours').filter((part) => part.op !== 'equal')).toEqual([
      { op: 'delete', text: '600' },
      { op: 'insert', text: '700' },
    ]);
  });
});

describe('citing a version', () => {
  const versions = [
    { version: 3, number: 1, inForceFrom: '2020-03-01', changeNote: null, updatedAt: '2020-02-01T00:00:00Z', current: false },
    { version: 9, number: 2, inForceFrom: '2021-07-01', changeNote: 'x', updatedAt: '2021-06-01T00:00:00Z', current: true },
  ];
  it('names the version in force on the date, with the ELI or CELEX point-in-time identifier', () => {
    expect(citeVersionOn(versions, { identifierScheme: 'ELI', identifier: 'http://data.europa.eu/eli/dir/2003/86/oj' }, '2021-01-15')).toEqual({
      number: 1,
      inForceFrom: '2020-03-01',
      identifier: 'http://data.europa.eu/eli/dir/2003/86/2021-01-15',
      pointInTime: true,
    });
    expect(citeVersionOn(versions, { identifierScheme: 'CELEX', identifier: '32003L0086' }, '2022-01-01')).toMatchObject({ number: 2, identifier: '02003L0086-20220101' });
    expect(citeVersionOn(versions, { identifierScheme: 'ELI', identifier: 'x' }, '2019-01-01')).toBeNull();
    expect(pointInTimeIdentifier('ELI', 'http://data.europa.eu/eli/reg/2016/679/oj/eng', '2021-01-01')).toEqual({ identifier: 'http://data.europa.eu/eli/reg/2016/679/oj/eng', pointInTime: false });
    expect(pointInTimeIdentifier('CELEX', '52016PC0377', '2021-01-01')).toEqual({ identifier: '02016PC0377-20210101', pointInTime: true });
    expect(pointInTimeIdentifier('CELEX', 'C2016/123', '2021-01-01').pointInTime).toBe(false);
  });
});
