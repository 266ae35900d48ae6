/**
 * List annotation values: comma separated, spaces around items ignored,
 * empty items dropped. Items themselves cannot hold a comma.
 */

/** Splits a comma-separated annotation value. @public */
export function parseList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map(item => item.trim())
    .filter(item => item.length > 0);
}

/** Joins items for a list annotation; items must not contain commas. @public */
export function formatList(items: readonly string[]): string {
  for (const item of items) {
    if (item.includes(',')) {
      throw new Error(`List item "${item}" must not contain a comma`);
    }
  }
  return items.join(',');
}
