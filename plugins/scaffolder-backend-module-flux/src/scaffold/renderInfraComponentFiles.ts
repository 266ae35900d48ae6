import {
  DESCRIPTION_ANNOTATION,
  OWNER_ANNOTATION,
  kustomizationObject,
  namespaceObject,
} from './objects';
import { InfraComponentSpec } from './types';
import { toYaml } from './yamlText';

/** The HelmRelease of a component, in the monorepo's field order. */
export function helmReleaseObject(spec: InfraComponentSpec) {
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: {
      name: spec.name,
      namespace: spec.namespace,
      labels: {
        'app.kubernetes.io/name': spec.name,
        'app.kubernetes.io/part-of': spec.partOf,
        'app.kubernetes.io/component': spec.component,
      },
      annotations: {
        [OWNER_ANNOTATION]: spec.owner,
        [DESCRIPTION_ANNOTATION]: spec.description,
      },
    },
    spec: {
      interval: '30m',
      chart: {
        spec: {
          chart: spec.chart,
          version: spec.version,
          sourceRef: {
            kind: 'HelmRepository',
            name: spec.repository,
            namespace: 'flux-system',
          },
          interval: '12h',
        },
      },
      ...(spec.dependsOn?.length ? { dependsOn: spec.dependsOn } : {}),
      install: { remediation: { retries: 3 } },
      upgrade: { remediation: { retries: 3 } },
      values: spec.values,
    },
  };
}

/**
 * The files of `infrastructure/<name>/` for a component installed from a
 * Helm chart, keyed by path relative to the monorepo root. Register the
 * folder with `addToKustomizationResources` on
 * `infrastructure/kustomization.yaml`; a new chart repository also needs a
 * HelmRepository in `clusters/<cluster>/helm-repositories.yaml`.
 */
export function renderInfraComponentFiles(
  spec: InfraComponentSpec,
): Record<string, string> {
  const dir = `infrastructure/${spec.name}`;
  const baseResources = [
    ...(spec.createNamespace ? ['namespace.yaml'] : []),
    'helmrelease.yaml',
  ];
  const files: Record<string, string> = {
    [`${dir}/kustomization.yaml`]: toYaml(
      kustomizationObject(
        ['./base'],
        spec.patchValues ? ['patches/values.yaml'] : undefined,
      ),
    ),
    [`${dir}/base/kustomization.yaml`]: toYaml(
      kustomizationObject(baseResources),
    ),
  };
  if (spec.createNamespace) {
    files[`${dir}/base/namespace.yaml`] = toYaml(
      namespaceObject({ ...spec, name: spec.namespace }),
    );
  }
  files[`${dir}/base/helmrelease.yaml`] = toYaml(helmReleaseObject(spec));
  if (spec.patchValues) {
    files[`${dir}/patches/values.yaml`] = toYaml({
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: spec.name, namespace: spec.namespace },
      spec: { values: spec.patchValues },
    });
  }
  return files;
}
