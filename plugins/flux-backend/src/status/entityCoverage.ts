/**
 * What concerns an entity beyond its appliers, in one cluster: the
 * ImagePolicies for images its workloads run (latest vs deployed), the
 * Alerts and Receivers covering its Flux objects, and whether the commit
 * the entity's content was read at is applied. The rules are flux-common's (entityCoverage/);
 * this only gathers the cluster's objects. Kinds the cluster does not
 * serve leave their list out; nothing here ever reports an error.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import {
  alertCovers,
  compareImages,
  deriveStatus,
  FluxAlertCoverage,
  FluxDeployedImage,
  FluxEntityCoverage,
  FluxImageAutomationSummary,
  FluxImageUpdate,
  FluxMergeDeployed,
  FluxObjectName,
  FluxObjectSummary,
  FluxObjectWithStatus,
  FluxReceiverCoverage,
  KUSTOMIZATION_KIND,
  labelSelectorMatches,
  latestImageOf,
  MatchableObject,
  mergeDeployedOf,
  parseImageReference,
  readCrossNamespaceRef,
  receiverTriggers,
  rollUpMergeDeployed,
  worstImageComparison,
} from '@flux-portal/plugin-flux-common';
import { sourceOf } from './sourceOf';
import { ClusterSnapshot, SummaryOptions } from './types';

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];

export interface CoverageInput {
  /** The entity's appliers in this cluster, inventories narrowed to the entity. */
  objects: FluxObjectSummary[];
  /** The commit the entity's current content was first read at (flux-portal.io/source-commit). */
  catalogCommit?: string;
  /** When the catalog read it (flux-portal.io/source-commit-read-at). */
  catalogReadAt?: string;
  /** A cluster entity: every Kustomization, no images of its own. */
  allKustomizations: boolean;
  options: SummaryOptions;
}

const nameOf = (o: KubernetesObject) => ({
  namespace: o.metadata?.namespace ?? '',
  name: o.metadata?.name ?? '',
});

function stateOf(
  kind: string,
  obj: KubernetesObject,
  options: SummaryOptions,
): { state: FluxObjectSummary['state']; message: string; suspended: boolean } {
  const status = deriveStatus(
    { ...(obj as FluxObjectWithStatus), kind },
    { now: options.now },
  );
  return {
    state: status.state,
    message: status.message,
    suspended: status.suspended,
  };
}

/** The entity's Flux objects with their labels: appliers, their artifacts and repositories. */
function fluxObjectsOf(
  cluster: ClusterSnapshot,
  objects: FluxObjectSummary[],
): MatchableObject[] {
  const seen = new Map<string, MatchableObject>();
  const add = (
    kind: string,
    namespace: string,
    name: string,
  ): KubernetesObject | undefined => {
    const key = `${kind}/${namespace}/${name}`;
    if (seen.has(key)) return undefined;
    const obj = cluster.view.get(kind, namespace, name);
    seen.set(key, {
      kind,
      namespace,
      name,
      labels: obj?.metadata?.labels ?? {},
    });
    return obj;
  };
  for (const o of objects) {
    const obj = add(o.kind, o.namespace, o.name);
    const resolved = obj && sourceOf(o.kind, obj);
    if (!resolved) continue;
    for (const ref of [resolved.artifact, resolved.repository]) {
      if (ref) add(ref.kind, ref.namespace, ref.name);
    }
  }
  return [...seen.values()];
}

const plain = ({ kind, namespace, name }: MatchableObject): FluxObjectName => ({
  kind,
  namespace,
  name,
});

function alertsOf(
  cluster: ClusterSnapshot,
  fluxObjects: MatchableObject[],
): FluxAlertCoverage[] {
  const result: FluxAlertCoverage[] = [];
  for (const alert of cluster.view.list('Alert') as Iterable<any>) {
    const covers = fluxObjects.filter(o => alertCovers(alert, o)).map(plain);
    if (covers.length === 0) continue;
    const { namespace, name } = nameOf(alert);
    const providerName = String(alert.spec?.providerRef?.name ?? '');
    const provider: any = cluster.view.get('Provider', namespace, providerName);
    result.push({
      namespace,
      name,
      suspended: alert.spec?.suspend === true,
      eventSeverity: alert.spec?.eventSeverity === 'error' ? 'error' : 'info',
      provider: {
        namespace,
        name: providerName,
        // the address and secretRef are never returned: they may hold tokens
        ...(typeof provider?.spec?.type === 'string'
          ? { type: provider.spec.type }
          : {}),
        ...(typeof provider?.spec?.channel === 'string'
          ? { channel: provider.spec.channel }
          : {}),
        suspended: provider?.spec?.suspend === true,
        ...(provider ? {} : { missing: true }),
      },
      covers,
    });
  }
  return result.sort(byName);
}

function receiversOf(
  cluster: ClusterSnapshot,
  fluxObjects: MatchableObject[],
  options: SummaryOptions,
): FluxReceiverCoverage[] {
  const result: FluxReceiverCoverage[] = [];
  for (const receiver of cluster.view.list('Receiver') as Iterable<any>) {
    const triggers = fluxObjects
      .filter(o => receiverTriggers(receiver, o))
      .map(plain);
    if (triggers.length === 0) continue;
    // status.webhookPath is the secret part of the hook URL, and the Ready
    // message names it ("Receiver initialized for path: /hook/…"): never returned
    const { message, ...state } = stateOf('Receiver', receiver, options);
    result.push({
      ...nameOf(receiver),
      ...(typeof receiver.spec?.type === 'string'
        ? { type: receiver.spec.type }
        : {}),
      events: Array.isArray(receiver.spec?.events)
        ? receiver.spec.events.filter((e: unknown) => typeof e === 'string')
        : [],
      ...state,
      message: message.replace(/\/hook\/\S+/g, '/hook/…'),
      triggers,
    });
  }
  return result.sort(byName);
}

function byName(
  a: { namespace: string; name: string },
  b: { namespace: string; name: string },
) {
  return a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);
}

/** Every container image of the entity's workloads (from their inventories). */
function deployedImagesOf(
  cluster: ClusterSnapshot,
  objects: FluxObjectSummary[],
): Array<Omit<FluxDeployedImage, 'comparison'>> {
  const images: Array<Omit<FluxDeployedImage, 'comparison'>> = [];
  const seen = new Set<string>();
  for (const o of objects) {
    for (const entry of o.inventory ?? []) {
      if (!WORKLOAD_KINDS.includes(entry.kind)) continue;
      const key = `${entry.kind}/${entry.namespace}/${entry.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const workload: any = cluster.view.get(
        entry.kind,
        entry.namespace,
        entry.name,
      );
      const pod = workload?.spec?.template?.spec ?? {};
      for (const c of [
        ...(pod.initContainers ?? []),
        ...(pod.containers ?? []),
      ]) {
        if (typeof c?.image !== 'string') continue;
        images.push({
          workload: {
            kind: entry.kind,
            namespace: entry.namespace,
            name: entry.name,
          },
          container: String(c.name ?? ''),
          image: c.image,
        });
      }
    }
  }
  return images;
}

function automationsFor(
  cluster: ClusterSnapshot,
  policy: any,
  options: SummaryOptions,
): FluxImageAutomationSummary[] {
  const { namespace } = nameOf(policy);
  const result: FluxImageAutomationSummary[] = [];
  for (const auto of cluster.view.list(
    'ImageUpdateAutomation',
  ) as Iterable<any>) {
    if (auto.metadata?.namespace !== namespace) continue;
    if (
      !labelSelectorMatches(auto.spec?.policySelector, policy.metadata?.labels)
    )
      continue;
    const status = auto.status ?? {};
    result.push({
      ...nameOf(auto),
      ...stateOf('ImageUpdateAutomation', auto, options),
      ...(status.lastAutomationRunTime
        ? { lastAutomationRunTime: String(status.lastAutomationRunTime) }
        : {}),
      ...(status.lastPushCommit
        ? { lastPushCommit: String(status.lastPushCommit) }
        : {}),
      ...(status.lastPushTime
        ? { lastPushTime: String(status.lastPushTime) }
        : {}),
    });
  }
  return result.sort(byName);
}

function imagesOf(
  cluster: ClusterSnapshot,
  objects: FluxObjectSummary[],
  options: SummaryOptions,
): FluxImageUpdate[] {
  const deployed = deployedImagesOf(cluster, objects);
  if (deployed.length === 0) return [];
  const result: FluxImageUpdate[] = [];
  for (const policy of cluster.view.list('ImagePolicy') as Iterable<any>) {
    const { namespace, name } = nameOf(policy);
    const repoRef = readCrossNamespaceRef(
      { kind: 'ImageRepository', ...policy.spec?.imageRepositoryRef },
      namespace,
    );
    const repository: any =
      repoRef &&
      cluster.view.get('ImageRepository', repoRef.namespace, repoRef.name);
    const latestImage = latestImageOf(policy);
    const repositoryName = parseImageReference(
      repository?.spec?.image ?? latestImage,
    )?.repository;
    if (!repositoryName) continue;
    const mine = deployed.filter(
      d => parseImageReference(d.image)?.repository === repositoryName,
    );
    if (mine.length === 0) continue;
    const compared = mine.map(d => ({
      ...d,
      comparison: latestImage ? compareImages(latestImage, d.image) : 'unknown',
    })) as FluxDeployedImage[];
    const { state, message } = stateOf('ImagePolicy', policy, options);
    result.push({
      policy: { namespace, name },
      state,
      message,
      ...(repoRef
        ? {
            repository: {
              namespace: repoRef.namespace,
              name: repoRef.name,
              ...(typeof repository?.spec?.image === 'string'
                ? { image: repository.spec.image }
                : {}),
            },
          }
        : {}),
      ...(latestImage ? { latestImage } : {}),
      deployed: compared,
      comparison: worstImageComparison(compared.map(d => d.comparison)),
      automations: automationsFor(cluster, policy, options),
    });
  }
  return result.sort((a, b) => byName(a.policy, b.policy));
}

/**
 * Whether a GitRepository follows a branch (its default one without a ref):
 * then a revision it fetched later contains every commit pushed before.
 * A tag, semver range, commit or other ref name pins it.
 */
function followsBranch(repository: any): boolean {
  const ref = repository?.spec?.ref;
  if (!ref) return true;
  if (ref.commit || ref.semver || ref.tag) return false;
  if (ref.name) return String(ref.name).startsWith('refs/heads/');
  return true;
}

function mergeOf(
  cluster: ClusterSnapshot,
  objects: FluxObjectSummary[],
  catalogCommit: string | undefined,
  catalogReadAt: string | undefined,
): FluxMergeDeployed | undefined {
  const fromGit = objects.filter(
    o => o.kind === KUSTOMIZATION_KIND && o.source?.kind === 'GitRepository',
  );
  if (fromGit.length === 0) return undefined;
  const decided = fromGit.map(o => {
    const repository: any =
      o.source &&
      cluster.view.get('GitRepository', o.source.namespace, o.source.name);
    const fetchedAt = repository?.status?.artifact?.lastUpdateTime;
    return {
      kind: o.kind,
      namespace: o.namespace,
      name: o.name,
      ...mergeDeployedOf({
        catalogCommit,
        catalogReadAt,
        appliedRevision: o.appliedRevision,
        sourceRevision: o.source?.revision,
        ...(typeof fetchedAt === 'string'
          ? { sourceFetchedAt: fetchedAt }
          : {}),
        ...(repository
          ? { sourceFollowsBranch: followsBranch(repository) }
          : {}),
      }),
      ...(o.appliedRevision ? { appliedRevision: o.appliedRevision } : {}),
    };
  });
  return {
    state: rollUpMergeDeployed(decided.map(d => d.state)),
    ...(catalogCommit ? { catalogCommit } : {}),
    ...(catalogCommit && catalogReadAt ? { catalogReadAt } : {}),
    objects: decided,
  };
}

export function entityCoverage(
  cluster: ClusterSnapshot,
  input: CoverageInput,
): FluxEntityCoverage | undefined {
  const { objects, options } = input;
  if (objects.length === 0) return undefined;
  // served and listed: absent kinds and ones the cluster refuses (RBAC) are left out
  const serves = (kind: string) =>
    !!cluster.versionOf?.(kind) && cluster.errors([kind]).length === 0;
  const coverage: FluxEntityCoverage = {};
  if (!input.allKustomizations && serves('ImagePolicy')) {
    coverage.images = imagesOf(cluster, objects, options);
  }
  if (serves('Alert') || serves('Receiver')) {
    const fluxObjects = fluxObjectsOf(cluster, objects);
    if (serves('Alert')) coverage.alerts = alertsOf(cluster, fluxObjects);
    if (serves('Receiver'))
      coverage.receivers = receiversOf(cluster, fluxObjects, options);
  }
  const merge = mergeOf(
    cluster,
    objects,
    input.catalogCommit,
    input.catalogReadAt,
  );
  if (merge) coverage.merge = merge;
  return Object.keys(coverage).length > 0 ? coverage : undefined;
}
