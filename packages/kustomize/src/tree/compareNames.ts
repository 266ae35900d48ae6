/** Byte-order string comparison (Go's sort order), not locale order. @public */
export function compareNames(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
