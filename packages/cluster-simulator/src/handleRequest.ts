/**
 * Routing of one HTTP request, in the order an apiserver applies its
 * checks: health probes, the admin endpoint (token only, never faulted),
 * then for the Kubernetes API: injected latency, bearer-token auth,
 * injected failures, the path, RBAC-like forbidden kinds, and finally the
 * verb's handler (get, list, watch, merge-patch).
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { handleAdmin } from './adminApi';
import {
  ApiError,
  forbidden,
  internalError,
  methodNotAllowed,
  pathNotFound,
  unauthorized,
  unsupportedMediaType,
} from './apiStatus';
import { ClusterObject } from './clusterObject';
import type { ClusterSimulator } from './clusterSimulatorApi';
import { discoveryDocument } from './discovery';
import { Faults } from './faults';
import { isTrue } from './http/queryFlags';
import { parseJson, readBody } from './http/requestBody';
import { sendJson } from './http/responses';
import { listResponse } from './requests/listResponse';
import { patchObject } from './requests/patchObject';
import { presentAt } from './requests/presentAt';
import { startWatch } from './requests/startWatch';
import { ServedVersions } from './resources';
import { route } from './routes';
import { ObjectStore } from './store';
import { WatchStream } from './watchStream';

/** What requests are served from: the server's state, shared with it. */
export interface RequestContext {
  /** The simulator itself, for the admin endpoint. */
  sim: ClusterSimulator;
  store: ObjectStore;
  served: ServedVersions;
  faults: Faults;
  token: string;
  watches: Set<WatchStream>;
  bookmarkIntervalMs: number;
  /** The user named in 403 messages. */
  user: string;
  /** host:port clients reach the API at, for the /api document. */
  serverAddress(): string;
  /** Counts a Kubernetes API request (for SimulatorState.requests). */
  countRequest(): void;
}

const HEALTH_PATHS = ['/healthz', '/readyz', '/livez'];

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** The RBAC verb of a request, as named in 403 messages. */
function verbOf(
  method: string,
  name: string | undefined,
  params: URLSearchParams,
): string {
  if (method === 'PATCH') return 'patch';
  if (name) return 'get';
  return isTrue(params.get('watch')) ? 'watch' : 'list';
}

function authorized(ctx: RequestContext, req: IncomingMessage): boolean {
  const header = req.headers.authorization ?? '';
  return header === `Bearer ${ctx.token}`;
}

export async function handleRequest(
  ctx: RequestContext,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const url = new URL(req.url ?? '/', 'http://simulator');
  const method = req.method ?? 'GET';
  if (HEALTH_PATHS.includes(url.pathname)) {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok');
    return;
  }
  if (url.pathname.startsWith('/_simulator/')) {
    if (!authorized(ctx, req)) throw new ApiError(unauthorized());
    const body = method === 'POST' ? parseJson(await readBody(req)) : undefined;
    const answer = await handleAdmin(ctx.sim, method, url, body);
    sendJson(res, answer.code, answer.body);
    return;
  }
  ctx.countRequest();
  if (ctx.faults.latencyMs > 0) await sleep(ctx.faults.latencyMs);
  if (!authorized(ctx, req)) throw new ApiError(unauthorized());
  const injected = ctx.faults.takeFailure();
  if (injected)
    throw new ApiError(
      internalError('injected failure (cluster-simulator)', injected),
    );

  const target = route(ctx.served, url.pathname);
  if (target.kind === 'none') throw new ApiError(pathNotFound());
  if (target.kind === 'discovery') {
    if (method !== 'GET') throw new ApiError(methodNotAllowed());
    sendJson(
      res,
      200,
      discoveryDocument(
        ctx.served,
        ctx.serverAddress(),
        target.doc,
        target.group,
        target.version,
      ),
    );
    return;
  }
  const { type, version, namespace, name, subresource } = target;
  const verb = verbOf(method, name, url.searchParams);
  if (ctx.faults.isForbidden(type)) {
    throw new ApiError(forbidden(type, verb, namespace, ctx.user));
  }
  const kindFailure = ctx.faults.failureCodeFor(type);
  if (kindFailure) {
    throw new ApiError(
      internalError(
        `injected failure for ${type.plural} (cluster-simulator)`,
        kindFailure,
      ),
    );
  }
  const present = (obj: ClusterObject) => presentAt(obj, type, version);
  if (method === 'GET' && name) {
    sendJson(res, 200, present(ctx.store.mustGet(type, namespace, name)));
  } else if (method === 'GET' && verb === 'watch') {
    startWatch(req, res, ctx.store, ctx.watches, ctx.bookmarkIntervalMs, {
      type,
      namespace,
      params: url.searchParams,
      present,
    });
  } else if (method === 'GET') {
    sendJson(
      res,
      200,
      listResponse(ctx.store, type, version, namespace, url.searchParams),
    );
  } else if (method === 'PATCH' && name) {
    const contentType = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    if (contentType !== 'application/merge-patch+json') {
      throw new ApiError(unsupportedMediaType(contentType));
    }
    const patch = parseJson(await readBody(req));
    const patched = patchObject(
      ctx.store,
      type,
      namespace,
      name,
      patch,
      subresource === 'status',
    );
    sendJson(res, 200, present(patched));
  } else {
    throw new ApiError(methodNotAllowed());
  }
}
