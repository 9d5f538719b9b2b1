// Facts about a debtor that every layer of the channels module reads the same way: their wall-clock
// hour and date (compliance windows, templates, the sandbox) and the sandbox's behaviour segment.
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
  return (
    Number(
      formatter(
        hourFormats,
        timeZone,
        () => new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle: 'h23', timeZone }),
      ).format(at),
    ) % 24
  );
}

/** The calendar date in the debtor's zone, YYYY-MM-DD. */
export function localDate(at: Date, timeZone: string): string {
  return formatter(
    dateFormats,
    timeZone,
    () => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }),
  ).format(at);
}

// Building an Intl.DateTimeFormat costs far more than formatting with one (every contact asks twice).
const hourFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatter(
  cache: Map<string, Intl.DateTimeFormat>,
  zone: string,
  make: () => Intl.DateTimeFormat,
): Intl.DateTimeFormat {
  let f = cache.get(zone);
  if (!f) {
    f = make();
    cache.set(zone, f);
  }
  return f;
}
