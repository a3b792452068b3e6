/**
 * The one calendar of a scenario: ISO date arithmetic and the planning periods, read by the planner (each
 * period's days, lead-time availability, arrival dates), the simulation (the day each period begins) and
 * the briefing (dates of days). Pure arithmetic on ISO dates (YYYY-MM-DD, proleptic Gregorian, UTC); no
 * clock.
 *
 * Day numbering: day offset d counts days after the horizon's start (the start date is offset 0). The
 * simulation numbers its days 1 … T, so simulation day t is the date at offset t − 1. Period p (1-based)
 * covers offsets [startDay, startDay + days), that is simulation days startDay + 1 … startDay + days.
 */

const DAY_MS = 86_400_000;

const utc = (iso: string): number => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};

/** Days from ISO date a to ISO date b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utc(b) - utc(a)) / DAY_MS);
}

/** The ISO date `days` after ISO date `start` (a fractional day counts from its start: floor). */
export function addDays(start: string, days: number): string {
  return new Date(utc(start) + Math.floor(days) * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO date `months` calendar months after `start`, keeping its day of the month. */
export function addMonths(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month = (((total % 12) + 12) % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The horizon fields the calendar reads. */
export interface HorizonDates {
  /** First day of period 1 (ISO date). */
  readonly start: string;
  readonly periods: number;
  readonly periodMonths: number;
}

/** One planning period on the calendar. */
export interface CalendarPeriod {
  /** 1-based period index. */
  readonly index: number;
  /** ISO date of the period's first day. */
  readonly start: string;
  /** Day offset of the period's first day from the horizon's start. */
  readonly startDay: number;
  /** Calendar days in the period (28–31 per month). */
  readonly days: number;
}

/** The start date of period t (1-based): `periodMonths` calendar months per period after the start. */
export function periodStartDate(h: HorizonDates, t: number): string {
  return addMonths(h.start, (t - 1) * h.periodMonths);
}

/** Every planning period with its first day and length in calendar days. */
export function periodCalendar(h: HorizonDates): CalendarPeriod[] {
  const out: CalendarPeriod[] = [];
  for (let t = 1; t <= h.periods; t++) {
    const start = periodStartDate(h, t);
    out.push({
      index: t,
      start,
      startDay: daysBetween(h.start, start),
      days: daysBetween(start, periodStartDate(h, t + 1)),
    });
  }
  return out;
}

/**
 * The last simulation day (1-based) of each period, period 1 first: startDay + days. Simulation day t is
 * in the first period p (0-based) with t ≤ ends[p]; after the last period the last one holds.
 */
export function periodEndDays(h: HorizonDates): number[] {
  return periodCalendar(h).map((p) => p.startDay + p.days);
}

/** The 0-based period of simulation day t (1-based) for period end days `ends`; the last one after them. */
export function periodOfSimulationDay(ends: ArrayLike<number>, t: number): number {
  const last = ends.length - 1;
  for (let p = 0; p < last; p++) if (t <= ends[p]!) return p;
  return Math.max(0, last);
}
