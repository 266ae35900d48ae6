/**
 * The state of one Flux object (Kustomization, HelmRelease or source) from
 * its conditions and generations, following kstatus and Flux's conventions.
 * Checked in this order, first match wins:
 *
 *  1. Suspended   spec.suspend is true (Flux does not touch the status then,
 *                 so nothing below would be current).
 *  2. Failed      Stalled=True: the controller gave up until something changes.
 *  3. Progressing Reconciling=True with reason Progressing (a reconciliation
 *                 is running), or status.observedGeneration < metadata.generation
 *                 (the controller has not looked at the latest spec yet).
 *  4. Waiting     Ready=False with reason DependencyNotReady (blocked by dependsOn).
 *  5. Failed      Ready=False, including while retrying (Reconciling=True with
 *                 reason ProgressingWithRetry, which Flux sets after a failure).
 *  6. Progressing Ready=Unknown (Flux sets it when a reconciliation starts).
 *  7. Stale       Ready=True, but no visible reconciliation within
 *                 staleAfterIntervals × spec.interval, for the staleKinds
 *                 (default Kustomization). "Visible" is the latest of
 *                 lastHandledReconcileAt, any condition's lastTransitionTime,
 *                 the artifact's lastUpdateTime and the last Helm deploy.
 *                 kustomize-controller sets Ready=Unknown at the start of
 *                 every run and Ready=True at its end, so Ready's
 *                 lastTransitionTime is the last run; helm-controller and
 *                 source-controller only write when something changes, so
 *                 their silence proves nothing and they are not judged
 *                 Stale unless listed in staleKinds.
 *  8. Ready       Ready=True.
 *  9. Unknown     no Ready condition (not reconciled yet, or not a Flux object).
 *
 * An OCI HelmRepository (spec.type: oci) is static in Flux ≥ 2.1 and has no
 * conditions: it is Ready.
 */
import { FluxConditionReason, FluxConditionType } from '../flux/conditions';
import { SOURCE_KINDS } from '../flux/kinds';
import { findCondition, isConditionTrue } from './conditions';
import { parseGoDuration } from './duration';
import { detectRevisionDrift } from './drift';
import { appliedRevisionOf, artifactRevisionOf } from './revision';
import { parseKubeTime, toEpochMs } from './time';
import {
  DerivedStatus,
  DeriveStatusOptions,
  FluxObjectWithStatus,
} from './types';

const { DependencyNotReady, ProgressingWithRetry } = FluxConditionReason;
const DEFAULT_STALE_KINDS = ['Kustomization'];
const SOURCE_KIND_NAMES: readonly string[] = SOURCE_KINDS;

function latestActivity(obj: FluxObjectWithStatus): number | undefined {
  const status = obj.status ?? {};
  const times: Array<number | undefined> = [
    parseKubeTime(status.lastHandledReconcileAt),
    parseKubeTime(status.artifact?.lastUpdateTime),
    ...(Array.isArray(status.conditions) ? status.conditions : []).map(c =>
      parseKubeTime(c?.lastTransitionTime),
    ),
    ...(Array.isArray(status.history) ? status.history : []).map(h =>
      parseKubeTime(h?.lastDeployed),
    ),
  ];
  const known = times.filter((t): t is number => t !== undefined);
  return known.length > 0 ? Math.max(...known) : undefined;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The portal state of one Flux object (see the module comment for the rules). @public */
export function deriveStatus(
  obj: FluxObjectWithStatus | undefined,
  options: DeriveStatusOptions = {},
): DerivedStatus {
  const safe: FluxObjectWithStatus = obj && typeof obj === 'object' ? obj : {};
  const status =
    safe.status && typeof safe.status === 'object' ? safe.status : undefined;
  const generation = isNumber(safe.metadata?.generation)
    ? safe.metadata!.generation
    : undefined;
  const ready = findCondition(safe, FluxConditionType.Ready);
  const reconciling = findCondition(safe, FluxConditionType.Reconciling);
  const stalled = findCondition(safe, FluxConditionType.Stalled);
  // Fall back to the Ready condition's own observedGeneration (Flux sets both).
  const observedGeneration = isNumber(status?.observedGeneration)
    ? status!.observedGeneration
    : ready?.observedGeneration;
  const observedGenerationCurrent =
    generation === undefined ||
    !isNumber(observedGeneration) ||
    observedGeneration >= generation;
  const suspended = safe.spec?.suspend === true;
  const intervalMs = parseGoDuration(safe.spec?.interval);
  const activity = latestActivity(safe);
  const isSource = SOURCE_KIND_NAMES.includes(safe.kind ?? '');
  const drift = isSource
    ? undefined
    : detectRevisionDrift(safe, options.source);

  const base = {
    observedGenerationCurrent,
    generation,
    observedGeneration,
    suspended,
    retrying: false,
    lastReconcileAt:
      activity !== undefined ? new Date(activity).toISOString() : undefined,
    appliedRevision: isSource ? undefined : appliedRevisionOf(safe),
    attemptedRevision: status?.lastAttemptedRevision || undefined,
    sourceRevision: isSource ? artifactRevisionOf(safe) : drift?.sourceRevision,
    drift: drift?.drift ?? false,
    intervalMs,
  };
  const result = (
    state: DerivedStatus['state'],
    reason: string,
    message: string,
    extra = {},
  ) => ({
    ...base,
    state,
    reason,
    message,
    ...extra,
  });
  const readyMessage = ready?.message ?? '';

  if (suspended) {
    return result(
      'Suspended',
      'Suspended',
      readyMessage
        ? `Reconciliation is suspended; last status: ${readyMessage}`
        : 'Reconciliation is suspended',
    );
  }
  if (isConditionTrue(stalled)) {
    return result(
      'Failed',
      stalled!.reason ?? 'Stalled',
      stalled!.message ?? readyMessage,
    );
  }
  if (
    isConditionTrue(reconciling) &&
    reconciling!.reason !== ProgressingWithRetry
  ) {
    return result(
      'Progressing',
      reconciling!.reason ?? 'Progressing',
      reconciling!.message ?? readyMessage,
    );
  }
  if (!observedGenerationCurrent) {
    return result(
      'Progressing',
      'GenerationNotObserved',
      `Generation ${generation} not yet observed (observed ${observedGeneration})`,
    );
  }
  if (ready?.status === 'False') {
    if (ready.reason === DependencyNotReady) {
      return result('Waiting', DependencyNotReady, readyMessage);
    }
    return result('Failed', ready.reason ?? 'Failed', readyMessage, {
      retrying: isConditionTrue(reconciling),
    });
  }
  if (ready?.status === 'Unknown') {
    return result('Progressing', ready.reason ?? 'Progressing', readyMessage);
  }
  if (ready?.status === 'True') {
    const staleAfter = options.staleAfterIntervals ?? 3;
    const judged = (options.staleKinds ?? DEFAULT_STALE_KINDS).includes(
      safe.kind ?? '',
    );
    if (
      judged &&
      intervalMs &&
      intervalMs > 0 &&
      staleAfter > 0 &&
      Number.isFinite(staleAfter) &&
      activity !== undefined
    ) {
      const now = toEpochMs(options.now);
      if (now - activity > staleAfter * intervalMs) {
        return result(
          'Stale',
          'NoReconcileWithinIntervals',
          `No reconciliation seen since ${new Date(
            activity,
          ).toISOString()}, more than ${staleAfter} × interval ${
            safe.spec!.interval
          }; last status: ${readyMessage}`,
        );
      }
    }
    return result('Ready', ready.reason ?? 'Ready', readyMessage);
  }
  if (safe.kind === 'HelmRepository' && safe.spec?.type === 'oci') {
    return result(
      'Ready',
      'Static',
      'OCI Helm repositories are not reconciled',
    );
  }
  return result('Unknown', 'NoStatus', 'No Ready condition reported yet');
}
