/**
 * A JSON merge patch of one object (or of its status subresource), with the
 * apiserver's checks: a JSON object body, a matching name, and optimistic
 * concurrency on metadata.resourceVersion.
 */
import { ApiError, badRequest, conflict } from '../apiStatus';
import { ClusterObject } from '../clusterObject';
import { applyMergePatch } from '../mergePatch';
import { ResourceType } from '../resources';
import { ObjectStore } from '../store';

export function patchObject(
  store: ObjectStore,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  patch: unknown,
  statusOnly: boolean,
): ClusterObject {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new ApiError(badRequest('a merge patch must be a JSON object'));
  }
  const meta = (patch as ClusterObject).metadata;
  if (meta?.name !== undefined && meta.name !== name) {
    throw new ApiError(
      badRequest(
        `the name of the object (${meta.name}) does not match the name on the URL (${name})`,
      ),
    );
  }
  return store.update(type, namespace, name, current => {
    const wanted = meta?.resourceVersion;
    if (wanted !== undefined && wanted !== current.metadata?.resourceVersion) {
      throw new ApiError(conflict(type, name));
    }
    const next = applyMergePatch(current, patch) as ClusterObject;
    if (statusOnly) return { ...current, status: next.status };
    // With a status subresource, writes to the main resource leave status alone.
    if (type.hasStatusSubresource) next.status = current.status;
    return next;
  });
}
