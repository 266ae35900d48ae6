/** Deployments and Pods with readiness, for the workloads Flux objects deploy. */
import { APP_NAME_LABEL } from '@flux-portal/plugin-flux-common';
import { Rng } from './rng';
import { ClusterObject } from '../clusterObject';

export function deploymentStatus(
  dep: ClusterObject,
  ready: boolean,
  hash: string,
  time: string,
) {
  const replicas = dep.spec?.replicas ?? 1;
  const name = dep.metadata!.name;
  return {
    observedGeneration: dep.metadata?.generation ?? 1,
    replicas,
    updatedReplicas: replicas,
    readyReplicas: ready ? replicas : 0,
    availableReplicas: ready ? replicas : 0,
    ...(ready ? {} : { unavailableReplicas: replicas }),
    conditions: [
      ready
        ? {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
            lastUpdateTime: time,
            lastTransitionTime: time,
          }
        : {
            type: 'Available',
            status: 'False',
            reason: 'MinimumReplicasUnavailable',
            message: 'Deployment does not have minimum availability.',
            lastUpdateTime: time,
            lastTransitionTime: time,
          },
      ready
        ? {
            type: 'Progressing',
            status: 'True',
            reason: 'NewReplicaSetAvailable',
            message: `ReplicaSet "${name}-${hash}" has successfully progressed.`,
            lastUpdateTime: time,
            lastTransitionTime: time,
          }
        : {
            type: 'Progressing',
            status: 'True',
            reason: 'ReplicaSetUpdated',
            message: `ReplicaSet "${name}-${hash}" is progressing.`,
            lastUpdateTime: time,
            lastTransitionTime: time,
          },
    ],
  };
}

/** A Deployment a HelmRelease or Kustomization would have created. */
export function syntheticDeployment(
  name: string,
  namespace: string,
  labels: Record<string, string>,
  image: string,
): ClusterObject {
  const selector = { [APP_NAME_LABEL]: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { ...selector, ...labels } },
    spec: {
      replicas: 1,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: selector },
        spec: { containers: [{ name, image }] },
      },
    },
  };
}

/** A version-4-shaped UID from the seed's random numbers (reproducible). */
export function seededUid(rng: Rng): string {
  return `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-8${rng.hex(3)}-${rng.hex(
    12,
  )}`;
}

/** The controller reference an owned object carries, as the API server writes it. */
function controllerRef(owner: ClusterObject) {
  return {
    apiVersion: owner.apiVersion!,
    kind: owner.kind!,
    name: owner.metadata!.name!,
    uid: owner.metadata!.uid as string,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The Deployment's current ReplicaSet (`<name>-<hash>`), owned by it. */
export function replicaSetFor(
  dep: ClusterObject,
  ready: boolean,
  hash: string,
  time: string,
  rng: Rng,
): ClusterObject {
  dep.metadata!.uid ??= seededUid(rng);
  const replicas = dep.spec?.replicas ?? 1;
  const labels = {
    ...(dep.spec?.template?.metadata?.labels ?? {}),
    'pod-template-hash': hash,
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${dep.metadata!.name}-${hash}`,
      namespace: dep.metadata!.namespace,
      uid: seededUid(rng),
      labels,
      creationTimestamp: time,
      ownerReferences: [controllerRef(dep)],
    },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { ...dep.spec?.template, metadata: { labels } },
    },
    status: {
      replicas,
      fullyLabeledReplicas: replicas,
      readyReplicas: ready ? replicas : 0,
      availableReplicas: ready ? replicas : 0,
      observedGeneration: 1,
    },
  };
}

/** metrics-server's usage of a running Pod's containers. */
export function podMetricsFor(pod: ClusterObject, time: string, rng: Rng) {
  return {
    apiVersion: 'metrics.k8s.io/v1beta1',
    kind: 'PodMetrics',
    metadata: {
      name: pod.metadata!.name,
      namespace: pod.metadata!.namespace,
      labels: pod.metadata!.labels,
    },
    timestamp: time,
    window: '30s',
    containers: (pod.spec?.containers ?? []).map((c: any) => ({
      name: c.name,
      usage: { cpu: `${rng.int(2, 250)}m`, memory: `${rng.int(24, 512)}Mi` },
    })),
  };
}

/** One Pod per replica of the ReplicaSet, so pod counts agree with the Deployment. */
export function podsFor(
  dep: ClusterObject,
  replicaSet: ClusterObject,
  ready: boolean,
  hash: string,
  time: string,
  rng: Rng,
): ClusterObject[] {
  const replicas = replicaSet.spec?.replicas ?? 1;
  const containers: any[] = dep.spec?.template?.spec?.containers ?? [];
  const labels = replicaSet.metadata!.labels!;
  const pods: ClusterObject[] = [];
  for (let i = 0; i < replicas; i++) {
    pods.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${dep.metadata!.name}-${hash}-${rng.hex(5)}`,
        namespace: dep.metadata!.namespace,
        labels,
        ownerReferences: [controllerRef(replicaSet)],
      },
      spec: {
        containers: containers.map(c => ({ name: c.name, image: c.image })),
        nodeName: `node-${rng.int(1, 3)}`,
      },
      status: {
        phase: 'Running',
        startTime: time,
        conditions: [
          {
            type: 'Ready',
            status: ready ? 'True' : 'False',
            lastTransitionTime: time,
            ...(ready
              ? {}
              : {
                  reason: 'ContainersNotReady',
                  message: `containers with unready status: [${containers
                    .map(c => c.name)
                    .join(' ')}]`,
                }),
          },
          {
            type: 'ContainersReady',
            status: ready ? 'True' : 'False',
            lastTransitionTime: time,
          },
        ],
        containerStatuses: containers.map(c => ({
          name: c.name,
          image: c.image,
          imageID: `${String(c.image).split(':')[0]}@sha256:${rng.hex(64)}`,
          ready,
          restartCount: ready ? 0 : rng.int(3, 12),
          started: ready,
          state: ready
            ? { running: { startedAt: time } }
            : {
                waiting: {
                  reason: 'CrashLoopBackOff',
                  message: `back-off 5m0s restarting failed container=${
                    c.name
                  } pod=${dep.metadata!.name}-${hash}`,
                },
              },
        })),
      },
    });
  }
  return pods;
}
