/** HelmRelease v2 `status.history`: the latest release first, at most three. */
import { ClusterObject } from '../clusterObject';
import { chartNameOf, releaseNameOf } from '../fluxConditions';
import { olderVersion } from './chartVersions';
import { ns } from './objectIds';
import { SeedContext } from './SeedContext';
import { minutesAgo } from './seedTime';

export function helmHistory(
  ctx: SeedContext,
  obj: ClusterObject,
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
      chartVersion: v === releases ? chartVersion : olderVersion(chartVersion),
      appVersion: `${chartVersion.split('.')[0]}.${ctx.rng.int(0, 30)}.0`,
      configDigest: `sha256:${ctx.rng.hex(64)}`,
      digest: `sha256:${ctx.rng.hex(64)}`,
      firstDeployed: minutesAgo(ctx.now, 60 * 24 * 30),
      lastDeployed: deployedAt,
    });
  }
  return history;
}

/** What the last successful reconciliation left: an applied revision or a deployed release. */
export function keepPreviousRelease(
  ctx: SeedContext,
  obj: ClusterObject,
  previous: string,
  at: string,
) {
  if (obj.kind === 'HelmRelease') {
    obj.status.history = helmHistory(ctx, obj, previous, 2, 'deployed', at);
    obj.status.lastAttemptedRevision ??= previous;
  } else {
    obj.status.lastAppliedRevision = previous;
    obj.status.lastAttemptedRevision ??= previous;
  }
}
