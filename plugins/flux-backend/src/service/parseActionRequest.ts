import { InputError } from '@backstage/errors';
import {
  FluxActionRequest,
  isDnsSubdomain,
} from '@flux-portal/plugin-flux-common';
import { APPLIER_KINDS } from '../clusters/watchedKinds';

/** Validates an action body; every problem is named. */
export function parseActionRequest(body: unknown): FluxActionRequest {
  const b = (body ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const str = (key: string) => {
    const v = b[key];
    if (typeof v !== 'string' || v === '')
      problems.push(`'${key}' must be a non-empty string`);
    return typeof v === 'string' ? v : '';
  };
  const request: FluxActionRequest = {
    cluster: str('cluster'),
    kind: str('kind'),
    namespace: str('namespace'),
    name: str('name'),
  };
  if (
    request.kind &&
    !(APPLIER_KINDS as readonly string[]).includes(request.kind)
  ) {
    problems.push(`'kind' must be one of ${APPLIER_KINDS.join(', ')}`);
  }
  for (const key of ['namespace', 'name'] as const) {
    if (request[key] && !isDnsSubdomain(request[key]))
      problems.push(`'${key}' is not a valid Kubernetes name`);
  }
  if (b.withSource !== undefined) {
    if (typeof b.withSource !== 'boolean')
      problems.push(`'withSource' must be a boolean`);
    else request.withSource = b.withSource;
  }
  if (problems.length > 0)
    throw new InputError(`Invalid action request: ${problems.join('; ')}`);
  return request;
}
