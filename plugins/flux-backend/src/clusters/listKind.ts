/**
 * The list request of a watched kind across all namespaces, through the
 * typed client of its group (core Events, apps Deployments, Flux custom
 * resources), bounded in time: a blackholed connection would otherwise
 * hang the informer forever.
 */
import {
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';
import { WatchedKind } from './watchedKinds';
import { withTimeout } from './withTimeout';

export function listKind(
  kubeConfig: KubeConfig,
  kind: WatchedKind,
  version: string,
  timeoutMs: number,
): Promise<any> {
  let request: Promise<any>;
  if (kind.group === '') {
    request = kubeConfig.makeApiClient(CoreV1Api).listEventForAllNamespaces();
  } else if (kind.group === 'apps') {
    request = kubeConfig
      .makeApiClient(AppsV1Api)
      .listDeploymentForAllNamespaces();
  } else {
    request = kubeConfig
      .makeApiClient(CustomObjectsApi)
      .listClusterCustomObject({
        group: kind.group,
        version,
        plural: kind.plural,
      });
  }
  return withTimeout(request, timeoutMs, `list ${kind.kind}`);
}
