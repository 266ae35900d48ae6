/**
 * Turns what client-node throws into a per-cluster error a person can act
 * on. Messages name the cluster and the kind, never credentials.
 */
import { FluxClusterError } from '@flux-portal/plugin-flux-common';
import { ClusterTimeoutError } from './withTimeout';

function statusCodeOf(error: any): number | undefined {
  const code = error?.statusCode ?? error?.code ?? error?.response?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

function apiMessageOf(error: any): string | undefined {
  // client-node ApiException carries the Status object's JSON as `body`.
  const body = error?.body;
  if (typeof body === 'string') {
    try {
      const parsed = JSON.parse(body);
      if (typeof parsed?.message === 'string') return parsed.message;
    } catch {
      return undefined;
    }
  }
  if (typeof body?.message === 'string') return body.message;
  return undefined;
}

export function toClusterError(
  cluster: string,
  error: unknown,
  kinds?: string[],
): FluxClusterError {
  const e = error as any;
  const what = kinds?.length
    ? `${kinds.join(', ')} in cluster '${cluster}'`
    : `cluster '${cluster}'`;
  if (e instanceof ClusterTimeoutError) {
    return {
      cluster,
      reason: 'Timeout',
      message: `${what}: ${e.message}`,
      kinds,
    };
  }
  const status = statusCodeOf(e);
  const apiMessage = apiMessageOf(e);
  if (status === 401) {
    return {
      cluster,
      reason: 'Unauthorized',
      message: `${what}: the API server rejected the credentials (401)`,
      kinds,
    };
  }
  if (status === 403) {
    return {
      cluster,
      reason: 'Forbidden',
      message: `${what}: forbidden (403)${apiMessage ? `: ${apiMessage}` : ''}`,
      kinds,
    };
  }
  if (status !== undefined && status >= 400) {
    return {
      cluster,
      reason: 'Error',
      message: `${what}: the API server answered ${status}${
        apiMessage ? `: ${apiMessage}` : ''
      }`,
      kinds,
    };
  }
  const errno = e?.code ?? e?.errno ?? e?.cause?.code;
  if (typeof errno === 'string' || e?.type === 'system') {
    return {
      cluster,
      reason: 'Unreachable',
      message: `${what} is unreachable (${errno ?? 'connection failed'})`,
      kinds,
    };
  }
  return {
    cluster,
    reason: 'Error',
    message: `${what}: ${e?.message ?? String(e)}`,
    kinds,
  };
}
