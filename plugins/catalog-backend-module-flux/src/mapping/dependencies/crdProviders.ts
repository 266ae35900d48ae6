/** Objects of an operator's API group need that operator's CRDs: the unit installing its chart. */
import type { ObjectRule } from './types';

/** API groups and the chart that ships their CRDs. */
const CRD_PROVIDERS: ReadonlyArray<[RegExp, RegExp]> = [
  [/^cert-manager\.io\//, /^cert-manager$/],
  [/^(networking|security)\.istio\.io\//, /^(base|istio-base)$/],
];

export const crdProviders: ObjectRule = (unit, object, lookups, add) => {
  const apiVersion = object.apiVersion ?? '';
  for (const [group, chart] of CRD_PROVIDERS) {
    if (group.test(apiVersion))
      add(
        unit,
        lookups.byChart(chart),
        'helm-depends-on',
        `${object.kind} needs ${apiVersion}`,
      );
  }
};
