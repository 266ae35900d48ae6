/** A Resource of type `kubernetes-cluster` per cluster entry folder (`clusters/<name>/`). */
import {
  ANNOTATION_CLUSTERS,
  formatClusters,
} from '@flux-portal/plugin-flux-common';
import type { MonorepoModel } from '@flux-portal/flux-engine';
import { codeownerOf } from './codeowners';
import type { MappingContext } from './mappingContext';
import type { CatalogEntity } from './types';
import { validAnnotations } from './validAnnotations';

export function clusterEntities(
  model: MonorepoModel,
  context: MappingContext,
): CatalogEntity[] {
  const { clusters, codeowners, defaultOwner, locate } = context;
  return model.entries
    .filter(entry => !clusters || clusters.has(entry.cluster))
    .map(entry => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: context.clusterName(entry.cluster),
        title: `Cluster ${context.clusterName(entry.cluster)}`,
        description: `Kubernetes cluster reconciled by Flux from ${
          entry.path || '.'
        }`,
        annotations: {
          ...locate(entry.path, undefined),
          ...validAnnotations(context, entry.path, {
            [ANNOTATION_CLUSTERS]: () =>
              formatClusters([context.clusterName(entry.cluster)]),
          }),
        },
        tags: ['flux', 'kubernetes'],
      },
      spec: {
        type: 'kubernetes-cluster',
        owner: codeownerOf(codeowners, entry.path) ?? defaultOwner,
      },
    }));
}
