import { FieldSpec, specMatches, visitField } from '../fields/fieldSpec';
import {
  METADATA_LABEL_SPECS,
  SELECTOR_LABEL_SPECS,
  TEMPLATE_LABEL_SPECS,
  ANNOTATION_SPECS,
} from '../fields/labelSpecs';
import { isMap } from '../json';
import { LabelEntry } from '../kustomizationFile';
import { splitApiVersion } from '../resId';
import { Resource } from '../Resource';

/** Sets every pair into the maps the field specs lead to. */
export function setPairs(
  resources: readonly Resource[],
  specs: FieldSpec[],
  pairs: Record<string, string>,
): void {
  const entries = Object.entries(pairs);
  if (entries.length === 0) return;
  for (const r of resources) {
    const { group, version } = splitApiVersion(r.object.apiVersion);
    for (const spec of specs) {
      if (!specMatches(spec, group, version, r.kind)) continue;
      visitField(r.object, spec.path, spec.create === true, (parent, key) => {
        let target = parent[key];
        if (target === undefined || target === null) {
          target = {};
          parent[key] = target;
        }
        if (!isMap(target)) return;
        for (const [k, v] of entries) target[k] = v;
      });
    }
  }
}

/** commonLabels and labels[] entries, with kustomize's selector/template switches. */
export function applyLabels(
  resources: readonly Resource[],
  labels: LabelEntry[],
): void {
  for (const l of labels) {
    let specs = METADATA_LABEL_SPECS;
    if (l.includeSelectors)
      specs = [
        ...METADATA_LABEL_SPECS,
        ...TEMPLATE_LABEL_SPECS,
        ...SELECTOR_LABEL_SPECS,
      ];
    else if (l.includeTemplates)
      specs = [...METADATA_LABEL_SPECS, ...TEMPLATE_LABEL_SPECS];
    setPairs(resources, specs, l.pairs);
  }
}

/** commonAnnotations: metadata and pod templates. */
export function applyAnnotations(
  resources: readonly Resource[],
  annotations: Record<string, string> | undefined,
): void {
  if (annotations) setPairs(resources, ANNOTATION_SPECS, annotations);
}
