import { EngineProblem } from '../../problems';
import { isMap, JsonMap } from '../json';
import { stringMap } from './fieldReaders';
import type { LineOf } from './readYamlMapping';
import type { LabelEntry } from './types';

/** `commonLabels` (selectors and templates too) and `labels` entries. */
export function labelsOf(
  d: JsonMap,
  file: string,
  lineOf: LineOf,
  problems: EngineProblem[],
): LabelEntry[] {
  const labels: LabelEntry[] = [];
  const common = stringMap(d.commonLabels);
  if (common && Object.keys(common).length > 0)
    labels.push({
      pairs: common,
      includeSelectors: true,
      includeTemplates: true,
    });
  if (Array.isArray(d.labels)) {
    d.labels.forEach((l, i) => {
      if (!isMap(l)) return;
      if (l.fields !== undefined) {
        problems.push({
          code: 'unsupported-field',
          severity: 'warning',
          file,
          line: lineOf('labels', i, 'fields'),
          message:
            'labels[].fields (custom field specs) is not supported; the labels go to the default places',
        });
      }
      const pairs = stringMap(l.pairs) ?? {};
      labels.push({
        pairs,
        includeSelectors: l.includeSelectors === true,
        includeTemplates: l.includeTemplates === true,
      });
    });
  }
  return labels;
}
