/**
 * Gives plain Flux objects (as rendered from a monorepo) the statuses a live
 * cluster would show: mostly Ready, a few Failed with real-looking messages,
 * one suspended, one waiting on a dependency (whose dependency is the one
 * progressing), plus the HelmCharts helm-controller creates, sources with
 * artifacts, Events, Namespaces, and Deployments/Pods with readiness.
 * Deterministic for a given seed and `now`.
 */
import { cloneJson } from '../clone';
import { makeEvent } from '../events';
import {
  chartNameOf,
  condition,
  goDuration,
  intervalMs,
  isFluxObject,
  readySuccess,
  releaseNameOf,
  REQUESTED_AT_ANNOTATION,
} from '../fluxConditions';
import { kubeTime } from '../time';
import { KubeObject } from '../types';
import { createRng, Rng } from './rng';
import { deploymentStatus, podsFor, syntheticDeployment } from './workloads';

/** @public */
export type SeededState =
  | 'Ready'
  | 'Failed'
  | 'Suspended'
  | 'Waiting'
  | 'Progressing';

/** @public */
export interface SeedOptions {
  /** PRNG seed (default 1). */
  seed?: number | string;
  /** The moment statuses are relative to (default: now). */
  now?: Date;
  /** Share of Kustomizations/HelmReleases made Failed (default 0.08, at least one). */
  failedShare?: number;
}

/** @public */
export interface SeededObjectState {
  kind: string;
  namespace: string;
  name: string;
  state: SeededState;
  reason: string;
}

/** @public */
export interface SeedResult {
  /** The input objects with statuses, followed by generated ones (HelmCharts, sources, Deployments, Pods, Namespaces, Events). */
  objects: KubeObject[];
  /** What each Kustomization/HelmRelease was made, for tests and demos. */
  states: SeededObjectState[];
}

type Failure = 'build' | 'health' | 'helm-install' | 'helm-upgrade';

const SOURCE_API = 'source.toolkit.fluxcd.io/v1';

/** The Flux controllers a cluster with Flux objects runs, as `flux install` deploys them. */
const FLUX_CONTROLLERS = [
  { name: 'helm-controller', version: 'v1.1.0' },
  { name: 'kustomize-controller', version: 'v1.4.0' },
  { name: 'notification-controller', version: 'v1.4.0' },
  { name: 'source-controller', version: 'v1.4.1' },
];

function ns(obj: KubeObject): string {
  return obj.metadata?.namespace ?? 'default';
}

function id(obj: KubeObject): string {
  return `${obj.kind}/${ns(obj)}/${obj.metadata?.name}`;
}

function minutesAgo(now: Date, minutes: number): string {
  return kubeTime(new Date(now.getTime() - minutes * 60_000));
}

function intervalMinutes(obj: KubeObject): number {
  return Math.max(1, Math.ceil(intervalMs(obj.spec?.interval) / 60_000));
}

/** A concrete chart version for a version constraint ("1.x", ">=2.0.0", "*", "4.5.6"). */
function resolveChartVersion(constraint: string | undefined, rng: Rng): string {
  const exact = /^v?(\d+\.\d+\.\d+)$/.exec(constraint ?? '');
  if (exact) return exact[1];
  const major = /(\d+)/.exec(constraint ?? '')?.[1] ?? String(rng.int(1, 9));
  return `${major}.${rng.int(0, 20)}.${rng.int(0, 9)}`;
}

function olderVersion(version: string): string {
  const [major, minor, patch] = version.split('.').map(Number);
  if (patch > 0) return `${major}.${minor}.${patch - 1}`;
  if (minor > 0) return `${major}.${minor - 1}.3`;
  return `${Math.max(0, major - 1)}.9.0`;
}

/** A plausible spec for a source that objects refer to but the input lacks. */
function missingSourceSpec(
  kind: string,
  name: string,
): Record<string, unknown> {
  switch (kind) {
    case 'GitRepository':
      return {
        interval: '1m',
        url: 'ssh://git@git.example.com/platform/flux-monorepo.git',
        ref: { branch: 'main' },
      };
    case 'HelmRepository':
      return { interval: '1h', url: `https://charts.example.com/${name}` };
    case 'OCIRepository':
      return {
        interval: '5m',
        url: `oci://registry.example.com/${name}`,
        ref: { tag: 'latest' },
      };
    default:
      return {
        interval: '5m',
        bucketName: name,
        endpoint: 'minio.example.com',
      };
  }
}

class Seeder {
  private readonly out: KubeObject[] = [];
  private readonly extra: KubeObject[] = [];
  private readonly events: KubeObject[] = [];
  private readonly sources = new Map<string, KubeObject>();
  /** Deployments in the input, candidates for a failing health check. */
  private inputDeployments: KubeObject[] = [];
  /** The workload whose health check fails, per failed Kustomization id. */
  private readonly unhealthy = new Map<
    string,
    { name: string; namespace: string }
  >();
  private readonly revisions = new Map<
    string,
    { current: string; previous: string }
  >();
  private eventSerial = 1;

  constructor(private readonly rng: Rng, private readonly now: Date) {}

  sha1Revision(branch: string) {
    return `${branch}@sha1:${this.rng.hex(40)}`;
  }

  run(input: KubeObject[], failedShare: number): SeedResult {
    const objects = input.map(o => cloneJson(o));
    this.inputDeployments = objects.filter(
      o => o.kind === 'Deployment' && o.apiVersion === 'apps/v1',
    );
    for (const obj of objects) {
      obj.metadata = { ...obj.metadata, namespace: ns(obj) };
      if (isFluxObject(obj)) obj.metadata.generation ??= this.rng.int(1, 4);
      if (this.isSource(obj)) this.sources.set(id(obj), obj);
    }
    const appliers = objects
      .filter(o => o.kind === 'Kustomization' || o.kind === 'HelmRelease')
      .filter(isFluxObject)
      .sort((a, b) => id(a).localeCompare(id(b)));
    this.ensureSources(appliers);
    for (const source of [...this.sources.values()]) this.seedSource(source);

    const states = this.assignStates(appliers, failedShare);
    for (const obj of appliers) {
      const assigned = states.get(id(obj))!;
      const revision = this.revisionFor(obj);
      switch (assigned.state) {
        case 'Failed':
          assigned.reason = this.seedFailed(
            obj,
            revision,
            this.failureFor(obj),
          );
          break;
        case 'Waiting':
          this.seedWaiting(obj, revision, assigned.dependency!);
          break;
        case 'Progressing':
          this.seedProgressing(obj, revision);
          break;
        case 'Suspended':
          this.seedSuspended(obj, revision);
          break;
        default:
          this.seedReady(obj, revision);
      }
    }
    this.seedWorkloads(objects, appliers, states);
    this.seedNamespaces([...objects, ...this.extra]);
    seedInventories(appliers, [...objects, ...this.extra]);
    this.out.push(...objects, ...this.extra, ...this.events);
    return {
      objects: this.out,
      states: appliers.map(o => {
        const s = states.get(id(o))!;
        return {
          kind: o.kind!,
          namespace: ns(o),
          name: o.metadata!.name!,
          state: s.state,
          reason: s.reason,
        };
      }),
    };
  }

  private isSource(obj: KubeObject) {
    return (
      isFluxObject(obj) &&
      [
        'GitRepository',
        'OCIRepository',
        'HelmRepository',
        'HelmChart',
        'Bucket',
      ].includes(obj.kind!)
    );
  }

  /** Creates the sources the appliers refer to but the input lacks, and helm-controller's HelmCharts. */
  private ensureSources(appliers: KubeObject[]) {
    for (const obj of appliers) {
      const ref =
        obj.kind === 'Kustomization'
          ? obj.spec?.sourceRef
          : obj.spec?.chart?.spec?.sourceRef ?? obj.spec?.chartRef;
      if (!ref?.kind || !ref?.name) continue;
      const refNs = ref.namespace ?? ns(obj);
      const key = `${ref.kind}/${refNs}/${ref.name}`;
      if (
        !this.sources.has(key) &&
        ['GitRepository', 'OCIRepository', 'HelmRepository', 'Bucket'].includes(
          ref.kind,
        )
      ) {
        const spec = missingSourceSpec(ref.kind, ref.name);
        const source: KubeObject = {
          apiVersion: SOURCE_API,
          kind: ref.kind,
          metadata: { name: ref.name, namespace: refNs, generation: 1 },
          spec,
        };
        this.sources.set(key, source);
        this.extra.push(source);
      }
      if (obj.kind === 'HelmRelease' && obj.spec?.chart?.spec) {
        const chartSpec = obj.spec.chart.spec;
        const chart: KubeObject = {
          apiVersion: SOURCE_API,
          kind: 'HelmChart',
          metadata: {
            name: `${ns(obj)}-${obj.metadata!.name}`,
            namespace: refNs,
            generation: 1,
          },
          spec: {
            chart: chartSpec.chart,
            version: chartSpec.version ?? '*',
            sourceRef: { kind: ref.kind, name: ref.name },
            interval: chartSpec.interval ?? obj.spec.interval ?? '10m',
            reconcileStrategy: 'ChartVersion',
          },
        };
        this.sources.set(id(chart), chart);
        this.extra.push(chart);
      }
    }
  }

  private seedSource(source: KubeObject) {
    const gen = source.metadata!.generation ?? 1;
    let revision: string;
    switch (source.kind) {
      case 'GitRepository': {
        const ref = source.spec?.ref ?? {};
        revision = ref.tag
          ? `${ref.tag}@sha1:${this.rng.hex(40)}`
          : this.sha1Revision(ref.branch ?? 'main');
        break;
      }
      case 'OCIRepository':
        revision = `${source.spec?.ref?.tag ?? 'latest'}@sha256:${this.rng.hex(
          64,
        )}`;
        break;
      case 'HelmChart':
        revision = resolveChartVersion(source.spec?.version, this.rng);
        break;
      default:
        revision = `sha256:${this.rng.hex(64)}`;
    }
    const time = minutesAgo(this.now, this.rng.int(1, intervalMinutes(source)));
    const ready = readySuccess(source, revision);
    if (source.kind === 'HelmRepository' && source.spec?.type === 'oci') {
      // OCI Helm repositories are static: no artifact is stored.
      source.status = { observedGeneration: gen, conditions: [] };
      return;
    }
    const path = `${source.kind!.toLowerCase()}/${ns(source)}/${
      source.metadata!.name
    }`;
    source.status = {
      observedGeneration: gen,
      conditions: [
        condition('Ready', 'True', ready.reason, ready.message, time, gen),
        condition(
          'ArtifactInStorage',
          'True',
          ready.reason,
          ready.message,
          time,
          gen,
        ),
      ],
      artifact: {
        path: `${path}/${this.rng.hex(12)}.tar.gz`,
        url: `http://source-controller.flux-system.svc.cluster.local./${path}/${this.rng.hex(
          12,
        )}.tar.gz`,
        revision,
        digest: `sha256:${this.rng.hex(64)}`,
        lastUpdateTime: time,
        size: this.rng.int(2_000, 900_000),
      },
    };
    this.event(
      source,
      'Normal',
      source.kind === 'HelmChart' ? 'ChartPullSucceeded' : 'NewArtifact',
      ready.message,
      time,
    );
  }

  private sourceOf(obj: KubeObject): KubeObject | undefined {
    if (obj.kind === 'HelmRelease' && obj.spec?.chart?.spec) {
      const refNs = obj.spec.chart.spec.sourceRef?.namespace ?? ns(obj);
      return this.sources.get(
        `HelmChart/${refNs}/${ns(obj)}-${obj.metadata!.name}`,
      );
    }
    const ref =
      obj.kind === 'Kustomization' ? obj.spec?.sourceRef : obj.spec?.chartRef;
    if (!ref?.kind) return undefined;
    return this.sources.get(
      `${ref.kind}/${ref.namespace ?? ns(obj)}/${ref.name}`,
    );
  }

  /** The source's current revision and a previous one, for drift on failed objects. */
  private revisionFor(obj: KubeObject): { current: string; previous: string } {
    const source = this.sourceOf(obj);
    const current: string =
      source?.status?.artifact?.revision ??
      (obj.kind === 'HelmRelease'
        ? resolveChartVersion(obj.spec?.chart?.spec?.version, this.rng)
        : this.sha1Revision('main'));
    const key = source ? id(source) : id(obj);
    let found = this.revisions.get(key);
    if (!found || found.current !== current) {
      const previous =
        obj.kind === 'HelmRelease'
          ? olderVersion(current.split('@')[0])
          : current
              .replace(/[0-9a-f]{40}$/, this.rng.hex(40))
              .replace(/[0-9a-f]{64}$/, this.rng.hex(64));
      found = { current, previous };
      this.revisions.set(key, found);
    }
    return found;
  }

  private assignStates(appliers: KubeObject[], failedShare: number) {
    const states = new Map<
      string,
      { state: SeededState; reason: string; dependency?: string }
    >();
    const free = () => appliers.filter(a => !states.has(id(a)));
    const byRef = (
      owner: KubeObject,
      dep: { name?: string; namespace?: string },
    ) =>
      appliers.find(
        a =>
          a.kind === owner.kind &&
          a.metadata!.name === dep.name &&
          ns(a) === (dep.namespace ?? ns(owner)),
      );

    const waitingCandidates = appliers.filter(a =>
      (a.spec?.dependsOn ?? []).some((d: any) => byRef(a, d)),
    );
    if (waitingCandidates.length > 0) {
      const waiting = this.rng.pick(waitingCandidates);
      const deps = (waiting.spec.dependsOn as any[])
        .map(d => byRef(waiting, d))
        .filter(Boolean) as KubeObject[];
      const dependency = this.rng.pick(deps);
      states.set(id(dependency), {
        state: 'Progressing',
        reason: 'Progressing',
      });
      states.set(id(waiting), {
        state: 'Waiting',
        reason: 'DependencyNotReady',
        dependency: `${ns(dependency)}/${dependency.metadata!.name}`,
      });
    } else if (appliers.length > 0) {
      states.set(id(this.rng.pick(appliers)), {
        state: 'Progressing',
        reason: 'Progressing',
      });
    }
    const forSuspend = free();
    if (forSuspend.length > 0) {
      states.set(id(this.rng.pick(forSuspend)), {
        state: 'Suspended',
        reason: 'Suspended',
      });
    }
    const failCount = Math.max(1, Math.round(appliers.length * failedShare));
    // At least one failing Kustomization and HelmRelease when both kinds exist.
    for (const kind of ['Kustomization', 'HelmRelease']) {
      const pool = free().filter(a => a.kind === kind);
      if (pool.length > 0 && failCount > 0)
        states.set(id(this.rng.pick(pool)), { state: 'Failed', reason: '' });
    }
    while (
      [...states.values()].filter(s => s.state === 'Failed').length <
        failCount &&
      free().length > 0
    ) {
      states.set(id(this.rng.pick(free())), { state: 'Failed', reason: '' });
    }
    for (const a of free())
      states.set(id(a), { state: 'Ready', reason: 'ReconciliationSucceeded' });
    // Flux does not apply an object whose dependency is not Ready: whatever
    // depends (transitively) on a Failed, Progressing or Waiting object waits.
    const blocking: SeededState[] = ['Failed', 'Progressing', 'Waiting'];
    for (let changed = true; changed; ) {
      changed = false;
      for (const a of appliers) {
        if (states.get(id(a))!.state !== 'Ready') continue;
        const blocked = ((a.spec?.dependsOn ?? []) as any[])
          .map(d => byRef(a, d))
          .find(d => d && blocking.includes(states.get(id(d))!.state));
        if (blocked) {
          states.set(id(a), {
            state: 'Waiting',
            reason: 'DependencyNotReady',
            dependency: `${ns(blocked)}/${blocked.metadata!.name}`,
          });
          changed = true;
        }
      }
    }
    return states;
  }

  private event(
    obj: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    time: string,
    count = 1,
    first?: string,
  ) {
    // Events point at their object by uid too, so give it one now.
    obj.metadata!.uid ??= `${this.rng.hex(8)}-${this.rng.hex(
      4,
    )}-4${this.rng.hex(3)}-8${this.rng.hex(3)}-${this.rng.hex(12)}`;
    this.events.push(
      makeEvent({
        involved: obj,
        type,
        reason,
        message,
        firstTimestamp: first ?? time,
        lastTimestamp: time,
        count,
        serial: this.eventSerial++,
      }),
    );
  }

  private helmHistory(
    obj: KubeObject,
    chartVersion: string,
    releases: number,
    status: string,
    deployedAt: string,
  ) {
    const history = [];
    for (let v = releases; v >= 1 && history.length < 3; v--) {
      history.push({
        name: releaseNameOf(obj),
        namespace: obj.spec?.targetNamespace ?? ns(obj),
        version: v,
        status: v === releases ? status : 'superseded',
        chartName: chartNameOf(obj),
        chartVersion:
          v === releases ? chartVersion : olderVersion(chartVersion),
        appVersion: `${chartVersion.split('.')[0]}.${this.rng.int(0, 30)}.0`,
        configDigest: `sha256:${this.rng.hex(64)}`,
        digest: `sha256:${this.rng.hex(64)}`,
        firstDeployed: minutesAgo(this.now, 60 * 24 * 30),
        lastDeployed: deployedAt,
      });
    }
    return history;
  }

  private seedReady(obj: KubeObject, revision: { current: string }) {
    const gen = obj.metadata!.generation!;
    const interval = intervalMinutes(obj);
    const handled = minutesAgo(
      this.now,
      this.rng.int(0, Math.max(1, interval - 1)),
    );
    // kustomize-controller turns Ready Unknown and back on every run, so its
    // Ready time is the last run; the others keep the time of the last change.
    const readyAt =
      obj.kind === 'Kustomization'
        ? minutesAgo(this.now, this.rng.int(0, Math.max(1, interval - 1)))
        : minutesAgo(this.now, this.rng.int(60, 60 * 24 * 7));
    obj.metadata!.annotations = {
      ...obj.metadata!.annotations,
      [REQUESTED_AT_ANNOTATION]: handled,
    };
    const releases = this.rng.int(1, 6);
    const ready = readySuccess(obj, revision.current, releases);
    const status: any = {
      observedGeneration: gen,
      lastHandledReconcileAt: handled,
      conditions: [
        condition('Ready', 'True', ready.reason, ready.message, readyAt, gen),
      ],
    };
    if (obj.kind === 'HelmRelease') {
      status.conditions.push(
        condition(
          'Released',
          'True',
          ready.reason,
          ready.message,
          readyAt,
          gen,
        ),
      );
      status.history = this.helmHistory(
        obj,
        revision.current,
        releases,
        'deployed',
        readyAt,
      );
      status.lastAttemptedRevision = revision.current;
      status.lastAttemptedGeneration = gen;
      status.lastAttemptedConfigDigest = status.history[0].configDigest;
      status.lastAttemptedReleaseAction = releases > 1 ? 'upgrade' : 'install';
      this.event(obj, 'Normal', ready.reason, ready.message, readyAt);
    } else {
      status.lastAppliedRevision = revision.current;
      status.lastAttemptedRevision = revision.current;
      status.conditions.push(
        condition(
          'Healthy',
          'True',
          'Succeeded',
          'Health check passed',
          readyAt,
          gen,
        ),
      );
      this.event(
        obj,
        'Normal',
        'ReconciliationSucceeded',
        `Reconciliation finished in ${this.rng.int(1, 9)}.${this.rng.int(
          100,
          999,
        )}s, next run in ${goDuration(obj.spec?.interval)}`,
        handled,
      );
    }
    obj.status = status;
  }

  private seedFailed(
    obj: KubeObject,
    revision: { current: string; previous: string },
    failure: Failure,
  ): string {
    const gen = obj.metadata!.generation!;
    const since = minutesAgo(this.now, this.rng.int(20, 600));
    const last = minutesAgo(this.now, this.rng.int(0, 4));
    const name = obj.metadata!.name!;
    const target = obj.spec?.targetNamespace ?? ns(obj);
    let reason: string;
    let message: string;
    const status: any = { observedGeneration: gen, conditions: [] };
    if (failure === 'build' || failure === 'health') {
      if (failure === 'build') {
        reason = 'BuildFailed';
        message = `kustomize build failed: accumulating resources: accumulation err='accumulating resources from './${name}': read ${name}: is a directory': recursed accumulation of path '/tmp/kustomization-${this.rng.int(
          100000000,
          999999999,
        )}/${(obj.spec?.path ?? '.').replace(
          /^\.\//,
          '',
        )}/${name}': no matches for Id Deployment.v1.apps/${name}.[noNs]; failed to find unique target for patch Deployment.v1.apps/${name}.[noNs]`;
      } else {
        reason = 'HealthCheckFailed';
        const workload = this.unhealthyWorkload(obj, target);
        this.unhealthy.set(id(obj), workload);
        message = `health check failed after 5m0.${this.rng.int(
          100,
          999,
        )}s: timeout waiting for: [Deployment/${workload.namespace}/${
          workload.name
        } status: 'InProgress']`;
        status.conditions.push(
          condition(
            'Healthy',
            'False',
            'HealthCheckFailed',
            message,
            since,
            gen,
          ),
        );
      }
      status.lastAppliedRevision = revision.previous;
      status.lastAttemptedRevision = revision.current;
      status.conditions.unshift(
        condition('Ready', 'False', reason, message, since, gen),
      );
      status.conditions.push(
        condition(
          'Reconciling',
          'True',
          'ProgressingWithRetry',
          `Detecting drift for revision ${revision.current} with a timeout of 5m0s`,
          last,
          gen,
        ),
      );
    } else {
      const chart = chartNameOf(obj);
      const release = `${target}/${releaseNameOf(obj)}`;
      status.lastAttemptedRevision = revision.current;
      status.lastAttemptedGeneration = gen;
      if (failure === 'helm-install') {
        reason = 'InstallFailed';
        message = `Helm install failed for release ${release} with chart ${chart}@${revision.current}: context deadline exceeded`;
        status.history = this.helmHistory(
          obj,
          revision.current,
          1,
          'failed',
          since,
        );
        status.installFailures = 1;
        status.lastAttemptedReleaseAction = 'install';
        status.conditions.push(
          condition('Ready', 'False', reason, message, since, gen),
          condition('Released', 'False', reason, message, since, gen),
          condition(
            'Stalled',
            'True',
            'RetriesExceeded',
            'Failed to install after 1 attempt(s)',
            since,
            gen,
          ),
        );
      } else {
        reason = 'UpgradeFailed';
        message = `Helm upgrade failed for release ${release} with chart ${chart}@${
          revision.current
        }: cannot patch "${releaseNameOf(
          obj,
        )}" with kind Deployment: Deployment.apps "${releaseNameOf(
          obj,
        )}" is invalid: spec.template.spec.containers[0].image: Required value`;
        const history = this.helmHistory(
          obj,
          revision.previous,
          3,
          'deployed',
          minutesAgo(this.now, 60 * 24 * 2),
        );
        history.unshift({
          ...history[0],
          version: 4,
          status: 'failed',
          chartVersion: revision.current,
          lastDeployed: since,
        });
        history[1] = { ...history[1], status: 'deployed' };
        status.history = history.slice(0, 4);
        status.upgradeFailures = this.rng.int(1, 3);
        status.lastAttemptedReleaseAction = 'upgrade';
        status.conditions.push(
          condition('Ready', 'False', reason, message, since, gen),
          condition('Released', 'False', reason, message, since, gen),
          condition(
            'Reconciling',
            'True',
            'ProgressingWithRetry',
            `Retrying upgrade of release ${release} (attempt ${
              status.upgradeFailures + 1
            })`,
            last,
            gen,
          ),
        );
      }
    }
    obj.status = status;
    this.event(
      obj,
      'Warning',
      reason,
      message,
      last,
      this.rng.int(3, 40),
      since,
    );
    return reason;
  }

  /** Deployments a Kustomization applied, by kustomize-controller's labels. */
  private deploymentsAppliedBy(obj: KubeObject): KubeObject[] {
    return this.inputDeployments.filter(
      d =>
        d.metadata?.labels?.['kustomize.toolkit.fluxcd.io/name'] ===
          obj.metadata!.name &&
        d.metadata?.labels?.['kustomize.toolkit.fluxcd.io/namespace'] ===
          ns(obj),
    );
  }

  private failureFor(obj: KubeObject): Failure {
    if (obj.kind === 'HelmRelease') {
      return this.rng.pick(['helm-install', 'helm-upgrade'] as const);
    }
    const picked = this.rng.pick(['build', 'health'] as const);
    // A health check waits for workloads the Kustomization applied; one that
    // applies none (only HelmReleases, say) fails its build instead.
    const appliesWorkloads = this.deploymentsAppliedBy(obj).length > 0;
    return appliesWorkloads || this.inputDeployments.length === 0
      ? picked
      : 'build';
  }

  /**
   * The Deployment a failing health check waits for: one the Kustomization
   * applied (by kustomize-controller's labels), else one in its target
   * namespace, else any from the input, else one named after it.
   */
  private unhealthyWorkload(obj: KubeObject, target: string) {
    const labelled = this.deploymentsAppliedBy(obj);
    const inTarget = this.inputDeployments.filter(d => ns(d) === target);
    const pool = [labelled, inTarget, this.inputDeployments].find(
      p => p.length > 0,
    );
    const chosen = pool ? this.rng.pick(pool) : undefined;
    return chosen
      ? { name: chosen.metadata!.name!, namespace: ns(chosen) }
      : { name: obj.metadata!.name!, namespace: target };
  }

  private seedWaiting(
    obj: KubeObject,
    revision: { current: string; previous: string },
    dependency: string,
  ) {
    const gen = obj.metadata!.generation!;
    const time = minutesAgo(this.now, this.rng.int(1, 5));
    const message = `dependency '${dependency}' is not ready`;
    obj.status = {
      observedGeneration: gen,
      conditions: [
        condition('Ready', 'False', 'DependencyNotReady', message, time, gen),
      ],
    };
    this.keepPreviousRelease(obj, revision.previous, minutesAgo(this.now, 600));
    this.event(
      obj,
      'Normal',
      'DependencyNotReady',
      message,
      time,
      this.rng.int(2, 12),
    );
  }

  /** What the last successful reconciliation left: an applied revision or a deployed release. */
  private keepPreviousRelease(obj: KubeObject, previous: string, at: string) {
    if (obj.kind === 'HelmRelease') {
      obj.status.history = this.helmHistory(obj, previous, 2, 'deployed', at);
      obj.status.lastAttemptedRevision ??= previous;
    } else {
      obj.status.lastAppliedRevision = previous;
      obj.status.lastAttemptedRevision ??= previous;
    }
  }

  private seedProgressing(
    obj: KubeObject,
    revision: { current: string; previous: string },
  ) {
    const gen = Math.max(2, obj.metadata!.generation!);
    obj.metadata!.generation = gen;
    const time = minutesAgo(this.now, 0);
    const message = 'Reconciliation in progress';
    obj.status = {
      // The controller has not caught up with the latest spec yet.
      observedGeneration: gen - 1,
      lastAttemptedRevision: revision.current,
      conditions: [
        condition('Reconciling', 'True', 'Progressing', message, time, gen),
        condition('Ready', 'Unknown', 'Progressing', message, time, gen),
      ],
    };
    this.keepPreviousRelease(obj, revision.previous, minutesAgo(this.now, 300));
    this.event(
      obj,
      'Normal',
      'Progressing',
      `${obj.kind === 'Kustomization' ? 'Deployment' : 'HelmChart'}/${ns(
        obj,
      )}/${obj.metadata!.name} configured`,
      time,
    );
  }

  private seedSuspended(
    obj: KubeObject,
    revision: { current: string; previous: string },
  ) {
    // Flux leaves the status of a suspended object as its last reconciliation left it.
    obj.spec = { ...obj.spec, suspend: true };
    const gen = obj.metadata!.generation!;
    const readyAt = minutesAgo(this.now, 60 * 24 * 3);
    const ready = readySuccess(obj, revision.previous, 2);
    obj.status = {
      observedGeneration: gen,
      lastHandledReconcileAt: readyAt,
      conditions: [
        condition('Ready', 'True', ready.reason, ready.message, readyAt, gen),
      ],
    };
    obj.metadata!.annotations = {
      ...obj.metadata!.annotations,
      [REQUESTED_AT_ANNOTATION]: readyAt,
    };
    this.keepPreviousRelease(obj, revision.previous, readyAt);
  }

  private seedWorkloads(
    objects: KubeObject[],
    appliers: KubeObject[],
    states: Map<string, { state: SeededState }>,
  ) {
    const time = minutesAgo(this.now, 120);
    const deployments = objects.filter(
      o => o.kind === 'Deployment' && o.apiVersion === 'apps/v1',
    );
    // The Flux controllers themselves, as `flux install` deploys them.
    for (const controller of appliers.length > 0 ? FLUX_CONTROLLERS : []) {
      if (
        deployments.some(
          d => ns(d) === 'flux-system' && d.metadata!.name === controller.name,
        )
      )
        continue;
      const dep = syntheticDeployment(
        controller.name,
        'flux-system',
        {
          'app.kubernetes.io/part-of': 'flux',
          'app.kubernetes.io/component': controller.name,
        },
        `ghcr.io/fluxcd/${controller.name}:${controller.version}`,
      );
      this.extra.push(dep);
      deployments.push(dep);
    }
    const unhealthy = new Set<string>();
    for (const obj of appliers) {
      const marker = this.unhealthy.get(id(obj));
      if (marker) {
        unhealthy.add(`${marker.namespace}/${marker.name}`);
        if (
          !deployments.some(
            d => ns(d) === marker.namespace && d.metadata!.name === marker.name,
          )
        ) {
          const dep = syntheticDeployment(
            marker.name,
            marker.namespace,
            {
              'kustomize.toolkit.fluxcd.io/name': obj.metadata!.name!,
              'kustomize.toolkit.fluxcd.io/namespace': ns(obj),
            },
            `registry.example.com/${marker.name}:1.0.0`,
          );
          this.extra.push(dep);
          deployments.push(dep);
        }
      }
      if (
        obj.kind === 'HelmRelease' &&
        states.get(id(obj))?.state !== 'Failed'
      ) {
        const name = releaseNameOf(obj);
        const namespace = obj.spec?.targetNamespace ?? ns(obj);
        if (
          !deployments.some(
            d => ns(d) === namespace && d.metadata!.name === name,
          )
        ) {
          const dep = syntheticDeployment(
            name,
            namespace,
            {
              'app.kubernetes.io/instance': name,
              'app.kubernetes.io/managed-by': 'Helm',
              'helm.toolkit.fluxcd.io/name': obj.metadata!.name!,
              'helm.toolkit.fluxcd.io/namespace': ns(obj),
            },
            `registry.example.com/${chartNameOf(obj)}:${
              obj.status?.history?.[0]?.appVersion ?? '1.0.0'
            }`,
          );
          this.extra.push(dep);
          deployments.push(dep);
        }
      }
    }
    for (const dep of deployments) {
      dep.metadata!.generation ??= 1;
      const ready = !unhealthy.has(`${ns(dep)}/${dep.metadata!.name}`);
      const hash = this.rng.hex(10).replace(/^[0-9]/, 'a');
      dep.status = deploymentStatus(dep, ready, hash, time);
      this.extra.push(...podsFor(dep, ready, hash, time, this.rng));
    }
  }

  private seedNamespaces(objects: KubeObject[]) {
    const existing = new Set(
      objects.filter(o => o.kind === 'Namespace').map(o => o.metadata!.name),
    );
    const used = new Set<string>(['flux-system']);
    for (const o of objects) {
      if (o.kind !== 'Namespace' && o.metadata?.namespace)
        used.add(o.metadata.namespace);
    }
    for (const o of objects) {
      if (o.kind === 'Namespace') o.status = { phase: 'Active' };
    }
    for (const name of [...used].sort()) {
      if (!existing.has(name)) {
        this.extra.push({
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name },
          status: { phase: 'Active' },
        });
      }
    }
  }
}

/** Gives Flux objects realistic statuses (see the module comment). @public */
export function seedFluxStatuses(
  objects: KubeObject[],
  options: SeedOptions = {},
): SeedResult {
  const seeder = new Seeder(
    createRng(options.seed ?? 1),
    options.now ?? new Date(),
  );
  return seeder.run(objects, options.failedShare ?? 0.08);
}

/**
 * kustomize-controller records what it applied in `status.inventory`
 * (`<namespace>_<name>_<group>_<kind>` ids) and labels those objects with
 * its name and namespace; the inventory is rebuilt from those labels.
 */
function seedInventories(appliers: KubeObject[], objects: KubeObject[]) {
  const byOwner = new Map<string, Array<{ id: string; v: string }>>();
  for (const obj of objects) {
    const labels = obj.metadata?.labels ?? {};
    const owner = labels['kustomize.toolkit.fluxcd.io/name'];
    if (!owner || typeof obj.apiVersion !== 'string') continue;
    const key = `${
      labels['kustomize.toolkit.fluxcd.io/namespace'] ?? ''
    }/${owner}`;
    const slash = obj.apiVersion.lastIndexOf('/');
    const group = slash < 0 ? '' : obj.apiVersion.slice(0, slash);
    const version = obj.apiVersion.slice(slash + 1);
    let entries = byOwner.get(key);
    if (!entries) byOwner.set(key, (entries = []));
    entries.push({
      id: `${obj.metadata?.namespace ?? ''}_${obj.metadata?.name}_${group}_${
        obj.kind
      }`,
      v: version,
    });
  }
  for (const obj of appliers) {
    if (obj.kind !== 'Kustomization') continue;
    const entries = byOwner.get(`${ns(obj)}/${obj.metadata!.name}`);
    if (!entries) continue;
    entries.sort((a, b) => a.id.localeCompare(b.id));
    obj.status = { ...obj.status, inventory: { entries } };
  }
}
