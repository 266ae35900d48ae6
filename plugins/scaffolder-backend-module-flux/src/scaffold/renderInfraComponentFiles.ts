import {
  ANNOTATION_DESCRIPTION,
  ANNOTATION_OWNER,
  APP_COMPONENT_LABEL,
  APP_NAME_LABEL,
  APP_PART_OF_LABEL,
  FLUX_SYSTEM_NAMESPACE,
  fluxApiVersionOf,
  HELM_RELEASE_KIND,
} from '@flux-portal/plugin-flux-common';
import { kustomizationObject, namespaceObject } from './objects';
import { InfraComponentSpec } from './types';
import { toYaml } from './yamlText';

/** The HelmRelease of a component, in the monorepo's field order. @public */
export function helmReleaseObject(spec: InfraComponentSpec) {
  return {
    apiVersion: fluxApiVersionOf(HELM_RELEASE_KIND),
    kind: HELM_RELEASE_KIND,
    metadata: {
      name: spec.name,
      namespace: spec.namespace,
      labels: {
        [APP_NAME_LABEL]: spec.name,
        [APP_PART_OF_LABEL]: spec.partOf,
        [APP_COMPONENT_LABEL]: spec.component,
      },
      annotations: {
        [ANNOTATION_OWNER]: spec.owner,
        [ANNOTATION_DESCRIPTION]: spec.description,
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
            namespace: FLUX_SYSTEM_NAMESPACE,
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
 * @public
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
      apiVersion: fluxApiVersionOf(HELM_RELEASE_KIND),
      kind: HELM_RELEASE_KIND,
      metadata: { name: spec.name, namespace: spec.namespace },
      spec: { values: spec.patchValues },
    });
  }
  return files;
}
