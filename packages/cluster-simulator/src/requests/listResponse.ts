/**
 * A list answer: the objects matching the selectors, paged with `limit` and
 * an opaque `continue` token that expires (410) once the history it was
 * taken at is compacted, as on an apiserver.
 */
import { joinApiVersion } from '@flux-portal/plugin-flux-common';
import { ApiError, badRequest, failure } from '../apiStatus';
import { ResourceType } from '../resources';
import { parseFieldSelector, parseLabelSelector } from '../selectors';
import { ObjectStore } from '../store';
import { presentAt } from './presentAt';

interface ContinueToken {
  rv: number;
  start: number;
}

/** Where a page starts: 0, or what the continue token says. */
function pageStart(store: ObjectStore, token: string | null): number {
  if (!token) return 0;
  let parsed: ContinueToken;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new ApiError(badRequest('continue key is not valid'));
  }
  if (parsed.rv < store.oldestRetainedResourceVersion) {
    throw new ApiError(
      failure(
        410,
        'Expired',
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
      ),
    );
  }
  return parsed.start;
}

export function listResponse(
  store: ObjectStore,
  type: ResourceType,
  version: string,
  namespace: string | undefined,
  params: URLSearchParams,
) {
  const labels = parseLabelSelector(params.get('labelSelector'));
  const fields = parseFieldSelector(params.get('fieldSelector'), type);
  const all = store.list(type, namespace).filter(o => labels(o) && fields(o));
  const start = pageStart(store, params.get('continue'));
  const limit = Number(params.get('limit') ?? 0);
  const end = limit > 0 ? start + limit : all.length;
  const page = all.slice(start, end);
  const more = end < all.length;
  // Built-in lists carry no apiVersion/kind on items; custom resources do.
  const builtIn = type.group === '' || type.group === 'apps';
  const items = page.map(o => {
    const shown = presentAt(o, type, version);
    if (builtIn) {
      delete shown.apiVersion;
      delete shown.kind;
    }
    return shown;
  });
  return {
    apiVersion: joinApiVersion(type.group, version),
    kind: `${type.kind}List`,
    metadata: {
      resourceVersion: String(store.resourceVersion),
      ...(more
        ? {
            continue: Buffer.from(
              JSON.stringify({ rv: store.resourceVersion, start: end }),
            ).toString('base64url'),
            remainingItemCount: all.length - end,
          }
        : {}),
    },
    items,
  };
}
