/**
 * Reconcile, suspend and resume, written the way the flux CLI writes them:
 * a merge patch of `reconcile.fluxcd.io/requestedAt` (reconcile, resume) or
 * `spec.suspend`. Only objects that deploy the entity can be acted on.
 */
import {
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  FluxAction,
  FluxActionRequest,
  FluxActionResult,
  RECONCILE_REQUESTED_AT_ANNOTATION,
} from '@flux-portal/plugin-flux-common';
import { ClusterWatcher } from '../clusters/ClusterWatcher';
import { watchedKind } from '../clusters/watchedKinds';
import { sourceOf } from '../status/sourceOf';
import type { ObjectKey } from '@flux-portal/plugin-flux-common';
import { toClusterError } from '../clusters/clusterErrors';

/** The patch that asks a Flux controller to reconcile now, as `flux reconcile` writes it. */
const reconcileRequest = (requestedAt: string) => ({
  metadata: {
    annotations: { [RECONCILE_REQUESTED_AT_ANNOTATION]: requestedAt },
  },
});

export interface FluxActionsOptions {
  /** How long reconcile --with-source waits for the source (default 30000 ms). */
  sourceWaitMs?: number;
  now?: () => Date;
}

export class FluxActions {
  private readonly sourceWaitMs: number;
  private readonly now: () => Date;

  constructor(options: FluxActionsOptions = {}) {
    this.sourceWaitMs = options.sourceWaitMs ?? 30000;
    this.now = options.now ?? (() => new Date());
  }

  async run(
    watcher: ClusterWatcher,
    action: FluxAction,
    request: FluxActionRequest,
  ): Promise<FluxActionResult> {
    const target: ObjectKey = {
      kind: request.kind,
      namespace: request.namespace,
      name: request.name,
    };
    const obj: any = watcher.get(target.kind, target.namespace, target.name);
    if (!obj) {
      throw new NotFoundError(
        `${target.kind} ${target.namespace}/${target.name} was not found in cluster '${watcher.name}'`,
      );
    }
    const ref = { cluster: watcher.name, ...target };
    if (action === 'suspend') {
      await this.patch(watcher, target, { spec: { suspend: true } });
      return { action, object: ref };
    }
    const requestedAt = this.now().toISOString();
    if (action === 'resume') {
      await this.patch(watcher, target, {
        spec: { suspend: null },
        ...reconcileRequest(requestedAt),
      });
      return { action, object: ref, requestedAt };
    }
    if (action !== 'reconcile')
      throw new InputError(`Unknown action '${action}'`);
    await this.reconcile(watcher, target, obj, request, requestedAt);
    return { action, object: ref, requestedAt };
  }

  /** `flux reconcile`: refused while suspended; `--with-source` reconciles the source first and waits for it. */
  private async reconcile(
    watcher: ClusterWatcher,
    target: ObjectKey,
    obj: any,
    request: FluxActionRequest,
    requestedAt: string,
  ): Promise<void> {
    if (obj.spec?.suspend === true) {
      throw new ConflictError(
        `${target.kind} ${target.namespace}/${target.name} in cluster '${watcher.name}' is suspended; resume it to reconcile`,
      );
    }
    if (request.withSource) {
      const source = sourceOf(target.kind, obj)?.reconcileTarget;
      if (!source) {
        throw new InputError(
          `${target.kind} ${target.namespace}/${target.name} has no source to reconcile`,
        );
      }
      await this.patch(watcher, source, reconcileRequest(requestedAt));
      await this.waitHandled(watcher, source, requestedAt);
    }
    await this.patch(watcher, target, reconcileRequest(requestedAt));
  }

  /** Waits (on the watch cache, no polling of the cluster) until the controller handled a request. */
  private waitHandled(
    watcher: ClusterWatcher,
    key: ObjectKey,
    requestedAt: string,
  ): Promise<void> {
    const handled = () =>
      (watcher.get(key.kind, key.namespace, key.name) as any)?.status
        ?.lastHandledReconcileAt === requestedAt;
    if (handled()) return Promise.resolve();
    return new Promise(resolve => {
      const timer = setTimeout(done, this.sourceWaitMs);
      const off = watcher.onChange(ref => {
        if (
          ref.kind === key.kind &&
          ref.namespace === key.namespace &&
          ref.name === key.name &&
          handled()
        )
          done();
      });
      function done() {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  }

  private async patch(watcher: ClusterWatcher, key: ObjectKey, body: object) {
    const kind = watchedKind(key.kind);
    const version = watcher.versionOf(key.kind);
    if (!kind || !version) {
      throw new InputError(
        `${key.kind} is not served by cluster '${watcher.name}'`,
      );
    }
    try {
      await watcher.kubeConfig
        .makeApiClient(CustomObjectsApi)
        .patchNamespacedCustomObject(
          {
            group: kind.group,
            version,
            namespace: key.namespace,
            plural: kind.plural,
            name: key.name,
            body,
          },
          setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
        );
    } catch (error) {
      const clusterError = toClusterError(watcher.name, error, [key.kind]);
      throw new Error(
        `Patching ${key.kind} ${key.namespace}/${key.name} failed: ${clusterError.message}`,
      );
    }
  }
}
