/**
 * Kubernetes `Status` objects, the body every API server error carries
 * (kind Status, apiVersion v1, status Failure, reason, code). Clients such as
 * client-node and kubectl read `reason` and `code`, so they follow the
 * apiserver's own wording.
 */
import { ResourceType } from './resources';

/** @public */
export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  code: number;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: Array<{ reason: string; message: string }>;
    retryAfterSeconds?: number;
  };
}

/** An error that the HTTP layer turns into a Status response. */
export class ApiError extends Error {
  constructor(readonly status: KubeStatus) {
    super(status.message);
  }
}

export function failure(
  code: number,
  reason: string,
  message: string,
  details?: KubeStatus['details'],
): KubeStatus {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
    ...(details ? { details } : {}),
  };
}

function qualified(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

export function notFound(type: ResourceType, name: string): KubeStatus {
  return failure(404, 'NotFound', `${qualified(type)} "${name}" not found`, {
    name,
    group: type.group || undefined,
    kind: type.plural,
  });
}

export function pathNotFound(): KubeStatus {
  return failure(
    404,
    'NotFound',
    'the server could not find the requested resource',
  );
}

export function unauthorized(): KubeStatus {
  return failure(401, 'Unauthorized', 'Unauthorized');
}

export function forbidden(
  type: ResourceType,
  verb: string,
  namespace: string | undefined,
  user: string,
): KubeStatus {
  const scope = namespace
    ? `in the namespace "${namespace}"`
    : 'at the cluster scope';
  return failure(
    403,
    'Forbidden',
    `${qualified(type)} is forbidden: User "${user}" cannot ${verb} resource "${
      type.plural
    }" in API group "${type.group}" ${scope}`,
    { group: type.group || undefined, kind: type.plural },
  );
}

export function internalError(message: string, code = 500): KubeStatus {
  const reasons: Record<number, string> = {
    503: 'ServiceUnavailable',
    504: 'Timeout',
  };
  return failure(code, reasons[code] ?? 'InternalError', message);
}

/** What the apiserver's watch cache sends for a resourceVersion it no longer holds. */
export function expired(requested: number, oldest: number): KubeStatus {
  return failure(
    410,
    'Expired',
    `too old resource version: ${requested} (${oldest})`,
  );
}

/** What the watch cache answers for a resourceVersion it has not reached (e.g. after a restart). */
export function tooLargeResourceVersion(
  requested: number,
  current: number,
): KubeStatus {
  return {
    ...failure(
      504,
      'Timeout',
      `Too large resource version: ${requested}, current: ${current}`,
    ),
    details: {
      causes: [
        {
          reason: 'ResourceVersionTooLarge',
          message: 'Too large resource version',
        },
      ],
      retryAfterSeconds: 1,
    },
  } as KubeStatus;
}

export function badRequest(message: string): KubeStatus {
  return failure(400, 'BadRequest', message);
}

export function conflict(type: ResourceType, name: string): KubeStatus {
  return failure(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualified(
      type,
    )} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, group: type.group || undefined, kind: type.plural },
  );
}

export function methodNotAllowed(): KubeStatus {
  return failure(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
  );
}

export function unsupportedMediaType(contentType: string): KubeStatus {
  return failure(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/merge-patch+json (got "${contentType}")`,
  );
}
