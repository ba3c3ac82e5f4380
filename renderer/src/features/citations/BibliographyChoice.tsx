// The export's formatted bibliography: which style, language and file.
import { useTranslation } from 'react-i18next';
import { BIBLIOGRAPHY_FORMATS, CITATION_LOCALES, CITATION_STYLE_NAMES, CITATION_STYLES, type BibliographyOptions } from '../../../../shared/citations';

interface Props {
  idPrefix: string;
  value: BibliographyOptions;
  onChange: (value: BibliographyOptions) => void;
}

export function BibliographyChoice({ idPrefix, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="search-form" data-testid="bibliography-choice">
      <div className="field grow">
        <label htmlFor={`${idPrefix}-bib-style`}>{t('citations.bibliographyStyle')}</label>
        <select id={`${idPrefix}-bib-style`} className="input" value={value.style} onChange={(event) => onChange({ ...value, style: CITATION_STYLES.find((s) => s === event.target.value) ?? value.style })} data-testid="bibliography-style">
          {CITATION_STYLES.map((option) => (
            <option key={option} value={option}>
              {CITATION_STYLE_NAMES[option]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-bib-locale`}>{t('citations.bibliographyLanguage')}</label>
        <select id={`${idPrefix}-bib-locale`} className="input" value={value.locale} onChange={(event) => onChange({ ...value, locale: CITATION_LOCALES.find((l) => l === event.target.value) ?? value.locale })} data-testid="bibliography-locale">
          {CITATION_LOCALES.map((option) => (
            <option key={option} value={option}>
              {t(`citations.languages.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-bib-file`}>{t('citations.bibliographyFile')}</label>
        <select id={`${idPrefix}-bib-file`} className="input" value={value.format} onChange={(event) => onChange({ ...value, format: BIBLIOGRAPHY_FORMATS.find((f) => f === event.target.value) ?? value.format })} data-testid="bibliography-file">
          {BIBLIOGRAPHY_FORMATS.map((option) => (
            <option key={option} value={option}>
              {t(`citations.files.${option}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
