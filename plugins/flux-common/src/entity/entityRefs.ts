/**
 * The depends-on annotation: Backstage entity references
 * (`component:default/billing`, `resource:postgres`, or a bare name), comma
 * separated. References are kept as written: the catalog resolves them,
 * and one it cannot resolve shows up there, not silently dropped here.
 */
import { formatList, parseList } from './listValue';

/** @public */
export function parseEntityRefs(value: string | undefined): string[] {
  return parseList(value);
}

/** @public */
export function formatEntityRefs(refs: readonly string[]): string {
  return formatList(refs);
}
