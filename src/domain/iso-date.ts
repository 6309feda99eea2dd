// Calendar dates travel as YYYY-MM-DD strings: they compare as text and carry no time zone.
import { DomainError } from './errors';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a value is a calendar date written YYYY-MM-DD (2024-02-30 is not). */
export function isIsoDate(date: unknown): date is string {
  const m = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  return !!m && !!d && d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Checks a calendar date written YYYY-MM-DD (throws VALIDATION_FAILED naming the field). */
export function assertIsoDate(date: string, field = 'date'): void {
  if (!isIsoDate(date)) {
    throw new DomainError('VALIDATION_FAILED', `${field} must be a date written YYYY-MM-DD, got "${date}"`, {
      field,
      value: date,
    });
  }
}
