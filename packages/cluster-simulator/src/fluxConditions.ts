/**
 * Condition and message shapes the Flux controllers write, shared by the
 * seeding and the simulated controllers so both produce the same wording.
 */
import {
  FluxConditionReason as Reason,
  FluxConditionType as Condition,
  fluxGroupOf,
  HELM_GROUP,
  KUSTOMIZE_GROUP,
  KubeCondition,
  SOURCE_GROUP,
  splitApiVersion,
} from '@flux-portal/plugin-flux-common';
import { ClusterObject } from './clusterObject';

export function controllerOf(obj: ClusterObject): string {
  const { group } = splitApiVersion(obj.apiVersion);
  if (group === KUSTOMIZE_GROUP) return 'kustomize-controller';
  if (group === HELM_GROUP) return 'helm-controller';
  if (group === SOURCE_GROUP) return 'source-controller';
  return 'kube-controller-manager';
}

/** An object of the groups whose controllers the simulator plays (sources, Kustomizations, HelmReleases). */
export function isFluxObject(obj: ClusterObject): boolean {
  return fluxGroupOf(obj.apiVersion) !== undefined;
}

export function condition(
  type: string,
  status: KubeCondition['status'],
  reason: string,
  message: string,
  lastTransitionTime: string,
  observedGeneration?: number,
): KubeCondition {
  return {
    type,
    status,
    reason,
    message,
    lastTransitionTime,
    ...(observedGeneration !== undefined ? { observedGeneration } : {}),
  };
}

/** A True condition of `type` with the reason and message of a success (see readySuccess). */
export function succeeded(
  type: string,
  success: { reason: string; message: string },
  time: string,
  observedGeneration?: number,
): KubeCondition {
  return condition(
    type,
    'True',
    success.reason,
    success.message,
    time,
    observedGeneration,
  );
}

/** Ready=False while a dependency (`namespace/name`) is not ready, in kustomize- and helm-controller's words. */
export function dependencyNotReady(
  dependency: string,
  time: string,
  observedGeneration?: number,
): KubeCondition {
  return condition(
    Condition.Ready,
    'False',
    Reason.DependencyNotReady,
    `dependency '${dependency}' is not ready`,
    time,
    observedGeneration,
  );
}

/**
 * Sets a condition by type. As in apimachinery's SetStatusCondition,
 * lastTransitionTime only moves when the status changes.
 */
export function setCondition(
  conditions: KubeCondition[] | undefined,
  next: KubeCondition,
): KubeCondition[] {
  const list = [...(conditions ?? [])];
  const index = list.findIndex(c => c.type === next.type);
  if (index < 0) return [...list, next];
  const keepTime = list[index].status === next.status;
  list[index] = {
    ...next,
    lastTransitionTime: keepTime
      ? list[index].lastTransitionTime
      : next.lastTransitionTime,
  };
  return list;
}

export function removeCondition(
  conditions: KubeCondition[] | undefined,
  type: string,
): KubeCondition[] {
  return (conditions ?? []).filter(c => c.type !== type);
}

export function releaseNameOf(hr: ClusterObject): string {
  const spec = hr.spec ?? {};
  if (spec.releaseName) return spec.releaseName;
  return spec.targetNamespace
    ? `${spec.targetNamespace}-${hr.metadata!.name}`
    : hr.metadata!.name!;
}

export function chartNameOf(hr: ClusterObject): string {
  return (
    hr.spec?.chart?.spec?.chart ?? hr.spec?.chartRef?.name ?? hr.metadata!.name!
  );
}

/** Ready=True reason and message of a successful reconciliation, per kind. */
export function readySuccess(
  obj: ClusterObject,
  revision: string,
  releaseVersion = 1,
): { reason: string; message: string } {
  const ns = obj.metadata?.namespace;
  switch (obj.kind) {
    case 'Kustomization':
      return {
        reason: Reason.ReconciliationSucceeded,
        message: `Applied revision: ${revision}`,
      };
    case 'HelmRelease': {
      const verb = releaseVersion > 1 ? 'upgrade' : 'install';
      return {
        reason:
          releaseVersion > 1
            ? Reason.UpgradeSucceeded
            : Reason.InstallSucceeded,
        message: `Helm ${verb} succeeded for release ${
          obj.spec?.targetNamespace ?? ns
        }/${releaseNameOf(obj)}.v${releaseVersion} with chart ${chartNameOf(
          obj,
        )}@${revision}`,
      };
    }
    case 'HelmChart':
      return {
        reason: Reason.ChartPullSucceeded,
        message: `pulled '${obj.spec?.chart}' chart with version '${revision}'`,
      };
    case 'OCIRepository':
      return {
        reason: Reason.Succeeded,
        message: `stored artifact for digest '${revision}'`,
      };
    case 'HelmRepository':
      return {
        reason: Reason.Succeeded,
        message: `stored artifact: revision '${revision}'`,
      };
    default:
      return {
        reason: Reason.Succeeded,
        message: `stored artifact for revision '${revision}'`,
      };
  }
}

/** Milliseconds of a spec.interval such as `10m`, `1h30m`, `30s`, `10m0s` (10 minutes when absent or unreadable). */
export function intervalMs(interval: string | undefined): number {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(
    interval ?? '',
  );
  if (!m || !interval) return 600_000;
  const ms =
    (Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) *
    1000;
  return ms > 0 ? ms : 600_000;
}

/** Go's time.Duration formatting of a spec.interval for event messages ("10m0s"). */
export function goDuration(interval: string | undefined): string {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(interval ?? '10m');
  if (!m || !interval) return '10m0s';
  const h = Number(m[1] ?? 0);
  const min = Number(m[2] ?? 0);
  const s = Number(m[3] ?? 0);
  return h > 0 ? `${h}h${min}m${s}s` : `${min}m${s}s`;
}
