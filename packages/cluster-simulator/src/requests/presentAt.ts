/** The object as served at the requested version: Flux CRDs convert with strategy None, so only apiVersion changes. */
import { joinApiVersion } from '@flux-portal/plugin-flux-common';
import { ClusterObject } from '../clusterObject';
import { ResourceType } from '../resources';

export function presentAt(
  obj: ClusterObject,
  type: ResourceType,
  version: string,
): ClusterObject {
  const { apiVersion, kind, ...rest } = obj;
  return {
    apiVersion: joinApiVersion(type.group, version),
    kind: type.kind,
    ...rest,
  };
}
