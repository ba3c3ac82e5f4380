// `ewsi calendar` as a user runs it, over a library synced from a real portal:
// funding deadlines and events of one item, a filtered list and a saved search
// as iCalendar, read back by ical.js (a parser we did not write) with the
// right days, whatever time zone the computer is in.
import ICAL from 'ical.js';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
import { testEngines } from '../../support/databases';
import { startTestPortal, type TestPortal } from '../../support/portal';
import { makeTempDir } from '../../support/temp-dir';
import { runEwsi } from '../../support/cli';

const ewsi = (args: string[], timeZone = 'UTC') => runEwsi(args, { TZ: timeZone });

const common = { language: 'en', themes: ['employment'] };
const CALL = { ...common, id: 'call-de', countries: ['DE'], title: 'Mentoring for newcomers', programme: 'AMIF', funderType: 'eu', deadline: '2027-03-31', amount: { min: 50_000, max: 250_000, currency: 'EUR' }, url: 'https://example.eu/calls/mentoring', description: '<p>Projects pairing <b>newcomers</b> with mentors.</p>' };
const ROLLING = { ...common, id: 'call-rolling', countries: ['DE'], title: 'Small grants for language cafés', programme: 'Stiftung Integration', funderType: 'private-foundation', deadline: null, url: 'https://example.org/rolling' };
const CALL_FR = { ...common, id: 'call-fr', countries: ['FR'], title: 'Accueil des réfugiés', programme: 'FAMI', funderType: 'national', deadline: '2027-01-15', url: 'https://example.fr/appel' };
// Spans the end of daylight saving time in Europe (27 October 2026), where a time-zone slip would show.
const EVENT = { ...common, id: 'event-de', countries: ['DE'], title: 'Conference on labour-market integration', startDate: '2026-10-26', endDate: '2026-10-28', place: 'Berlin', body: '<p>Three days of workshops.</p>', url: 'https://example.de/conference' };

interface Entry {
  uid: string;
  summary: string;
  start: string;
  end: string;
  allDay: boolean;
  /** A date without a time is floating: the same day in every time zone. */
  zone: string | null;
  location: string | null;
  url: string | null;
  alarms: string[];
  description: string;
}

function read(text: string): Entry[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate && event.endDate.isDate,
      zone: event.startDate.zone?.tzid ?? null,
      location: event.location ?? null,
      url: String(component.getFirstPropertyValue('url') ?? '') || null,
      alarms: component.getAllSubcomponents('valarm').map((alarm) => String(alarm.getFirstPropertyValue('trigger'))),
      description: event.description ?? '',
    };
  });
}

describe('ewsi calendar', () => {
  let server: TestPortal;
  let temp: { dir: string; cleanup(): void };
  const data = () => path.join(temp.dir, 'data');
  const out = (name: string) => path.join(temp.dir, name);

  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    temp = makeTempDir('ewsi-calendar-');
    for (const record of [CALL, ROLLING, CALL_FR]) expect((await server.editor('PUT', `/api/v1/editor/funding/${record.id}`, record)).status).toBe(200);
    expect((await server.editor('PUT', `/api/v1/editor/event/${EVENT.id}`, EVENT)).status).toBe(200);
    const synced = await ewsi(['sync', '--server', server.url, '--data', data()]);
    expect(synced.code, synced.stderr).toBe(0);
    const core = await createCore({ dataDir: data(), appVersion: '0.0.0-test' });
    try {
      await core.handlers['savedSearches.save']({ name: 'Mentoring calls', query: 'mentoring' });
    } finally {
      await core.close();
    }
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    temp?.cleanup();
  });

  it('writes one deadline as an all-day entry with a reminder a week before, the same day in every time zone', async () => {
    const texts: string[] = [];
    for (const timeZone of ['UTC', 'Pacific/Auckland', 'America/Los_Angeles']) {
      const ran = await ewsi(['calendar', 'funding/call-de', '--out', out(`one-${timeZone.replace('/', '-')}.ics`), '--data', data()], timeZone);
      expect(ran.code, ran.stderr).toBe(0);
      expect(ran.stdout).toMatch(/1 calendar entry/);
      texts.push(fs.readFileSync(out(`one-${timeZone.replace('/', '-')}.ics`), 'utf8'));
    }
    const [entry, ...others] = texts.map(read);
    expect(others).toEqual([entry, entry]);
    expect(entry).toEqual([
      {
        uid: 'funding-call-de@ewsi-desktop',
        summary: 'Deadline: Mentoring for newcomers',
        start: '2027-03-31',
        end: '2027-04-01',
        allDay: true,
        zone: 'floating',
        location: null,
        url: CALL.url,
        alarms: ['-P7D'],
        description: 'Programme: AMIF\nAmount: €50,000 – €250,000\nProjects pairing newcomers with mentors.',
      },
    ]);
  }, 60_000);

  it('writes a filtered list: events and dated calls of one country, the event through its last day, a rolling call left out', async () => {
    const ran = await ewsi(['calendar', '--country', 'DE', '--out', out('de.ics'), '--data', data()], 'Europe/Berlin');
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/2 calendar entries \(1 without a date/);
    const entries = read(fs.readFileSync(out('de.ics'), 'utf8'));
    expect(entries.map((e) => e.uid).sort()).toEqual(['event-event-de@ewsi-desktop', 'funding-call-de@ewsi-desktop']);
    const event = entries.find((e) => e.uid.startsWith('event-'))!;
    // RFC 5545: an all-day DTEND is the day after the last day.
    expect(event).toMatchObject({ summary: EVENT.title, start: '2026-10-26', end: '2026-10-29', allDay: true, zone: 'floating', location: 'Berlin', url: EVENT.url, alarms: [], description: 'Three days of workshops.' });
  }, 60_000);

  it('writes what a saved search matches, and refuses a saved search that does not exist', async () => {
    const ran = await ewsi(['calendar', '--saved-search', 'Mentoring calls', '--out', out('saved.ics'), '--data', data()]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(read(fs.readFileSync(out('saved.ics'), 'utf8')).map((e) => e.uid)).toEqual(['funding-call-de@ewsi-desktop']);
    expect(fs.readFileSync(out('saved.ics'), 'utf8')).toMatch(/^X-WR-CALNAME:EWSI: Mentoring calls\r$/m);
    const missing = await ewsi(['calendar', '--saved-search', 'Nope', '--out', out('x.ics'), '--data', data()]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No saved search named "Nope"/);
  }, 60_000);
});
