import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ANNOTATION_CLUSTERS } from '@flux-portal/plugin-flux-common';
import { FluxEmptyState } from './FluxEmptyState';
import { FluxEntityView } from './FluxEntityView';

/** The entity page's Flux tab. @public */
export function EntityFluxContent() {
  const { entity } = useEntity();
  if (!entity.metadata.annotations?.[ANNOTATION_CLUSTERS]) {
    return <FluxEmptyState />;
  }
  return (
    <FluxEntityView
      entity={{
        kind: entity.kind,
        namespace: entity.metadata.namespace,
        name: entity.metadata.name,
      }}
      entityRef={stringifyEntityRef(entity)}
    />
  );
}
