// The export's formatted bibliography: which style, language and file.
import { useTranslation } from 'react-i18next';
import { BIBLIOGRAPHY_FORMATS, CITATION_LOCALES, CITATION_STYLE_NAMES, CITATION_STYLES, type BibliographyOptions } from '../../../../shared/citations';
import { ChoiceField } from './ChoiceField';

interface Props {
  idPrefix: string;
  value: BibliographyOptions;
  onChange: (value: BibliographyOptions) => void;
}

export function BibliographyChoice({ idPrefix, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="search-form" data-testid="bibliography-choice">
      <ChoiceField id={`${idPrefix}-bib-style`} label={t('citations.bibliographyStyle')} options={CITATION_STYLES} value={value.style} optionLabel={(option) => CITATION_STYLE_NAMES[option]} onChange={(style) => onChange({ ...value, style })} testId="bibliography-style" grow />
      <ChoiceField id={`${idPrefix}-bib-locale`} label={t('citations.bibliographyLanguage')} options={CITATION_LOCALES} value={value.locale} optionLabel={(option) => t(`citations.languages.${option}`)} onChange={(locale) => onChange({ ...value, locale })} testId="bibliography-locale" />
      <ChoiceField id={`${idPrefix}-bib-file`} label={t('citations.bibliographyFile')} options={BIBLIOGRAPHY_FORMATS} value={value.format} optionLabel={(option) => t(`citations.files.${option}`)} onChange={(format) => onChange({ ...value, format })} testId="bibliography-file" />
    </div>
  );
}
