/**
 * Revision drift: the source has an artifact the applier has not applied —
 * a new commit not yet applied by a Kustomization, or a new chart version a
 * HelmRelease has not deployed (usually because it failed).
 */
import {
  appliedRevisionOf,
  artifactRevisionOf,
  revisionsEqual,
} from './revision';
import { FluxObjectWithStatus, RevisionDrift } from './types';

/**
 * Compares what `obj` (a Kustomization or HelmRelease) has applied with the
 * artifact of `source` (its GitRepository/OCIRepository/Bucket, or the
 * HelmChart/OCIRepository of a HelmRelease). Unknown on either side is
 * never drift.
 * @public
 */
export function detectRevisionDrift(
  obj: FluxObjectWithStatus,
  source: FluxObjectWithStatus | undefined,
): RevisionDrift {
  const appliedRevision = appliedRevisionOf(obj);
  const sourceRevision = artifactRevisionOf(source);
  const comparable =
    appliedRevision !== undefined && sourceRevision !== undefined;
  return {
    drift: comparable && !revisionsEqual(appliedRevision!, sourceRevision!),
    comparable,
    appliedRevision,
    sourceRevision,
  };
}
