import { describe, expect, it } from 'vitest';
import { attachmentRef } from '../../shared/content';
import { memberRegistration } from '../../shared/portal-api';

const attachment = (fileName: string) => attachmentRef.safeParse({ fileName, mimeType: 'application/pdf', size: 1, sha256: 'a'.repeat(64) });
const member = (displayName: string) => memberRegistration.safeParse({ email: 'a@example.org', password: 'long enough password', displayName, country: 'PT' });

describe('names people read', () => {
  it('refuse attachment file names that hide or reorder characters, or that an operating system reserves', () => {
    for (const name of ['invoice\u202Efdp.exe', 'report\u200B.pdf', 'a\u2066b.pdf', 'bom\uFEFF.pdf', 'tab\there.pdf', 'CON', 'con.txt', 'NUL.pdf', 'COM1', 'lpt9.log', '.', '..', 'trailing.', 'trailing ', 'a/b.pdf', 'a\\b.pdf']) {
      expect(attachment(name).success, JSON.stringify(name)).toBe(false);
    }
    for (const name of ['Rapport annuel 2023 — intégration.pdf', 'Jahresbericht_Zuwanderung.pdf', 'console.pdf', 'condition.docx', 'COM10.txt', '.hidden-but-fine.pdf', 'میخواهم.pdf', 'क्षत्रिय.pdf']) {
      expect(attachment(name).success, JSON.stringify(name)).toBe(true);
    }
  });

  it('refuse member display names with invisible or text-direction controls', () => {
    for (const name of ['Ana\u202ESilva', 'Admin\u200B', '\u2067Ana', 'Ana\u0000', 'Ana\u00AD']) expect(member(name).success, JSON.stringify(name)).toBe(false);
    for (const name of ['Ana Silva', 'Zoë Müller-Łukasz', 'محمد علی', 'Ana 👩‍💻']) expect(member(name).success, JSON.stringify(name)).toBe(true);
    expect(member('Ana\u202ESilva').error?.issues[0]?.message).toMatch(/invisible or text-direction/);
  });
});
