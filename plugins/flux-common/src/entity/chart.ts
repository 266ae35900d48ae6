/**
 * The chart annotation: the HelmRelease's chart and version constraint as
 * `chart@version` (`chart` alone without a constraint). The chart may be a
 * path in a Git source (`./charts/app`) but never holds an `@`, so the first
 * `@` separates the two.
 */

/** @public */
export interface ChartRef {
  chart: string;
  /** The version or constraint as written in the HelmRelease (`1.x`, `>=2.0.0 <3`). */
  version?: string;
}

/** Parses `chart@version` or `chart`; undefined when empty or malformed. @public */
export function parseChart(value: string | undefined): ChartRef | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const at = text.indexOf('@');
  if (at < 0) return { chart: text };
  const chart = text.slice(0, at);
  const version = text.slice(at + 1);
  if (!chart || !version) return undefined;
  return { chart, version };
}

/** @public */
export function formatChart(ref: ChartRef): string {
  if (!ref.chart.trim() || ref.chart.includes('@')) {
    throw new Error(`Invalid chart "${ref.chart}"`);
  }
  return ref.version ? `${ref.chart}@${ref.version}` : ref.chart;
}
