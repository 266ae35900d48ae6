/**
 * API discovery: which version of each watched kind a cluster serves. A
 * kind is watched at the newest version both the cluster serves and the
 * backend understands; kinds the cluster does not serve are left out (a
 * cluster without Flux's helm-controller has no HelmReleases).
 */
import {
  ApisApi,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';
import { WATCHED_KINDS, WatchedKind } from './watchedKinds';
import { withTimeout } from './withTimeout';

export interface DiscoveredKind {
  kind: WatchedKind;
  version: string;
}

export async function discoverVersions(
  kubeConfig: KubeConfig,
  timeoutMs: number,
): Promise<DiscoveredKind[]> {
  const apis = kubeConfig.makeApiClient(ApisApi);
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const groups = await withTimeout(
    apis.getAPIVersions(),
    timeoutMs,
    'API discovery (/apis)',
  );
  const served = new Map<string, string[]>();
  for (const group of groups.groups ?? []) {
    served.set(
      group.name,
      (group.versions ?? []).map(v => v.version),
    );
  }
  // core/v1 is always served by a reachable API server; check it anyway so a
  // proxy in front of a broken server is reported here, not later.
  await withTimeout(
    kubeConfig.makeApiClient(CoreV1Api).getAPIResources(),
    timeoutMs,
    'API discovery (/api/v1)',
  );
  served.set('', ['v1']);

  // One resource list per (group, version) candidate, fetched once.
  const resourceLists = new Map<string, Promise<Set<string>>>();
  const pluralsOf = (group: string, version: string) => {
    const key = `${group}/${version}`;
    let list = resourceLists.get(key);
    if (!list) {
      list =
        group === ''
          ? Promise.resolve(new Set(['events']))
          : withTimeout(
              custom.getAPIResources({ group, version }),
              timeoutMs,
              `API discovery (/apis/${group}/${version})`,
            ).then(r => new Set(r.resources.map(res => res.name)));
      resourceLists.set(key, list);
    }
    return list;
  };

  const discovered: DiscoveredKind[] = [];
  for (const kind of WATCHED_KINDS) {
    const servedVersions = served.get(kind.group) ?? [];
    for (const version of kind.versions) {
      if (!servedVersions.includes(version)) continue;
      if ((await pluralsOf(kind.group, version)).has(kind.plural)) {
        discovered.push({ kind, version });
        break;
      }
    }
  }
  return discovered;
}
