// Facts about a debtor that every layer of the channels module reads the same way: their wall-clock
// hour and date (compliance windows, templates, the sandbox) and the sandbox's behaviour segment.
import { DAY_MS, formatCivilDate, localDateTime, zoneOf } from '@saldo/core/calendar';
import type { SandboxSegment } from '@saldo/core/channels';

/** The sandbox's behaviour segment from the demo's credit tags and vulnerabilities. */
export function sandboxSegment(t: {
  tags: readonly string[];
  debtor: { vulnerabilities: readonly string[] };
}): SandboxSegment {
  if (t.debtor.vulnerabilities.length > 0 || t.tags.includes('hardship')) return 'hardship';
  if (t.tags.includes('segment:prime')) return 'low_risk';
  if (t.tags.includes('segment:subprime')) return 'high_risk';
  return 'medium_risk';
}

/** The hour on the debtor's wall clock (0–23). */
export function localHour(at: Date, timeZone: string): number {
  return localDateTime(zoneOf(timeZone), at.getTime()).hour;
}

/** The calendar date in the debtor's zone, YYYY-MM-DD. */
export function localDate(at: Date, timeZone: string): string {
  return formatCivilDate(Math.floor(zoneOf(timeZone).wall(at.getTime()) / DAY_MS));
}
