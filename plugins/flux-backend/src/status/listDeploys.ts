/**
 * The newest deploys of every cluster, newest first: Helm releases from
 * each HelmRelease's history, and the applies of Kustomizations that
 * changed objects (their change-set events). What counts as a deploy is
 * flux-common's rule, so the backend and any other reader agree.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import {
  changeSetOf,
  describeRelease,
  FluxDeploy,
  FluxDeployList,
  HELM_RELEASE_KIND,
  HelmReleaseSnapshot,
  KUSTOMIZATION_KIND,
  releaseSucceeded,
} from '@flux-portal/plugin-flux-common';
import { summarizeEvents } from './summarizeObject';
import { ClusterObjects, ClusterSnapshot } from './types';

/** Events kept per Kustomization when looking for change sets. */
const EVENTS_PER_OBJECT = 20;

function refOf(view: ClusterObjects, kind: string, obj: KubernetesObject) {
  return {
    cluster: view.cluster,
    kind,
    namespace: obj.metadata?.namespace ?? '',
    name: obj.metadata?.name ?? '',
  };
}

function releases(view: ClusterObjects): FluxDeploy[] {
  const deploys: FluxDeploy[] = [];
  for (const obj of view.list(HELM_RELEASE_KIND)) {
    const history: HelmReleaseSnapshot[] = Array.isArray(
      (obj as any).status?.history,
    )
      ? (obj as any).status.history
      : [];
    for (const snapshot of history) {
      if (!snapshot?.lastDeployed) continue;
      deploys.push({
        object: refOf(view, HELM_RELEASE_KIND, obj),
        at: snapshot.lastDeployed,
        what: describeRelease(snapshot),
        ok: releaseSucceeded(snapshot),
      });
    }
  }
  return deploys;
}

function applies(view: ClusterObjects): FluxDeploy[] {
  const deploys: FluxDeploy[] = [];
  for (const obj of view.list(KUSTOMIZATION_KIND)) {
    const object = refOf(view, KUSTOMIZATION_KIND, obj);
    const events = summarizeEvents(
      view,
      KUSTOMIZATION_KIND,
      object.namespace,
      object.name,
      EVENTS_PER_OBJECT,
    );
    for (const event of events) {
      const changes = changeSetOf(event.message);
      if (event.type !== 'Normal' || changes.length === 0) continue;
      deploys.push({
        object,
        at: event.timestamp,
        what:
          changes.length > 1
            ? `${changes[0]} and ${changes.length - 1} more`
            : changes[0],
        ok: true,
      });
    }
  }
  return deploys;
}

export function listDeploys(
  clusters: ReadonlyMap<string, ClusterSnapshot>,
  limit: number,
): FluxDeployList {
  const items: FluxDeploy[] = [];
  const errors: FluxDeployList['errors'] = [];
  for (const cluster of clusters.values()) {
    errors.push(...cluster.errors([HELM_RELEASE_KIND, KUSTOMIZATION_KIND]));
    items.push(...releases(cluster.view), ...applies(cluster.view));
  }
  items.sort((a, b) => b.at.localeCompare(a.at));
  return { items: items.slice(0, limit), errors };
}
