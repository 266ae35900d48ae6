/** Boolean query parameters as kube-apiserver reads them. */
export function isTrue(value: string | null): boolean {
  return value === 'true' || value === '1';
}
