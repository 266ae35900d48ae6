/**
 * An msw stand-in for the `/api/flux` backend: the component tests talk to
 * it through the real FluxClient, including the SSE stream, which a test
 * can push status events into.
 */
import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import type {
  EntityFluxStatus,
  FluxAction,
  FluxActionImpact,
  FluxActionRequest,
} from '@flux-portal/plugin-flux-common';
import { FluxClient } from '../api/FluxClient';

export const baseUrl = 'http://backstage.test/api/flux';

export function testFluxClient() {
  return new FluxClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
}

export interface FluxBackendFake {
  /** Sends `event: status` to every open entity stream. */
  pushStatus(status: EntityFluxStatus): void;
  actions: Array<{ action: string; body: FluxActionRequest }>;
  close(): void;
}

export function fakeFluxBackend(
  server: SetupServer,
  options: {
    status: EntityFluxStatus;
    requestedAt?: string;
    /** Answer actions with this Backstage error instead. */
    actionError?: { status: number; name: string; message: string };
    /** What an action would touch, by object name; the object alone, allowed, when absent. */
    impacts?: Record<
      string,
      Pick<
        FluxActionImpact,
        'entities' | 'owners' | 'denied' | 'deniedExamples'
      >
    >;
  },
): FluxBackendFake {
  const encoder = new TextEncoder();
  const streams: ReadableStreamDefaultController<Uint8Array>[] = [];
  const actions: FluxBackendFake['actions'] = [];
  const send = (status: EntityFluxStatus) => {
    const frame = encoder.encode(
      `event: status\ndata: ${JSON.stringify(status)}\n\n`,
    );
    for (const controller of streams) controller.enqueue(frame);
  };
  server.use(
    http.get(`${baseUrl}/entities/:kind/:namespace/:name/status`, () =>
      HttpResponse.json(options.status),
    ),
    http.post(
      `${baseUrl}/entities/:kind/:namespace/:name/actions/:action/impact`,
      async ({ request, params }) => {
        const body = (await request.json()) as FluxActionRequest;
        const impact: FluxActionImpact = {
          action: params.action as FluxAction,
          object: body,
          entities: 1,
          owners: ['group:default/team-a'],
          denied: 0,
          deniedExamples: [],
          ...options.impacts?.[body.name],
        };
        return HttpResponse.json(impact);
      },
    ),
    http.post(
      `${baseUrl}/entities/:kind/:namespace/:name/actions/:action`,
      async ({ request, params }) => {
        const body = (await request.json()) as FluxActionRequest;
        actions.push({ action: String(params.action), body });
        if (options.actionError) {
          const { status, name, message } = options.actionError;
          return HttpResponse.json({ error: { name, message } }, { status });
        }
        return HttpResponse.json({
          action: params.action,
          object: body,
          ...(params.action === 'reconcile'
            ? { requestedAt: options.requestedAt }
            : {}),
        });
      },
    ),
    http.get(`${baseUrl}/stream`, () => {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          streams.push(controller);
        },
      });
      return new HttpResponse(stream, {
        headers: { 'Content-Type': 'text/event-stream' },
      });
    }),
  );
  return {
    pushStatus: send,
    actions,
    close: () => {
      for (const controller of streams.splice(0)) {
        try {
          controller.close();
        } catch {
          // already closed by an aborted fetch
        }
      }
    },
  };
}
