import { useCallback, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type {
  FluxAction,
  FluxObjectSummary,
} from '@flux-portal/plugin-flux-common';
import { fluxApiRef, type FluxEntityRef } from '../api/FluxApi';
import { objectKey } from '../lib/objects';

/** An action someone started on one object, and what came of it so far. */
export interface PendingAction {
  action: FluxAction;
  withSource: boolean;
  /** Set once the backend accepted a reconcile. */
  requestedAt?: string;
  accepted: boolean;
  error?: string;
}

/** What the UI shows about an object's last action. @public */
export type ActionProgress =
  | { phase: 'running'; text: string }
  | { phase: 'done'; text: string; ok: boolean }
  | { phase: 'error'; text: string };

/**
 * Whether the object shows the effect of the action: a reconcile is handled
 * once status.lastHandledReconcileAt equals the requestedAt the backend
 * wrote (that is how `flux reconcile` knows); suspend/resume once the
 * object's suspend flag agrees.
 */
export function actionHandled(
  pending: PendingAction,
  object: FluxObjectSummary,
): boolean {
  if (!pending.accepted) return false;
  if (pending.action === 'suspend') return object.suspended;
  if (pending.action === 'resume') return !object.suspended;
  return (
    pending.requestedAt !== undefined &&
    object.lastHandledReconcileAt === pending.requestedAt
  );
}

export function describeProgress(
  pending: PendingAction,
  object: FluxObjectSummary,
): ActionProgress {
  if (pending.error) return { phase: 'error', text: pending.error };
  if (
    pending.action === 'reconcile' &&
    pending.accepted &&
    pending.requestedAt === undefined
  ) {
    // Nothing to wait for without a requestedAt: say what is known.
    return { phase: 'done', ok: true, text: 'Reconcile requested' };
  }
  if (!actionHandled(pending, object)) {
    const verb = {
      reconcile: `Reconciling${pending.withSource ? ' with source' : ''}`,
      suspend: 'Suspending',
      resume: 'Resuming',
    }[pending.action];
    return {
      phase: 'running',
      text: pending.accepted ? `${verb}…` : `${verb}: sending request…`,
    };
  }
  if (pending.action === 'suspend') {
    return { phase: 'done', ok: true, text: 'Suspended' };
  }
  if (pending.action === 'resume') {
    return { phase: 'done', ok: true, text: 'Resumed' };
  }
  const ok = object.state === 'Ready';
  return {
    phase: 'done',
    ok,
    text: `Reconciled: ${object.state}${
      object.message ? ` — ${object.message}` : ''
    }`,
  };
}

/** Runs reconcile/suspend/resume on an entity's objects and tracks each until handled. */
export function useFluxActions(entity: FluxEntityRef) {
  const fluxApi = useApi(fluxApiRef);
  const [pending, setPending] = useState<Record<string, PendingAction>>({});
  const { kind, namespace, name } = entity;

  const run = useCallback(
    async (
      object: FluxObjectSummary,
      action: FluxAction,
      withSource = false,
    ) => {
      const key = objectKey(object);
      setPending(prev => ({
        ...prev,
        [key]: { action, withSource, accepted: false },
      }));
      try {
        const result = await fluxApi.runAction(
          { kind, namespace, name },
          action,
          {
            cluster: object.cluster,
            kind: object.kind,
            namespace: object.namespace,
            name: object.name,
            ...(action === 'reconcile' ? { withSource } : {}),
          },
        );
        setPending(prev => ({
          ...prev,
          [key]: {
            action,
            withSource,
            accepted: true,
            requestedAt: result.requestedAt,
          },
        }));
      } catch (e) {
        setPending(prev => ({
          ...prev,
          [key]: {
            action,
            withSource,
            accepted: false,
            error: `${action} failed: ${(e as Error).message}`,
          },
        }));
      }
    },
    [fluxApi, kind, namespace, name],
  );

  const impactOf = useCallback(
    (object: FluxObjectSummary, action: FluxAction) =>
      fluxApi.getActionImpact({ kind, namespace, name }, action, {
        cluster: object.cluster,
        kind: object.kind,
        namespace: object.namespace,
        name: object.name,
      }),
    [fluxApi, kind, namespace, name],
  );

  const progressOf = useCallback(
    (object: FluxObjectSummary): ActionProgress | undefined => {
      const entry = pending[objectKey(object)];
      return entry ? describeProgress(entry, object) : undefined;
    },
    [pending],
  );

  const dismiss = useCallback((object: FluxObjectSummary) => {
    setPending(prev => {
      const next = { ...prev };
      delete next[objectKey(object)];
      return next;
    });
  }, []);

  return { run, progressOf, impactOf, dismiss };
}
