/**
 * Discovery documents (/api, /api/v1, /apis, /apis/<group>,
 * /apis/<group>/<version>) for the versions this simulated cluster serves.
 * Verbs list only what the simulator implements.
 */
import { joinApiVersion } from '@flux-portal/plugin-flux-common';
import { ApiError, pathNotFound } from './apiStatus';
import { RESOURCE_TYPES, ServedVersions } from './resources';

const VERBS = ['get', 'list', 'patch', 'watch'];

export function apiVersions(serverAddress: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function group(name: string, versions: string[]) {
  const entries = versions.map(v => ({
    groupVersion: joinApiVersion(name, v),
    version: v,
  }));
  return { name, versions: entries, preferredVersion: entries[0] };
}

function servedGroups(served: ServedVersions): string[] {
  return Object.keys(served).filter(g => g !== '' && served[g].length > 0);
}

export function apiGroupList(served: ServedVersions) {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: servedGroups(served).map(g => group(g, served[g])),
  };
}

export function apiGroup(served: ServedVersions, name: string) {
  if (!servedGroups(served).includes(name)) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...group(name, served[name]) };
}

export function apiResourceList(
  served: ServedVersions,
  groupName: string,
  version: string,
) {
  if (!(served[groupName] ?? []).includes(version)) return undefined;
  const resources = RESOURCE_TYPES.filter(t => t.group === groupName).flatMap(
    t => {
      const main = {
        name: t.plural,
        singularName: t.singular,
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: VERBS,
        ...(t.shortNames?.length ? { shortNames: t.shortNames } : {}),
        ...(t.group.endsWith('.fluxcd.io')
          ? { categories: ['all', 'flux'] }
          : {}),
      };
      const status = t.hasStatusSubresource
        ? [
            {
              name: `${t.plural}/status`,
              singularName: '',
              namespaced: t.namespaced,
              kind: t.kind,
              verbs: ['get'],
            },
          ]
        : [];
      return [main, ...status];
    },
  );
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: joinApiVersion(groupName, version),
    resources,
  };
}

export function versionInfo() {
  return {
    major: '1',
    minor: '32',
    gitVersion: 'v1.32.0-flux-portal-simulator',
    platform: 'linux/amd64',
  };
}

/** The discovery document a route names; 404 for a group or version not served. */
export function discoveryDocument(
  served: ServedVersions,
  serverAddress: string,
  doc: string,
  groupName: string,
  version: string,
): unknown {
  switch (doc) {
    case 'version':
      return versionInfo();
    case 'api':
      return apiVersions(serverAddress);
    case 'apis':
      return apiGroupList(served);
    case 'group': {
      const found = apiGroup(served, groupName);
      if (!found) throw new ApiError(pathNotFound());
      return found;
    }
    default: {
      const found = apiResourceList(served, groupName, version);
      if (!found) throw new ApiError(pathNotFound());
      return found;
    }
  }
}
