import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_CLUSTERS,
  ANNOTATION_HELM_RELEASE,
  ANNOTATION_KUSTOMIZATION,
  FluxObjectSummary,
  HELM_RELEASE_KIND,
  KUSTOMIZATION_KIND,
  parseClusters,
} from '@flux-portal/plugin-flux-common';
import { objectKey } from '../../lib/objects';

const ANNOTATION_OF: Record<string, string> = {
  [KUSTOMIZATION_KIND]: ANNOTATION_KUSTOMIZATION,
  [HELM_RELEASE_KIND]: ANNOTATION_HELM_RELEASE,
};

/**
 * The catalog entities each listed applier deploys (by the annotations the
 * catalog module writes): one catalog query for the whole list. Undefined
 * until known; an unreachable catalog just leaves the links out.
 */
export function useDeployedEntities(
  items: readonly FluxObjectSummary[] | undefined,
): Map<string, Entity[]> | undefined {
  const catalogApi = useApi(catalogApiRef);
  const [deployed, setDeployed] = useState<Map<string, Entity[]>>();
  const appliers = (items ?? []).filter(i => ANNOTATION_OF[i.kind]);
  const wanted = appliers.map(objectKey).sort().join('\n');

  useEffect(() => {
    if (!wanted) return undefined;
    let cancelled = false;
    const filter = Object.entries(ANNOTATION_OF).map(([kind, annotation]) => ({
      [`metadata.annotations.${annotation}`]: [
        ...new Set(
          appliers
            .filter(a => a.kind === kind)
            .map(a => `${a.namespace}/${a.name}`),
        ),
      ],
    }));
    catalogApi
      .getEntities({
        filter: filter.filter(f => Object.values(f)[0].length > 0),
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
        ],
      })
      .then(
        ({ items: entities }) => {
          if (cancelled) return;
          const byObject = new Map<string, Entity[]>();
          for (const applier of appliers) {
            const ref = `${applier.namespace}/${applier.name}`;
            byObject.set(
              objectKey(applier),
              entities.filter(
                e =>
                  e.metadata.annotations?.[ANNOTATION_OF[applier.kind]] ===
                    ref &&
                  parseClusters(
                    e.metadata.annotations?.[ANNOTATION_CLUSTERS],
                  ).includes(applier.cluster),
              ),
            );
          }
          setDeployed(byObject);
        },
        () => undefined,
      );
    return () => {
      cancelled = true;
    };
    // `wanted` stands for `appliers` (a new array on every render)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalogApi, wanted]);
  return deployed;
}
