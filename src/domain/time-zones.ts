// Every date of an act is the collectivity's local date (DOMAIN.md, Time): overseas collectivities are not
// in Paris time. The zone comes from the département by default and can be changed (French Polynesia spans
// three zones).
import { DomainError } from './errors';

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** Départements and collectivities overseas whose legal time is not Paris's. */
const OVERSEAS: Record<string, string> = {
  '971': 'America/Guadeloupe',
  '972': 'America/Martinique',
  '973': 'America/Cayenne',
  '974': 'Indian/Reunion',
  '975': 'America/Miquelon',
  '976': 'Indian/Mayotte',
  '977': 'America/St_Barthelemy',
  '978': 'America/Marigot',
  '986': 'Pacific/Wallis',
  '987': 'Pacific/Tahiti',
  '988': 'Pacific/Noumea',
};

/** The time zone of a collectivity of this département when none is chosen. */
export function timeZoneOf(departementCode: string): string {
  return OVERSEAS[String(departementCode ?? '').trim()] ?? DEFAULT_TIME_ZONE;
}

/** An IANA name ("Indian/Reunion", "UTC"), as the runtime's time zone database knows it. */
export function isTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || !/^(UTC|[A-Z][A-Za-z_]+(\/[A-Za-z0-9_+\-]+){1,2})$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function assertTimeZone(name: unknown, field = 'timeZone'): string {
  if (!isTimeZone(name)) {
    throw new DomainError('VALIDATION_FAILED', `${field} must be an IANA time zone such as Europe/Paris or Indian/Reunion, got "${String(name)}"`, { field, value: name });
  }
  return name;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The wall date (YYYY-MM-DD) and time (HH:MM) of an instant in a time zone. */
export function localParts(d: Date, timeZone: string = DEFAULT_TIME_ZONE): { date: string; time: string } {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * A Date whose fields read in the process's own zone (getFullYear, getHours...) are a wall date and time:
 * for formats that store a wall time without a zone, such as ZIP entries (MS-DOS date and time).
 */
export function wallClock(date: string, time: string): Date {
  const [y, m, day] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  return new Date(y, m - 1, day, h, min);
}

/** The instant, with its offset, of a wall date and time read on a clock in `timeZone` ("2023-03-01", "01:30" → …+04:00). */
export function instantOf(date: string, time: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, h, min);
  let instant = wall;
  // Two rounds settle the offset, daylight saving changes included.
  for (let i = 0; i < 2; i++) {
    const seen = localParts(new Date(instant), timeZone);
    const [sy, sm, sd] = seen.date.split('-').map(Number);
    const [sh, smin] = seen.time.split(':').map(Number);
    instant += wall - Date.UTC(sy, sm - 1, sd, sh, smin);
  }
  const offset = Math.round((wall - instant) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${time}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
