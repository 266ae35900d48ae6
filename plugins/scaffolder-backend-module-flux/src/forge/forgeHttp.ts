import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';

/** How requests are sent and retried; tests inject `sleep`. @public */
export interface ForgeHttpOptions {
  /** Rate-limit retries before giving up; default 3. */
  maxRetries?: number;
  /** Longest single wait for a rate limit; longer resets fail at once. Default 60 s. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

interface Target {
  forge: 'GitHub' | 'GitLab';
  /** `host/owner/repo`, named in every error. */
  repoName: string;
  /** Authentication headers, fetched per request (GitHub App tokens expire). */
  authHeaders: () => Promise<Record<string, string>>;
}

const DEFAULT_WAIT_MS = 1000;

/** Milliseconds to wait before retrying, or undefined when not rate-limited. */
export function rateLimitWait(
  response: Response,
  attempt: number,
  now = Date.now(),
): number | undefined {
  const h = response.headers;
  const retryAfter = h.get('retry-after');
  const remaining =
    h.get('x-ratelimit-remaining') ?? h.get('ratelimit-remaining');
  const limited =
    response.status === 429 ||
    (response.status === 403 && (retryAfter !== null || remaining === '0'));
  if (!limited) return undefined;
  if (retryAfter !== null && /^\d+$/.test(retryAfter.trim()))
    return Number(retryAfter) * 1000;
  const reset = h.get('x-ratelimit-reset') ?? h.get('ratelimit-reset');
  if (reset && /^\d+$/.test(reset.trim()))
    return Math.max(0, Number(reset) * 1000 - now);
  // Secondary limits without a hint: back off exponentially.
  return DEFAULT_WAIT_MS * 2 ** attempt;
}

/** Removes every secret from a text that may be shown or logged. */
export function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('***');
  }
  return out;
}

function secretsOf(headers: Record<string, string>): string[] {
  return Object.entries(headers)
    .filter(([name]) => /authorization|token/i.test(name))
    .flatMap(([, value]) => [value, value.replace(/^\S+\s+/, '')]);
}

async function forgeMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text);
    const message = body.message ?? body.error ?? body.error_description;
    const details = Array.isArray(body.errors)
      ? body.errors
          .map((e: any) => (typeof e === 'string' ? e : e.message ?? e.code))
          .filter(Boolean)
      : [];
    const main =
      typeof message === 'string' ? message : JSON.stringify(message ?? body);
    return [main, ...details].join('; ');
  } catch {
    return text.slice(0, 200);
  }
}

function errorFor(
  target: Target,
  operation: string,
  status: number,
  message: string,
): Error {
  const where = `${target.forge} ${target.repoName}: ${operation} failed`;
  const detail = message
    ? ` (HTTP ${status}: ${message})`
    : ` (HTTP ${status})`;
  const integration = `integrations.${target.forge.toLowerCase()}`;
  if (status === 401) {
    return new AuthenticationError(
      `${where}: the credentials were rejected; check the token or app of ${integration}${detail}`,
    );
  }
  if (status === 403) {
    return new NotAllowedError(
      `${where}: the credentials may not do this; check the token's scopes or the app's permissions in ${integration}${detail}`,
    );
  }
  if (status === 404) {
    return new NotFoundError(
      `${where}: not found; the repository or branch does not exist or the credentials cannot see it${detail}`,
    );
  }
  if (status === 409) return new ConflictError(`${where}: conflict${detail}`);
  if (status === 422 || status === 400)
    return new InputError(`${where}: the request was rejected${detail}`);
  if (status >= 500) {
    return new ServiceUnavailableError(
      `${where}: ${target.forge} answered with a server error; nothing more was sent, try again later${detail}`,
    );
  }
  return new Error(`${where}: unexpected answer${detail}`);
}

/**
 * JSON-over-HTTPS client of one forge repository: retries rate-limited
 * answers after the wait the forge asks for, turns other failures into
 * errors naming the repository and the operation, and keeps credentials out
 * of every message.
 */
export class ForgeHttp {
  constructor(
    private readonly target: Target,
    private readonly options: ForgeHttpOptions = {},
  ) {}

  /**
   * Sends one request; answers with a status in `accept` are returned
   * instead of thrown, so callers can branch on e.g. "already exists".
   */
  async send(
    operation: string,
    method: string,
    url: string,
    body?: unknown,
    accept: number[] = [],
  ): Promise<Response> {
    const maxRetries = this.options.maxRetries ?? 3;
    const maxWaitMs = this.options.maxWaitMs ?? 60_000;
    const sleep =
      this.options.sleep ?? (ms => new Promise(r => setTimeout(r, ms)));
    for (let attempt = 0; ; attempt++) {
      const auth = await this.target.authHeaders();
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: {
            ...auth,
            ...(body === undefined
              ? {}
              : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (error) {
        throw new ServiceUnavailableError(
          redact(
            `${this.target.forge} ${
              this.target.repoName
            }: ${operation} failed: ${(error as Error).message}`,
            secretsOf(auth),
          ),
        );
      }
      if (response.ok || accept.includes(response.status)) return response;
      const wait = rateLimitWait(response, attempt);
      if (wait !== undefined && attempt < maxRetries && wait <= maxWaitMs) {
        await response.arrayBuffer().catch(() => undefined);
        await sleep(wait);
        continue;
      }
      const message = redact(await forgeMessage(response), secretsOf(auth));
      if (wait !== undefined) {
        throw new ServiceUnavailableError(
          `${this.target.forge} ${this.target.repoName}: ${operation} failed: rate limited after ${attempt} retries (HTTP ${response.status}: ${message})`,
        );
      }
      throw errorFor(this.target, operation, response.status, message);
    }
  }

  async json<T>(
    operation: string,
    method: string,
    url: string,
    body?: unknown,
  ): Promise<T> {
    return (await (await this.send(operation, method, url, body)).json()) as T;
  }
}
