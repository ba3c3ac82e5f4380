// Structured logs: one JSON object per line (time, level, msg, instance and
// the event's own fields), for a log shipper to read without parsing prose.
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface PortalLog {
  info(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** A logger writing JSON lines to `write` (stdout by default), each tagged with this instance's name. */
export function jsonLinesLog(instance: string, write: (line: string) => void = (line) => process.stdout.write(line)): PortalLog {
  const entry = (level: 'info' | 'error', msg: string, fields: LogFields = {}) =>
    write(`${JSON.stringify({ time: new Date().toISOString(), level, instance, msg, ...fields })}\n`);
  return { info: (msg, fields) => entry('info', msg, fields), error: (msg, fields) => entry('error', msg, fields) };
}
