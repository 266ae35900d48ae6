/**
 * The demo's control panel: HTTP endpoints under /_simulator/ that drive the
 * same fault controls as the programmatic API. They take the cluster's bearer
 * token and are never subject to injected faults.
 *
 *   GET  /_simulator/state                  current faults, resourceVersion, open watches
 *   POST /_simulator/faults                 {latencyMs?, failNext?: {count, code?}, failKinds?: {Kind: code}, forbidKinds?: [Kind]}
 *   POST /_simulator/faults/clear           clear every fault
 *   POST /_simulator/drop-watches           end every open watch stream
 *   POST /_simulator/compact                forget history (older resourceVersions give 410)
 *   POST /_simulator/down?forMs=5000        refuse connections, come back on the same port after forMs
 *   POST /_simulator/objects                create or replace objects (one object or an array)
 *   POST /_simulator/new-artifact           {kind, namespace, name, revision?}: a new commit/chart in a source
 */
import {
  badRequest,
  failure,
  KubeStatus,
  methodNotAllowed,
  pathNotFound,
} from './apiStatus';
import { ClusterObject } from './clusterObject';
import type { ClusterSimulator } from './clusterSimulatorApi';

export interface AdminResponse {
  code: number;
  body: unknown;
}

function asList<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

export async function handleAdmin(
  sim: ClusterSimulator,
  method: string,
  url: URL,
  body: unknown,
): Promise<AdminResponse> {
  const action = url.pathname.replace(/^\/_simulator\/?/, '');
  const fail = (status: KubeStatus) => ({ code: status.code, body: status });
  if (action === 'state') {
    return method === 'GET'
      ? { code: 200, body: sim.state() }
      : fail(methodNotAllowed());
  }
  if (method !== 'POST') return fail(methodNotAllowed());
  const input = (body ?? {}) as Record<string, any>;
  switch (action) {
    case 'faults': {
      if (input.latencyMs !== undefined)
        sim.faults.setLatency(Number(input.latencyMs));
      if (input.failNext)
        sim.faults.failNext(Number(input.failNext.count), input.failNext.code);
      for (const [kind, code] of Object.entries(input.failKinds ?? {})) {
        sim.faults.failKind(kind, Number(code) || 503);
      }
      for (const kind of asList<string>(input.forbidKinds ?? []))
        sim.faults.forbidKind(kind);
      return { code: 200, body: sim.faults.state() };
    }
    case 'faults/clear':
      sim.faults.clear();
      return { code: 200, body: sim.faults.state() };
    case 'drop-watches':
      return { code: 200, body: { dropped: sim.dropWatches() } };
    case 'compact':
      sim.compactHistory();
      return {
        code: 200,
        body: {
          oldestRetainedResourceVersion:
            sim.state().oldestRetainedResourceVersion,
        },
      };
    case 'down': {
      const forMs = Number(url.searchParams.get('forMs') ?? 5000);
      if (!(forMs > 0))
        return fail(
          badRequest('forMs must be a positive number of milliseconds'),
        );
      // Answer first, then go down: the caller learns when we will be back.
      setTimeout(() => {
        sim
          .down()
          .then(() => setTimeout(() => sim.up().catch(() => undefined), forMs));
      }, 10);
      return { code: 202, body: { downForMs: forMs } };
    }
    case 'new-artifact': {
      try {
        const source = sim.newArtifact(
          String(input.kind),
          String(input.namespace),
          String(input.name),
          input.revision,
        );
        return {
          code: 200,
          body: { revision: source.status?.artifact?.revision },
        };
      } catch (e: any) {
        return fail(
          e.status ?? failure(400, 'BadRequest', String(e?.message ?? e)),
        );
      }
    }
    case 'objects': {
      try {
        const created = asList(input as ClusterObject | ClusterObject[]).map(
          o => sim.upsert(o),
        );
        return {
          code: 200,
          body: {
            resourceVersions: created.map(o => o.metadata?.resourceVersion),
          },
        };
      } catch (e: any) {
        return fail(
          e.status ?? failure(400, 'BadRequest', String(e?.message ?? e)),
        );
      }
    }
    default:
      return fail(pathNotFound());
  }
}
