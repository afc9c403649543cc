/** "Mar 26" for a YYYY-MM month in the shop's language (chart axes need short labels). */
export function monthLabel(month: string, locale: string): string {
  const instant = new Date(`${month}-15T12:00:00Z`);
  if (Number.isNaN(instant.getTime())) return month;
  try {
    return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(instant);
  } catch {
    return month;
  }
}
