/** "3 min ago"-style relative time, coarse on purpose (the exact time is in the tooltip). */
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** @public */
export function relativeTime(
  iso: string | undefined,
  now: number = Date.now(),
): string {
  if (!iso) return 'never';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 'unknown';
  const diff = then - now;
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms || unit === 'second') {
      return format.format(Math.round(diff / ms), unit);
    }
  }
  return iso;
}
