/**
 * A source's signature verification as source-controller reports it.
 * OCIRepository (`spec.verify.provider`: cosign or notation), HelmChart
 * (cosign, OCI charts) and GitRepository (`spec.verify.mode`, OpenPGP
 * commit or tag signatures) write the `SourceVerified` condition:
 *
 * | spec.verify | SourceVerified      | status           |
 * | ----------- | ------------------- | ---------------- |
 * | absent      | (any, left over)    | `not-configured` |
 * | set         | True                | `verified`       |
 * | set         | False               | `failed`         |
 * | set         | Unknown or absent   | `pending`        |
 */

/** The condition source-controller sets once it checked a signature. @public */
export const SOURCE_VERIFIED_CONDITION = 'SourceVerified';

/** Source kinds with a `spec.verify`. @public */
export const VERIFIABLE_SOURCE_KINDS: readonly string[] = [
  'OCIRepository',
  'HelmChart',
  'GitRepository',
];

/** @public */
export type SourceVerificationStatus =
  | 'verified'
  | 'failed'
  | 'pending'
  | 'not-configured';

/** @public */
export interface SourceVerification {
  status: SourceVerificationStatus;
  /** cosign, notation (OCI) or openpgp (Git); absent when not configured. */
  provider?: string;
  /** The condition's message (why it failed, which key verified it). */
  message?: string;
}

/** A source object whose signature verification is read. @public */
export interface VerifiableSource {
  kind?: string;
  spec?: { verify?: unknown } | null;
  status?: {
    conditions?: Array<{
      type?: string;
      status?: string;
      message?: string;
    }> | null;
  } | null;
}

/** The verification of a source, or undefined for kinds that cannot verify. @public */
export function sourceVerificationOf(
  source: VerifiableSource | undefined,
): SourceVerification | undefined {
  if (!source || !VERIFIABLE_SOURCE_KINDS.includes(source.kind ?? ''))
    return undefined;
  const verify = source.spec?.verify as { provider?: unknown } | undefined;
  if (!verify || typeof verify !== 'object')
    return { status: 'not-configured' };
  let provider = 'cosign';
  if (source.kind === 'GitRepository') provider = 'openpgp';
  else if (typeof verify.provider === 'string' && verify.provider)
    provider = verify.provider;
  const condition = (source.status?.conditions ?? []).find(
    c => c?.type === SOURCE_VERIFIED_CONDITION,
  );
  const message = condition?.message || undefined;
  if (condition?.status === 'True')
    return { status: 'verified', provider, ...(message ? { message } : {}) };
  if (condition?.status === 'False')
    return { status: 'failed', provider, ...(message ? { message } : {}) };
  return {
    status: 'pending',
    provider,
    message: message ?? 'the signature has not been verified yet',
  };
}
