/**
 * Server-sent events: an entity's status whenever it changes, or batches of
 * changed object refs for the Flux page. Both are throttled, so a burst of
 * cluster changes costs one event per stream.
 */
import { Request, Response } from 'express';
import { Entity } from '@backstage/catalog-model';
import { FluxObjectRef } from '@flux-portal/plugin-flux-common';
import { entityFluxObjects } from '../../status/entityFluxObjects';
import { openSse } from '../sse';
import { RouteContext } from './RouteContext';

/** `status` events: the entity's status at start and after each change of it. */
function streamEntityStatus(
  context: RouteContext,
  req: Request,
  res: Response,
  entity: Entity,
) {
  const { status, clusters, streamThrottleMs } = context;
  const channel = openSse(req, res);
  let last = '';
  let lastStatus: unknown;
  let timer: NodeJS.Timeout | undefined;
  const push = () => {
    timer = undefined;
    const current = status.entityStatus(entity);
    // a reused status is unchanged: no need to compare its content
    if (current === lastStatus) return;
    lastStatus = current;
    const { generatedAt, ...comparable } = current;
    const key = JSON.stringify(comparable);
    if (key === last) return;
    last = key;
    channel.send('status', current);
  };
  push();
  const off = clusters.onChange(() => {
    timer ??= setTimeout(push, streamThrottleMs);
  }, entityFluxObjects(entity).clusters);
  channel.onClose(() => {
    off();
    clearTimeout(timer);
  });
}

/** `change` events: the refs of the Flux objects changed since the last event. */
function streamChanges(context: RouteContext, req: Request, res: Response) {
  const { clusters, streamThrottleMs } = context;
  const channel = openSse(req, res);
  let pending = new Map<string, FluxObjectRef>();
  let timer: NodeJS.Timeout | undefined;
  const off = clusters.onChange(ref => {
    pending.set(`${ref.cluster}/${ref.kind}/${ref.namespace}/${ref.name}`, ref);
    timer ??= setTimeout(() => {
      timer = undefined;
      const batch = [...pending.values()];
      pending = new Map();
      channel.send('change', batch);
    }, streamThrottleMs);
  });
  channel.onClose(() => {
    off();
    clearTimeout(timer);
  });
}

export function addStreamRoutes(context: RouteContext): void {
  context.router.get('/stream', async (req, res) => {
    const entityRef =
      typeof req.query.entityRef === 'string' ? req.query.entityRef : undefined;
    if (entityRef) {
      const entity = await context.access.readableEntity(req, entityRef);
      streamEntityStatus(context, req, res, entity);
      return;
    }
    streamChanges(context, req, res);
  });
}
