/**
 * Simulated Flux controllers. They watch the store like the real ones: a new
 * `reconcile.fluxcd.io/requestedAt` annotation or a new generation on a
 * non-suspended Flux object starts a reconciliation that first marks it
 * Reconciling=True / Ready=Unknown, then after another delay Ready=True with
 * `lastHandledReconcileAt` set to the requested value and an Event. A
 * runtime failure (health check, Helm install) becomes Ready this way; a
 * render failure (BuildFailed) fails again, as nothing in the repository
 * changed.
 * Suspended objects are left alone, as Flux does.
 */
import { randomBytes } from 'node:crypto';
import {
  FluxConditionReason as Reason,
  FluxConditionType as Condition,
  HELM_GROUP,
  KubeCondition,
  KUSTOMIZE_GROUP,
  RECONCILE_REQUESTED_AT_ANNOTATION,
  SOURCE_GROUP,
  splitApiVersion,
} from '@flux-portal/plugin-flux-common';
import { makeEvent } from './events';
import {
  condition,
  dependencyNotReady,
  goDuration,
  intervalMs,
  isFluxObject,
  readySuccess,
  removeCondition,
  setCondition,
  succeeded,
} from './fluxConditions';
import { ApiError, badRequest } from './apiStatus';
import { findTypeByKind, ResourceType } from './resources';
import { ObjectStore, StoreEvent } from './store';
import { kubeTime } from './time';
import { ClusterObject } from './clusterObject';

/** @public */
export interface ReconcileDelays {
  /** From the trigger to Reconciling=True (ms). */
  startMs: number;
  /** From Reconciling=True to Ready=True (ms). */
  finishMs: number;
}

function key(obj: ClusterObject): string {
  return `${obj.apiVersion}/${obj.kind}/${obj.metadata?.namespace}/${obj.metadata?.name}`;
}

function needsReconcile(event: StoreEvent): boolean {
  if (event.eventType !== 'MODIFIED' || !isFluxObject(event.object))
    return false;
  if (event.object.spec?.suspend === true) return false;
  const before = event.previous!;
  const requested =
    event.object.metadata?.annotations?.[RECONCILE_REQUESTED_AT_ANNOTATION];
  const requestedBefore =
    before.metadata?.annotations?.[RECONCILE_REQUESTED_AT_ANNOTATION];
  const newRequest = requested !== undefined && requested !== requestedBefore;
  const newGeneration =
    event.object.metadata?.generation !== before.metadata?.generation;
  return newRequest || newGeneration;
}

export class SimulatedControllers {
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly inFlight = new Set<string>();
  private readonly periodic = new Set<ReturnType<typeof setInterval>>();
  private eventSerial = 1_000_000;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: ObjectStore,
    private readonly delays: ReconcileDelays,
    private readonly now: () => Date,
  ) {
    this.unsubscribe = store.subscribe(event => {
      if (needsReconcile(event)) this.schedule(event.object);
    });
  }

  stop(): void {
    this.unsubscribe();
    this.timers.forEach(t => clearTimeout(t));
    this.timers.clear();
    this.periodic.forEach(t => clearInterval(t));
    this.periodic.clear();
  }

  private later(ms: number, fn: () => void) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  /**
   * Reconciles `obj` after the configured delays. A periodic run of an
   * object that is failing (not for want of a dependency) fails again the
   * same way, as a real controller retrying a broken revision does; only a
   * requested or spec-triggered run "fixes" it.
   */
  private schedule(obj: ClusterObject, periodic = false) {
    const k = key(obj);
    // A reconciliation already running picks up the newest request when it finishes.
    if (this.inFlight.has(k)) return;
    this.inFlight.add(k);
    const type = findTypeByKind(
      splitApiVersion(obj.apiVersion).group,
      obj.kind!,
    )!;
    const ns = obj.metadata!.namespace;
    const name = obj.metadata!.name!;
    const ready = obj.status?.conditions?.find(
      (c: any) => c.type === Condition.Ready,
    );
    // A render failure is in the repository: no reconcile cures it, only a
    // commit would. Other failures (health checks, Helm) may be transient.
    const renderFailed =
      ready?.status === 'False' && ready.reason === Reason.BuildFailed;
    const failing =
      (periodic || renderFailed) &&
      ready?.status === 'False' &&
      ready.reason !== Reason.DependencyNotReady
        ? (obj.status.conditions as KubeCondition[])
        : undefined;
    this.later(this.delays.startMs, () => {
      if (!this.markProgressing(type, ns, name)) {
        this.inFlight.delete(k);
        return;
      }
      const started = this.now().getTime();
      this.later(this.delays.finishMs, () => {
        this.inFlight.delete(k);
        if (failing) this.failAgain(type, ns, name, failing);
        else this.markReady(type, ns, name, started);
      });
    });
  }

  private current(type: ResourceType, ns: string | undefined, name: string) {
    const obj = this.store.get(type, ns, name);
    return obj && obj.spec?.suspend !== true ? obj : undefined;
  }

  private markProgressing(
    type: ResourceType,
    ns: string | undefined,
    name: string,
  ): boolean {
    if (!this.current(type, ns, name)) return false;
    const time = kubeTime(this.now());
    this.store.update(type, ns, name, obj => {
      const gen = obj.metadata?.generation;
      const revision = this.sourceRevision(obj);
      // kustomize-controller's own wording while it fetches the artifact.
      const progress =
        obj.kind === 'Kustomization' && revision
          ? `Fetching manifests for revision ${revision} with a timeout of ${goDuration(
              obj.spec?.timeout ?? obj.spec?.interval,
            )}`
          : 'Reconciliation in progress';
      let conditions = setCondition(
        obj.status?.conditions,
        condition(
          Condition.Reconciling,
          'True',
          Reason.Progressing,
          progress,
          time,
          gen,
        ),
      );
      conditions = setCondition(
        conditions,
        condition(
          Condition.Ready,
          'Unknown',
          Reason.Progressing,
          'Reconciliation in progress',
          time,
          gen,
        ),
      );
      conditions = removeCondition(conditions, Condition.Stalled);
      return { ...obj, status: { ...obj.status, conditions } };
    });
    return true;
  }

  /** The artifact revision of the object's source, when the source exists. */
  private sourceRevision(obj: ClusterObject): string | undefined {
    const ref =
      obj.spec?.sourceRef ??
      obj.spec?.chart?.spec?.sourceRef ??
      obj.spec?.chartRef;
    if (!ref?.kind || !ref?.name) return undefined;
    if (obj.kind === 'HelmRelease' && obj.spec?.chart?.spec) {
      const chartType = findTypeByKind(SOURCE_GROUP, 'HelmChart')!;
      const chart = this.store.get(
        chartType,
        ref.namespace ?? obj.metadata!.namespace,
        `${obj.metadata!.namespace}-${obj.metadata!.name}`,
      );
      return chart?.status?.artifact?.revision;
    }
    const sourceType = findTypeByKind(SOURCE_GROUP, ref.kind);
    if (!sourceType) return undefined;
    return this.store.get(
      sourceType,
      ref.namespace ?? obj.metadata!.namespace,
      ref.name,
    )?.status?.artifact?.revision;
  }

  private markReady(
    type: ResourceType,
    ns: string | undefined,
    name: string,
    startedMs: number,
  ) {
    const before = this.current(type, ns, name);
    if (!before) return;
    const time = kubeTime(this.now());
    const blocker = this.notReadyDependency(type, before);
    if (blocker) {
      this.markWaiting(type, before, blocker, time);
      return;
    }
    const status = { ...before.status };
    const gen = before.metadata?.generation;
    let revision: string;
    let releaseVersion = 1;
    if (before.kind === 'HelmRelease') {
      revision =
        this.sourceRevision(before) ??
        status.lastAttemptedRevision ??
        status.history?.[0]?.chartVersion ??
        before.spec?.chart?.spec?.version ??
        '0.1.0';
      const history = [...(status.history ?? [])];
      releaseVersion = (history[0]?.version ?? 0) + 1;
      const previous = history[0] ?? {};
      history.unshift({
        ...previous,
        chartName: previous.chartName ?? before.spec?.chart?.spec?.chart,
        chartVersion: revision,
        version: releaseVersion,
        status: 'deployed',
        lastDeployed: time,
        firstDeployed: previous.firstDeployed ?? time,
        name: previous.name ?? before.spec?.releaseName ?? name,
        namespace: previous.namespace ?? before.spec?.targetNamespace ?? ns,
      });
      history.forEach((h, i) => {
        if (i > 0 && h.status === 'deployed')
          history[i] = { ...h, status: 'superseded' };
      });
      status.history = history.slice(0, 5);
      status.lastAttemptedRevision = revision;
      delete status.installFailures;
      delete status.upgradeFailures;
    } else if (before.kind === 'Kustomization') {
      revision =
        this.sourceRevision(before) ??
        status.lastAttemptedRevision ??
        status.lastAppliedRevision ??
        '';
      status.lastAppliedRevision = revision;
      status.lastAttemptedRevision = revision;
    } else {
      revision = status.artifact?.revision ?? '';
      if (status.artifact)
        status.artifact = { ...status.artifact, lastUpdateTime: time };
    }
    const requested =
      before.metadata?.annotations?.[RECONCILE_REQUESTED_AT_ANNOTATION];
    if (requested !== undefined) status.lastHandledReconcileAt = requested;
    status.observedGeneration = gen;
    const ready = readySuccess(before, revision, releaseVersion);
    let conditions = removeCondition(status.conditions, Condition.Reconciling);
    conditions = removeCondition(conditions, Condition.Stalled);
    conditions = setCondition(
      conditions,
      succeeded(Condition.Ready, ready, time, gen),
    );
    if (before.kind === 'HelmRelease') {
      conditions = setCondition(
        conditions,
        succeeded(Condition.Released, ready, time, gen),
      );
    }
    if (conditions.some(c => c.type === Condition.Healthy)) {
      conditions = setCondition(
        conditions,
        condition(
          Condition.Healthy,
          'True',
          Reason.Succeeded,
          'Health check passed',
          time,
          gen,
        ),
      );
    }
    status.conditions = conditions;
    const updated = this.store.update(type, ns, name, obj => ({
      ...obj,
      status,
    }));

    this.wakeDependents(type, updated);
    const seconds = ((this.now().getTime() - startedMs) / 1000).toFixed(3);
    const message =
      before.kind === 'Kustomization'
        ? `Reconciliation finished in ${seconds}s, next run in ${goDuration(
            before.spec?.interval,
          )}`
        : ready.message;
    this.store.upsert(
      makeEvent({
        involved: updated,
        type: 'Normal',
        reason:
          before.kind === 'Kustomization'
            ? Reason.ReconciliationSucceeded
            : ready.reason,
        message,
        firstTimestamp: time,
        serial: this.eventSerial++,
      }),
    );
  }

  private dependsOnOf(
    obj: ClusterObject,
  ): Array<{ namespace: string; name: string }> {
    const refs = Array.isArray(obj.spec?.dependsOn) ? obj.spec.dependsOn : [];
    return refs
      .filter((d: any) => typeof d?.name === 'string')
      .map((d: any) => ({
        name: d.name,
        namespace: d.namespace ?? obj.metadata!.namespace!,
      }));
  }

  /** The first dependency (same kind, as Flux's dependsOn) that is missing or not Ready. */
  private notReadyDependency(
    type: ResourceType,
    obj: ClusterObject,
  ): string | undefined {
    for (const dep of this.dependsOnOf(obj)) {
      const found = this.store.get(type, dep.namespace, dep.name);
      const ready = found?.status?.conditions?.find(
        (c: any) => c.type === Condition.Ready,
      );
      const current =
        (found?.status?.observedGeneration ?? 0) >=
        (found?.metadata?.generation ?? 0);
      if (!found || ready?.status !== 'True' || !current)
        return `${dep.namespace}/${dep.name}`;
    }
    return undefined;
  }

  private markWaiting(
    type: ResourceType,
    before: ClusterObject,
    dependency: string,
    time: string,
  ) {
    const gen = before.metadata?.generation;
    const waiting = dependencyNotReady(dependency, time, gen);
    const requested =
      before.metadata?.annotations?.[RECONCILE_REQUESTED_AT_ANNOTATION];
    const updated = this.store.update(
      type,
      before.metadata!.namespace,
      before.metadata!.name!,
      obj => {
        let conditions = removeCondition(
          obj.status?.conditions,
          Condition.Reconciling,
        );
        conditions = setCondition(conditions, waiting);
        const status = { ...obj.status, conditions, observedGeneration: gen };
        if (requested !== undefined) status.lastHandledReconcileAt = requested;
        return { ...obj, status };
      },
    );
    this.store.upsert(
      makeEvent({
        involved: updated,
        type: 'Normal',
        reason: Reason.DependencyNotReady,
        message: waiting.message!,
        firstTimestamp: time,
        serial: this.eventSerial++,
      }),
    );
  }

  /** Dependents waiting on `ready` get reconciled again, as Flux requeues them. */
  private wakeDependents(type: ResourceType, ready: ClusterObject) {
    for (const other of this.store.list(type)) {
      const waiting = other.status?.conditions?.some(
        (c: any) =>
          c.type === Condition.Ready && c.reason === Reason.DependencyNotReady,
      );
      const dependsOnReady = this.dependsOnOf(other).some(
        d =>
          d.namespace === ready.metadata!.namespace &&
          d.name === ready.metadata!.name,
      );
      if (waiting && dependsOnReady && other.spec?.suspend !== true)
        this.schedule(other);
    }
  }

  /**
   * A new artifact in a source, as when a commit is pushed: the source gets
   * the revision (a random one of the right shape when omitted) and an
   * Event, and every non-suspended applier using it reconciles to it.
   */
  newArtifact(
    kind: string,
    namespace: string,
    name: string,
    revision?: string,
  ): ClusterObject {
    const type = findTypeByKind(SOURCE_GROUP, kind);
    if (!type)
      throw new ApiError(badRequest(`${kind} is not a Flux source kind`));
    const source = this.store.mustGet(type, namespace, name);
    const next = revision ?? nextRevision(source);
    const time = kubeTime(this.now());
    const gen = source.metadata?.generation;
    const ready = readySuccess(source, next);
    const updated = this.store.update(type, namespace, name, obj => ({
      ...obj,
      status: {
        ...obj.status,
        artifact: {
          ...obj.status?.artifact,
          revision: next,
          digest: `sha256:${randomBytes(32).toString('hex')}`,
          lastUpdateTime: time,
        },
        conditions: setCondition(
          obj.status?.conditions,
          succeeded(Condition.Ready, ready, time, gen),
        ),
      },
    }));
    this.store.upsert(
      makeEvent({
        involved: updated,
        type: 'Normal',
        reason:
          kind === 'HelmChart' ? Reason.ChartPullSucceeded : Reason.NewArtifact,
        message: ready.message,
        firstTimestamp: time,
        serial: this.eventSerial++,
      }),
    );
    for (const applier of this.usersOf(updated)) {
      if (applier.spec?.suspend !== true) this.schedule(applier);
    }
    return updated;
  }

  /** Kustomizations whose sourceRef is this source; HelmReleases whose HelmChart or chartRef it is. */
  private usersOf(source: ClusterObject): ClusterObject[] {
    const ns = source.metadata!.namespace;
    const name = source.metadata!.name;
    const refersHere = (ref: any, ownerNs?: string) =>
      ref?.kind === source.kind &&
      ref?.name === name &&
      (ref.namespace ?? ownerNs) === ns;
    const kustomizations = this.store
      .list(findTypeByKind(KUSTOMIZE_GROUP, 'Kustomization')!)
      .filter(k => refersHere(k.spec?.sourceRef, k.metadata?.namespace));
    const releases = this.store
      .list(findTypeByKind(HELM_GROUP, 'HelmRelease')!)
      .filter(hr => {
        if (refersHere(hr.spec?.chartRef, hr.metadata?.namespace)) return true;
        const chartRef = hr.spec?.chart?.spec?.sourceRef;
        return (
          source.kind === 'HelmChart' &&
          name === `${hr.metadata!.namespace}-${hr.metadata!.name}` &&
          (chartRef?.namespace ?? hr.metadata!.namespace) === ns
        );
      });
    return [...kustomizations, ...releases];
  }

  /** The previous failure again, with a new transition time: a retry that failed the same way. */
  private failAgain(
    type: ResourceType,
    ns: string | undefined,
    name: string,
    previous: KubeCondition[],
  ) {
    if (!this.current(type, ns, name)) return;
    const time = kubeTime(this.now());
    this.store.update(type, ns, name, obj => {
      // a requested run that fails again was still handled (the UI waits for this)
      const requested =
        obj.metadata?.annotations?.[RECONCILE_REQUESTED_AT_ANNOTATION];
      return {
        ...obj,
        status: {
          ...obj.status,
          ...(requested ? { lastHandledReconcileAt: requested } : {}),
          conditions: previous.map(c =>
            c.type === Condition.Ready ? { ...c, lastTransitionTime: time } : c,
          ),
        },
      };
    });
  }

  /**
   * Runs every Kustomization again once its spec.interval has passed since
   * its last run, as kustomize-controller does (its Ready condition turns
   * Unknown and back each time, which is how a portal sees it is alive).
   * Other kinds only write on change in Flux, so nothing is simulated for
   * them. Returns a stop function.
   */
  startPeriodicReconciles(checkEveryMs: number, timeScale = 1): () => void {
    const type = findTypeByKind(KUSTOMIZE_GROUP, 'Kustomization')!;
    const timer = setInterval(() => {
      const now = this.now().getTime();
      for (const obj of this.store.list(type)) {
        if (obj.spec?.suspend === true || this.inFlight.has(key(obj))) continue;
        const interval = intervalMs(obj.spec?.interval) / timeScale;
        const ready = obj.status?.conditions?.find(
          (c: any) => c.type === Condition.Ready,
        );
        const last = Date.parse(ready?.lastTransitionTime ?? '');
        if (!Number.isNaN(last) && now - last >= interval)
          this.schedule(obj, true);
      }
    }, checkEveryMs);
    this.periodic.add(timer);
    return () => {
      clearInterval(timer);
      this.periodic.delete(timer);
    };
  }
}

/** A fresh revision in the source's own format. */
function nextRevision(source: ClusterObject): string {
  const current: string = source.status?.artifact?.revision ?? '';
  const sha1 = /^(.*)@sha1:[0-9a-f]{40}$/.exec(current);
  if (sha1 || source.kind === 'GitRepository') {
    return `${
      sha1?.[1] ?? source.spec?.ref?.branch ?? 'main'
    }@sha1:${randomBytes(20).toString('hex')}`;
  }
  const sha256 = /^(.*@)?sha256:[0-9a-f]{64}$/.exec(current);
  if (sha256)
    return `${sha256[1] ?? ''}sha256:${randomBytes(32).toString('hex')}`;
  const version = /^(\d+)\.(\d+)\.(\d+)$/.exec(current);
  if (version) return `${version[1]}.${version[2]}.${Number(version[3]) + 1}`;
  return `sha256:${randomBytes(32).toString('hex')}`;
}
