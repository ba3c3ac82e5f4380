// Pure renderer helpers: the official page of a legal identifier, and file sizes for people.
import { describe, expect, it } from 'vitest';
import { legalIdentifierUrl } from '../../renderer/src/ui/legal-links';
import { formatBytes } from '../../renderer/src/ui/record-labels';

describe('legal identifiers', () => {
  it('link a CELEX number to EUR-Lex in the interface language', () => {
    expect(legalIdentifierUrl('CELEX', '32013L0033', 'fr')).toBe('https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32013L0033');
    expect(legalIdentifierUrl('CELEX', '72003L0086DEU_202310567', 'de')).toBe('https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX:72003L0086DEU_202310567');
    expect(legalIdentifierUrl('CELEX', '32013R1303R(01)', 'en')).toBe('https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32013R1303R(01)');
  });

  it('give no link for what is not a CELEX number', () => {
    for (const bad of ['', 'CELEX:32013L0033', '3201L0033', '32013L0033&x=1', 'javascript:alert(1)', '32013l0033']) expect(legalIdentifierUrl('CELEX', bad, 'en')).toBeNull();
  });

  it('link an ELI as the http(s) URI it is, and nothing else', () => {
    expect(legalIdentifierUrl('ELI', 'https://www.boe.es/eli/es/l/2024/03/05/7', 'fr')).toBe('https://www.boe.es/eli/es/l/2024/03/05/7');
    expect(legalIdentifierUrl('ELI', 'http://data.europa.eu/eli/dir/2003/86/oj', 'en')).toBe('http://data.europa.eu/eli/dir/2003/86/oj');
    for (const bad of ['eli/dir/2003/86/oj', 'javascript:alert(1)', 'https://user:pass@example.org/eli/x', 'file:///etc/passwd', 'https://']) expect(legalIdentifierUrl('ELI', bad, 'en')).toBeNull();
  });
});

describe('file sizes', () => {
  it('say bytes with a symbol and larger sizes in kB and MB, in the language’s number format', () => {
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(plain(formatBytes(916, 'en'))).toBe('916 B');
    expect(plain(formatBytes(916, 'de'))).toBe('916 B');
    expect(plain(formatBytes(916, 'fr'))).toBe('916 o');
    expect(plain(formatBytes(1_204, 'en'))).toBe('1.2 kB');
    expect(plain(formatBytes(1_234_567, 'en'))).toBe('1.2 MB');
    expect(plain(formatBytes(1_234_567, 'de'))).toBe('1,2 MB');
    expect(plain(formatBytes(1_234_567, 'fr'))).toBe('1,2 Mo');
  });
});
