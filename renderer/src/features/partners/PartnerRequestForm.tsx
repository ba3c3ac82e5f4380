// The partner-request form, for a new request and for editing one the outbox
// holds. It checks the draft with the shared schema the core and the portal
// use (partnerRequestDraft), so what it accepts the contract accepts; each
// problem is shown at its field (aria-invalid, aria-describedby) and focus
// moves to the first one. A new request starts with what the member's portal
// profile says (name, e-mail, organisation, country), in the fields still empty.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { EU_COUNTRIES, ORGANISATION_TYPES, THEMES } from '../../../../shared/content';
import { partnerRequestDraft, type PartnerRequestDraft } from '../../../../shared/outbox';
import { useAuthStatus } from '../../app/auth-status';
import { errorMessage } from '../../app/core';
import { INTERFACE_LANGUAGES } from '../../app/preferences';
import { countryName, languageName, themeLabel } from '../../ui/format';
import { kindLabel } from '../../ui/record-labels';

const FIELDS = [
  'title',
  'organisation',
  'organisationType',
  'country',
  'projectIdea',
  'partnersSought.countries',
  'partnersSought.organisationTypes',
  'themes',
  'contact.name',
  'contact.email',
  'expiresOn',
  'language',
] as const;
type Field = (typeof FIELDS)[number];

interface Values {
  title: string;
  organisation: string;
  organisationType: string;
  country: string;
  projectIdea: string;
  soughtCountries: string[];
  soughtTypes: string[];
  themes: string[];
  contactName: string;
  contactEmail: string;
  expiresOn: string;
  language: string;
  /** Countries the request concerns: kept as the draft had them (the form does not edit them). */
  countries: string[];
}

const valuesOf = (draft: PartnerRequestDraft | undefined, language: string): Values => ({
  title: draft?.title ?? '',
  organisation: draft?.organisation ?? '',
  organisationType: draft?.organisationType ?? '',
  country: draft?.country ?? '',
  projectIdea: draft?.projectIdea ?? '',
  soughtCountries: draft?.partnersSought.countries ?? [],
  soughtTypes: draft?.partnersSought.organisationTypes ?? [],
  themes: draft?.themes ?? [],
  contactName: draft?.contact.name ?? '',
  contactEmail: draft?.contact.email ?? '',
  expiresOn: draft?.expiresOn ?? '',
  language: draft?.language ?? language,
  countries: draft?.countries ?? [],
});

const candidateOf = (values: Values) => ({
  title: values.title.trim(),
  organisation: values.organisation.trim(),
  organisationType: values.organisationType,
  country: values.country,
  projectIdea: values.projectIdea,
  partnersSought: { countries: values.soughtCountries, organisationTypes: values.soughtTypes },
  contact: { name: values.contactName.trim(), email: values.contactEmail.trim() },
  expiresOn: values.expiresOn,
  language: values.language,
  countries: values.countries,
  themes: values.themes,
});

/** The fields the shared schema finds wrong, each under the form's name for it. */
function checkPartnerRequest(values: Values): { ok: true; draft: PartnerRequestDraft } | { ok: false; fields: Set<Field> } {
  const parsed = partnerRequestDraft.safeParse(candidateOf(values));
  if (parsed.success) return { ok: true, draft: parsed.data };
  const fields = new Set<Field>();
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    const field = FIELDS.find((name) => name === path.slice(0, name.split('.').length).join('.'));
    if (field) fields.add(field);
  }
  return { ok: false, fields };
}

export function PartnerRequestForm({ initial, submitLabel, onSubmit }: { initial?: PartnerRequestDraft; submitLabel: string; onSubmit: (draft: PartnerRequestDraft) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [values, setValues] = useState<Values>(() => valuesOf(initial, INTERFACE_LANGUAGES.includes(locale as never) ? locale : 'en'));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const auth = useAuthStatus();
  const [prefilled, setPrefilled] = useState(false);
  // Once, when the profile is known: a field the member has typed in (or emptied since) is theirs.
  useEffect(() => {
    const member = auth?.member;
    if (initial || prefilled || !member) return;
    setPrefilled(true);
    const euCountry = (EU_COUNTRIES as readonly string[]).includes(member.country) ? member.country : '';
    setValues((current) => ({
      ...current,
      contactName: current.contactName || member.displayName,
      contactEmail: current.contactEmail || (auth.email ?? ''),
      organisation: current.organisation || member.organisation,
      country: current.country || euCountry,
    }));
  }, [auth, initial, prefilled]);
  const prefix = useId();
  const idOf = (field: Field) => `${prefix}-${field.replace('.', '-')}`;

  const check = checkPartnerRequest(values);
  const invalid = (field: Field) => tried && !check.ok && check.fields.has(field);
  const messages: Record<Field, string> = {
    title: t('partnerForm.errors.title'),
    organisation: t('partnerForm.errors.organisation'),
    organisationType: t('partnerForm.errors.organisationType'),
    country: t('partnerForm.errors.country'),
    projectIdea: t('partnerForm.errors.projectIdea'),
    'partnersSought.countries': t('partnerForm.errors.soughtCountries'),
    'partnersSought.organisationTypes': t('partnerForm.errors.soughtTypes'),
    themes: t('partnerForm.errors.themes'),
    'contact.name': t('partnerForm.errors.contactName'),
    'contact.email': t('partnerForm.errors.contactEmail'),
    expiresOn: t('partnerForm.errors.expiresOn'),
    language: t('partnerForm.errors.language'),
  };
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((current) => ({ ...current, [key]: value }));
  const toggle = (key: 'soughtCountries' | 'soughtTypes' | 'themes', value: string) =>
    setValues((current) => ({ ...current, [key]: current[key].includes(value) ? current[key].filter((v) => v !== value) : [...current[key], value] }));

  const errorId = (field: Field) => `${idOf(field)}-error`;
  const described = (field: Field, help?: string) => [help, invalid(field) ? errorId(field) : undefined].filter(Boolean).join(' ') || undefined;
  const error = (field: Field) =>
    invalid(field) ? (
      <p id={errorId(field)} className="error field-error">
        {messages[field]}
      </p>
    ) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setFailure(null);
    if (!check.ok) {
      // Focus the first field with a problem, in the form's order.
      const first = FIELDS.find((field) => check.fields.has(field));
      if (first) formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(idOf(first))}, #${CSS.escape(idOf(first))} input`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSubmit(check.draft);
    } catch (caught) {
      setFailure(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const countries = [...EU_COUNTRIES].sort((a, b) => countryName(a, locale).localeCompare(countryName(b, locale), locale));
  const problems = tried && !check.ok ? check.fields.size : 0;

  const text = (field: Field, key: 'title' | 'organisation' | 'contactName' | 'contactEmail', label: string, type = 'text', autoComplete?: string) => (
    <div className="field">
      <label htmlFor={idOf(field)}>{label}</label>
      <input
        id={idOf(field)}
        className="input"
        type={type}
        autoComplete={autoComplete}
        value={values[key]}
        onChange={(event) => set(key, event.target.value)}
        aria-invalid={invalid(field) || undefined}
        aria-describedby={described(field)}
        aria-required="true"
      />
      {error(field)}
    </div>
  );
  const choice = (field: Field, key: 'organisationType' | 'country' | 'language', label: string, options: Array<{ value: string; label: string }>) => (
    <div className="field">
      <label htmlFor={idOf(field)}>{label}</label>
      <select id={idOf(field)} className="input" value={values[key]} onChange={(event) => set(key, event.target.value)} aria-invalid={invalid(field) || undefined} aria-describedby={described(field)} aria-required="true">
        <option value="">{t('partnerForm.choose')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error(field)}
    </div>
  );
  const checks = (field: Field, key: 'soughtCountries' | 'soughtTypes' | 'themes', legend: string, options: Array<{ value: string; label: string }>): ReactNode => (
    <fieldset id={idOf(field)} className="check-group" aria-describedby={described(field)} tabIndex={-1}>
      <legend>{legend}</legend>
      <div className="check-grid">
        {options.map((option) => (
          <label key={option.value} className="check">
            <input type="checkbox" checked={values[key].includes(option.value)} onChange={() => toggle(key, option.value)} />
            {option.label}
          </label>
        ))}
      </div>
      {error(field)}
    </fieldset>
  );

  return (
    <form ref={formRef} className="stack partner-form" onSubmit={(event) => void submit(event)} noValidate data-testid="partner-form">
      <p className="muted">
        {t('partnerForm.required')}
        {prefilled && <span data-testid="partner-form-prefilled"> {t('partnerForm.fromProfile')}</span>}
      </p>
      {text('title', 'title', t('partnerForm.title'))}
      {text('organisation', 'organisation', t('partnerForm.organisation'), 'text', 'organization')}
      {choice('organisationType', 'organisationType', t('partnerForm.organisationType'), ORGANISATION_TYPES.map((value) => ({ value, label: kindLabel(t, 'partner-request', value, locale) })))}
      {choice('country', 'country', t('partnerForm.country'), countries.map((value) => ({ value, label: countryName(value, locale) })))}
      <div className="field">
        <label htmlFor={idOf('projectIdea')}>{t('partnerForm.projectIdea')}</label>
        <textarea
          id={idOf('projectIdea')}
          className="input textarea"
          rows={6}
          value={values.projectIdea}
          onChange={(event) => set('projectIdea', event.target.value)}
          aria-invalid={invalid('projectIdea') || undefined}
          aria-describedby={described('projectIdea', `${idOf('projectIdea')}-help`)}
          aria-required="true"
        />
        <p id={`${idOf('projectIdea')}-help`} className="muted">
          {t('partnerForm.projectIdeaHelp')}
        </p>
        {error('projectIdea')}
      </div>
      {checks('partnersSought.countries', 'soughtCountries', t('partnerForm.soughtCountries'), countries.map((value) => ({ value, label: countryName(value, locale) })))}
      {checks('partnersSought.organisationTypes', 'soughtTypes', t('partnerForm.soughtTypes'), ORGANISATION_TYPES.map((value) => ({ value, label: kindLabel(t, 'partner-request', value, locale) })))}
      {checks('themes', 'themes', t('partnerForm.themes'), THEMES.map((value) => ({ value, label: themeLabel(t, value) })))}
      {text('contact.name', 'contactName', t('partnerForm.contactName'), 'text', 'name')}
      {text('contact.email', 'contactEmail', t('partnerForm.contactEmail'), 'email', 'email')}
      <div className="field">
        <label htmlFor={idOf('expiresOn')}>{t('partnerForm.expiresOn')}</label>
        <input
          id={idOf('expiresOn')}
          className="input input-date"
          type="date"
          value={values.expiresOn}
          onChange={(event) => set('expiresOn', event.target.value)}
          aria-invalid={invalid('expiresOn') || undefined}
          aria-describedby={described('expiresOn')}
          aria-required="true"
        />
        {error('expiresOn')}
      </div>
      {choice('language', 'language', t('partnerForm.language'), [...new Set<string>([...INTERFACE_LANGUAGES, ...(values.language ? [values.language] : [])])].map((value) => ({ value, label: languageName(value, locale) })))}
      <p role="alert" className="error" data-testid="partner-form-problems">
        {problems > 0 && t('partnerForm.problems', { count: problems })}
        {failure}
      </p>
      <div className="actions">
        <Button type="submit" className="button button-primary" isDisabled={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
