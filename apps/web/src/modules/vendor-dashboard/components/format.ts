const calendarDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * `2023-01-10` → `10 Jan 2023`. A calendar date is the same day everywhere, so it is
 * formatted in UTC (in the viewer's zone, midnight UTC can fall on the day before).
 */
export function formatCalendarDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : calendarDate.format(date);
}
