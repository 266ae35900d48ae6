/**
 * Maps request paths to discovery documents or resource operations:
 *   /api/v1[/namespaces/<ns>]/<plural>[/<name>[/status]]
 *   /apis/<group>/<version>[/namespaces/<ns>]/<plural>[/<name>[/status]]
 * Namespaces themselves are /api/v1/namespaces[/<name>].
 */
import { findTypeByPlural, ResourceType, ServedVersions } from './resources';

export type Route =
  | {
      kind: 'discovery';
      doc: 'api' | 'apis' | 'group' | 'resources' | 'version';
      group: string;
      version: string;
    }
  | {
      kind: 'resource';
      type: ResourceType;
      version: string;
      namespace?: string;
      name?: string;
      subresource?: string;
    }
  | { kind: 'none' };

function resourceRoute(
  served: ServedVersions,
  group: string,
  version: string,
  rest: string[],
): Route {
  if (!(served[group] ?? []).includes(version)) return { kind: 'none' };
  if (rest.length === 0)
    return { kind: 'discovery', doc: 'resources', group, version };
  let namespace: string | undefined;
  let segments = rest;
  // "namespaces/<ns>/<plural>..." is a namespaced path unless it addresses
  // the Namespace object itself ("namespaces" or "namespaces/<name>").
  if (segments[0] === 'namespaces' && segments.length >= 3) {
    namespace = segments[1];
    segments = segments.slice(2);
  }
  const [plural, name, subresource, ...extra] = segments;
  const type = findTypeByPlural(group, plural);
  if (!type || extra.length > 0) return { kind: 'none' };
  if (namespace && !type.namespaced) return { kind: 'none' };
  if (subresource && (subresource !== 'status' || !type.hasStatusSubresource)) {
    return { kind: 'none' };
  }
  return { kind: 'resource', type, version, namespace, name, subresource };
}

export function route(served: ServedVersions, pathname: string): Route {
  const segments = pathname
    .split('/')
    .filter(s => s !== '')
    .map(decodeURIComponent);
  if (segments[0] === 'version' && segments.length === 1) {
    return { kind: 'discovery', doc: 'version', group: '', version: '' };
  }
  if (segments[0] === 'api') {
    if (segments.length === 1)
      return { kind: 'discovery', doc: 'api', group: '', version: '' };
    return resourceRoute(served, '', segments[1], segments.slice(2));
  }
  if (segments[0] === 'apis') {
    if (segments.length === 1)
      return { kind: 'discovery', doc: 'apis', group: '', version: '' };
    if (segments.length === 2) {
      return {
        kind: 'discovery',
        doc: 'group',
        group: segments[1],
        version: '',
      };
    }
    return resourceRoute(served, segments[1], segments[2], segments.slice(3));
  }
  return { kind: 'none' };
}
