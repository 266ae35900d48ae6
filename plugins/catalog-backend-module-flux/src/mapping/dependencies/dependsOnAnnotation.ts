/**
 * What cannot be inferred: the depends-on annotation on a workload,
 * namespace or HelmRelease, a comma-separated list of entity refs.
 */
import {
  ANNOTATION_DEPENDS_ON,
  parseEntityRefs,
} from '@flux-portal/plugin-flux-common';
import type { ObjectRule } from './types';

export const dependsOnAnnotation: ObjectRule = (
  unit,
  object,
  _lookups,
  add,
) => {
  const refs = parseEntityRefs(
    object.metadata?.annotations?.[ANNOTATION_DEPENDS_ON],
  );
  for (const ref of refs)
    add(
      unit,
      ref,
      'annotation',
      `${object.kind} ${object.metadata?.name} ${ANNOTATION_DEPENDS_ON}`,
    );
};
