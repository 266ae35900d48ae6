import { CodeSnippet, EmptyState } from '@backstage/core-components';
import {
  ANNOTATION_CLUSTERS,
  ANNOTATION_HELM_RELEASE,
  ANNOTATION_KUSTOMIZATION,
} from '@flux-portal/plugin-flux-common';

const EXAMPLE = `metadata:
  annotations:
    ${ANNOTATION_CLUSTERS}: production,staging
    ${ANNOTATION_KUSTOMIZATION}: flux-system/apps
    ${ANNOTATION_HELM_RELEASE}: podinfo/podinfo   # optional`;

/** Explains how an entity gets mapped to Flux objects. @public */
export function FluxEmptyState() {
  return (
    <EmptyState
      missing="field"
      title="This entity is not mapped to Flux"
      description={
        <>
          The Flux tab shows the Flux objects that deploy an entity. It finds
          them through annotations: <code>{ANNOTATION_CLUSTERS}</code> names the
          clusters, <code>{ANNOTATION_KUSTOMIZATION}</code> and{' '}
          <code>{ANNOTATION_HELM_RELEASE}</code> the Kustomization and
          HelmRelease (as namespace/name). Entities ingested from a Flux
          monorepo get them automatically; other entities can add them in
          catalog-info.yaml.
        </>
      }
      action={<CodeSnippet language="yaml" text={EXAMPLE} showCopyCodeButton />}
    />
  );
}
