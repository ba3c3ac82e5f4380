// "Add to calendar": funding deadlines and events as an iCalendar (.ics) file,
// which calendar programs import (the core writes it: calendar.export).
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CalendarSource } from '../../../../shared/calendar';
import { errorMessage, useApi } from '../../app/core';
import { saveFile } from '../../ui/save-file';

interface Props {
  /** What to put in the calendar, or how to read it when asked (a selection's keys are read on demand). */
  source: CalendarSource | (() => Promise<CalendarSource>);
  quiet?: boolean;
  /** The button's accessible name when its words alone do not say what goes in the calendar. */
  label?: string;
  testId?: string;
}

export function CalendarButton({ source, quiet = false, label, testId = 'add-to-calendar' }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const [message, setMessage] = useState<{ kind: 'status' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const file = await api['calendar.export']({ source: typeof source === 'function' ? await source() : source });
      if (file.entries === 0) {
        setMessage({ kind: 'error', text: t('calendar.nothing') });
        return;
      }
      saveFile(file.fileName, file.mediaType, new TextEncoder().encode(file.text));
      setMessage({ kind: 'status', text: t('calendar.saved', { count: file.entries, file: file.fileName }) });
    } catch (error) {
      setMessage({ kind: 'error', text: t('calendar.failed', { message: errorMessage(error) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="add-to-calendar">
      <Button className={quiet ? 'button button-quiet' : 'button'} onPress={() => void save()} aria-busy={busy} aria-label={label} data-testid={testId}>
        {t('calendar.add')}
      </Button>
      {message && (
        <span role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error' : 'muted'} data-testid={`${testId}-message`}>
          {message.text}
        </span>
      )}
    </span>
  );
}
