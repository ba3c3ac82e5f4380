// One deadline bound of the Funding filters: a date typed segment by segment in
// the interface language's order and format (fr jj/mm/aaaa, de TT.MM.JJJJ, en
// per locale), or picked in a calendar. What is being typed stays in the field;
// the filter changes only for a whole, plausible date (every segment typed and
// a four-digit year), or when the field is emptied. Leaving the field (or
// Enter) with anything less says what is missing instead of filtering on it.
import { parseDate, type CalendarDate } from '@internationalized/date';
import { useRef, useState, type KeyboardEvent } from 'react';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  I18nProvider,
  Label,
  Popover,
  type DateValue,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';

/** The years a deadline filter takes (the contract's own bounds for years). */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;

function parseIso(value: string): CalendarDate | null {
  if (!value) return null;
  try {
    return parseDate(value);
  } catch {
    return null;
  }
}

/** A date whose year was typed in full: 0002-12-10 is the first digit of 2026 on its way, not a deadline. */
const plausible = (date: DateValue) => date.year >= FIRST_YEAR && date.year <= LAST_YEAR;

export function DeadlineField({ label, value, onCommit, testId }: { label: string; value: string; onCommit: (isoDate: string) => void; testId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [draft, setDraft] = useState<DateValue | null>(() => parseIso(value));
  const [shownFor, setShownFor] = useState(value);
  const [incomplete, setIncomplete] = useState(false);
  const group = useRef<HTMLDivElement>(null);

  // The address changed from elsewhere (Back, a link, another filter's reset): show its date.
  if (value !== shownFor) {
    setShownFor(value);
    if ((draft?.toString() ?? '') !== value) setDraft(parseIso(value));
  }

  const commit = (date: DateValue | null) => {
    setIncomplete(false);
    const iso = date === null ? '' : date.toString();
    if (iso !== value) onCommit(iso);
  };

  const onChange = (date: DateValue | null) => {
    setDraft(date);
    if (date === null || plausible(date)) commit(date);
  };

  /** Leaving the field or pressing Enter: a whole date is in force already; anything less is said. */
  const check = () => {
    const segments = group.current ? [...group.current.querySelectorAll('[data-type]:not([data-type="literal"])')] : [];
    const typed = segments.filter((segment) => !segment.hasAttribute('data-placeholder')).length;
    const partial = typed > 0 && typed < segments.length;
    setIncomplete(partial || (draft !== null && !plausible(draft)));
  };

  const example = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.UTC(2026, 11, 31, 12)));

  return (
    <I18nProvider locale={locale}>
      <DatePicker
        className="field date-field"
        value={draft}
        onChange={onChange}
        onBlur={check}
        isInvalid={incomplete}
        validationBehavior="aria"
        granularity="day"
        shouldForceLeadingZeros
        data-testid={testId}
      >
        <Label className="date-label">{label}</Label>
        <Group
          ref={group}
          className="input date-group"
          onKeyDown={(event: KeyboardEvent) => {
            if (event.key === 'Enter') check();
          }}
        >
          <DateInput className="date-input">{(segment) => <DateSegment segment={segment} className="date-segment" />}</DateInput>
          <Button className="date-button" aria-label={t('funding.pickDate', { field: label })}>
            <span aria-hidden="true">▾</span>
          </Button>
        </Group>
        <FieldError className="error field-error">{t('funding.dateIncomplete', { example })}</FieldError>
        <Popover className="popover" placement="bottom start">
          <Dialog className="date-dialog">
            <Calendar className="calendar">
              <header className="calendar-header">
                <Button slot="previous" className="button button-quiet" aria-label={t('funding.previousMonth')}>
                  <span aria-hidden="true">‹</span>
                </Button>
                <Heading className="calendar-heading" />
                <Button slot="next" className="button button-quiet" aria-label={t('funding.nextMonth')}>
                  <span aria-hidden="true">›</span>
                </Button>
              </header>
              <CalendarGrid className="calendar-grid">{(date) => <CalendarCell date={date} className="calendar-cell" />}</CalendarGrid>
            </Calendar>
          </Dialog>
        </Popover>
      </DatePicker>
    </I18nProvider>
  );
}
