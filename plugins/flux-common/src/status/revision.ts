/**
 * Flux revision strings and their comparison. Flux has written revisions in
 * several formats over the years, and the two sides of a drift check often
 * use different ones:
 *   - `main@sha1:<40 hex>`, `v1.2.3@sha1:…`, `latest@sha256:<64 hex>` (ref + digest, Flux ≥ 2.0)
 *   - `sha256:<64 hex>` (HelmRepository/Bucket index digest)
 *   - `main/<40 hex>` (GitRepository before Flux 2.0)
 *   - `6.6.1`, `6.6.1+0cc9a8446c95` (Helm chart version, the build
 *     metadata being the first 12 hex of the OCI digest)
 * Two revisions are the same when their digests agree (one may be a prefix
 * of the other), or, when only one side has a digest, when their refs agree.
 */
import { FluxObjectWithStatus } from './types';

/** @public */
export interface ParsedRevision {
  raw: string;
  /** Branch, tag or chart version. */
  ref?: string;
  algorithm?: string;
  /** Lowercase hex. */
  digest?: string;
}

const REF_AND_DIGEST =
  /^(.*)@(sha1|sha256|sha384|sha512|blake3):([0-9a-fA-F]+)$/;
const DIGEST_ONLY = /^(sha1|sha256|sha384|sha512|blake3):([0-9a-fA-F]+)$/;
const LEGACY_GIT = /^(.+)\/([0-9a-fA-F]{40})$/;
const BARE_SHA1 = /^[0-9a-fA-F]{40}$/;
const CHART_WITH_DIGEST =
  /^(v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\+([0-9a-fA-F]{7,})$/;

/** Splits a Flux revision string into ref and digest. @public */
export function parseRevision(raw: string): ParsedRevision {
  let m = REF_AND_DIGEST.exec(raw);
  if (m) {
    return {
      raw,
      ref: m[1] || undefined,
      algorithm: m[2],
      digest: m[3].toLowerCase(),
    };
  }
  m = DIGEST_ONLY.exec(raw);
  if (m) return { raw, algorithm: m[1], digest: m[2].toLowerCase() };
  m = LEGACY_GIT.exec(raw);
  if (m)
    return { raw, ref: m[1], algorithm: 'sha1', digest: m[2].toLowerCase() };
  if (BARE_SHA1.test(raw))
    return { raw, algorithm: 'sha1', digest: raw.toLowerCase() };
  m = CHART_WITH_DIGEST.exec(raw);
  if (m) return { raw, ref: m[1], digest: m[2].toLowerCase() };
  return { raw, ref: raw };
}

/** Whether two Flux revisions denote the same content (see the module comment). @public */
export function revisionsEqual(a: string, b: string): boolean {
  if (a === b) return true;
  const pa = parseRevision(a);
  const pb = parseRevision(b);
  if (pa.digest && pb.digest) {
    if (pa.algorithm && pb.algorithm && pa.algorithm !== pb.algorithm)
      return false;
    return pa.digest.startsWith(pb.digest) || pb.digest.startsWith(pa.digest);
  }
  if (pa.ref !== undefined && pb.ref !== undefined) return pa.ref === pb.ref;
  return false;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The revision an applier has applied: a Kustomization's
 * lastAppliedRevision; a HelmRelease's latest deployed chart version from
 * status.history (v2), else lastAppliedRevision (v2beta1).
 * @public
 */
export function appliedRevisionOf(
  obj: FluxObjectWithStatus,
): string | undefined {
  const status = obj.status;
  if (!status) return undefined;
  if (obj.kind === 'HelmRelease' && Array.isArray(status.history)) {
    const deployed = status.history.find(h => h?.status === 'deployed');
    if (deployed) return nonEmpty(deployed.chartVersion);
  }
  return nonEmpty(status.lastAppliedRevision);
}

/** The revision of a source's stored artifact. @public */
export function artifactRevisionOf(
  source: FluxObjectWithStatus | undefined,
): string | undefined {
  return nonEmpty(source?.status?.artifact?.revision);
}
