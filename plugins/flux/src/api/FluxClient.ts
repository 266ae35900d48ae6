import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  entityActionImpactPath,
  entityActionPath,
  entityStatusPath,
  FLUX_PLUGIN_ID,
  type EntityFluxStatus,
  type FluxAction,
  type FluxActionImpact,
  type FluxActionRequest,
  type FluxActionResult,
  type FluxDeployList,
  type FluxEntityStates,
  type FluxObjectList,
  type FluxObjectRef,
  type FluxRuntime,
} from '@flux-portal/plugin-flux-common';
import type {
  FluxApi,
  FluxEntityRef,
  FluxObjectQuery,
  FluxStreamHandlers,
  FluxUnsubscribe,
} from './FluxApi';
import { reconnectDelayMs, SseParser } from '../lib/sse';

/**
 * FluxApi over HTTP. The live stream is read with fetchApi rather than
 * EventSource, because EventSource cannot send the Backstage token header.
 * @public
 */
export class FluxClient implements FluxApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntityStatus(
    entity: FluxEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<EntityFluxStatus> {
    return this.json(entityStatusPath(entity), { signal: options?.signal });
  }

  async runAction(
    entity: FluxEntityRef,
    action: FluxAction,
    request: FluxActionRequest,
  ): Promise<FluxActionResult> {
    return this.json(entityActionPath(entity, action), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  async getActionImpact(
    entity: FluxEntityRef,
    action: FluxAction,
    request: FluxActionRequest,
  ): Promise<FluxActionImpact> {
    return this.json(entityActionImpactPath(entity, action), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  async listDeploys(limit = 20): Promise<FluxDeployList> {
    return this.json(`/deploys?limit=${encodeURIComponent(limit)}`);
  }

  async getRuntime(): Promise<FluxRuntime> {
    return this.json('/runtime');
  }

  async listObjects(query: FluxObjectQuery = {}): Promise<FluxObjectList> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value) params.set(key, value);
    }
    const search = params.toString();
    return this.json(`/objects${search ? `?${search}` : ''}`);
  }

  async getEntityStates(entityRefs: string[]): Promise<FluxEntityStates> {
    return this.json('/entity-states', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ entityRefs }),
    });
  }

  streamEntityStatus(
    entityRef: string,
    handlers: FluxStreamHandlers<EntityFluxStatus>,
  ): FluxUnsubscribe {
    return this.stream(
      `/stream?entityRef=${encodeURIComponent(entityRef)}`,
      'status',
      handlers,
    );
  }

  streamChanges(
    handlers: FluxStreamHandlers<FluxObjectRef[]>,
  ): FluxUnsubscribe {
    return this.stream('/stream', 'change', handlers);
  }

  private async url(path: string): Promise<string> {
    return `${await this.discoveryApi.getBaseUrl(FLUX_PLUGIN_ID)}${path}`;
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await this.fetchApi.fetch(await this.url(path), init);
    if (!response.ok) throw await responseError(response);
    return (await response.json()) as T;
  }

  /** Reads one SSE endpoint, reconnecting with backoff until unsubscribed. */
  private stream<T>(
    path: string,
    eventName: string,
    handlers: FluxStreamHandlers<T>,
  ): FluxUnsubscribe {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;

    const connect = async () => {
      try {
        const response = await this.fetchApi.fetch(await this.url(path), {
          headers: { Accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) {
          throw await responseError(response);
        }
        handlers.onConnection?.('open');
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        const parser = new SseParser();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (const event of parser.push(
            decoder.decode(value, { stream: true }),
          )) {
            attempt = 0;
            if (event.event === eventName) {
              handlers.onData(JSON.parse(event.data) as T);
            }
          }
        }
      } catch {
        // Network errors, aborts, bad JSON: all end in a reconnect (or a stop).
      }
      if (controller.signal.aborted) return;
      handlers.onConnection?.('reconnecting');
      timer = setTimeout(connect, reconnectDelayMs(attempt++));
    };

    connect();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }
}

/**
 * ResponseError says "Request failed with 409 Conflict"; people need the
 * backend's own words ("… is suspended"), which are in the error body
 * `{error: {name, message}}`. Read from the body ourselves, because
 * ResponseError only parses bodies that carry every field of Backstage's
 * error shape.
 */
async function responseError(response: Response): Promise<ResponseError> {
  const text = await response
    .clone()
    .text()
    .catch(() => '');
  const error = await ResponseError.fromResponse(response);
  try {
    const detail = JSON.parse(text)?.error?.message;
    if (typeof detail === 'string' && detail) error.message = detail;
  } catch {
    // not JSON: keep ResponseError's own message
  }
  return error;
}
