// The contract's calendar.* methods.
import type { HandlerSlice } from '../../../shared/contract';
import type { CalendarService } from './calendar';

export function calendarHandlers(calendar: CalendarService): HandlerSlice<'calendar'> {
  return {
    'calendar.export': async ({ source }) => calendar.export(source),
  };
}
