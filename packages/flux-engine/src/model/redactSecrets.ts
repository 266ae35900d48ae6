/**
 * Secrets found in a repository (plain or SOPS-encrypted) keep their keys in
 * the model but never their values.
 */
import type { KubeObject } from '@flux-portal/kustomize';

/** @public */
export const REDACTED = '<redacted>';

/** @public */
export function redactSecret(obj: KubeObject): KubeObject {
  if (obj.kind !== 'Secret' || obj.apiVersion !== 'v1') return obj;
  const copy: KubeObject = { ...obj };
  for (const field of ['data', 'stringData']) {
    const values = obj[field];
    if (
      typeof values === 'object' &&
      values !== null &&
      !Array.isArray(values)
    ) {
      copy[field] = Object.fromEntries(
        Object.keys(values).map(k => [k, REDACTED]),
      );
    }
  }
  // SOPS keeps the encrypted payload and key material beside the data
  if ('sops' in copy) copy.sops = REDACTED;
  return copy;
}
