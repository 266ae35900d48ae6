/** An authenticated JSON client of a running simulator, over real HTTP. */
import { ClusterSimulator } from '../clusterSimulatorApi';

export interface JsonResponse {
  status: number;
  body: any;
  headers: Headers;
}

export function client(sim: ClusterSimulator, token = sim.token) {
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/merge-patch+json',
  ): Promise<JsonResponse> => {
    const res = await fetch(`${sim.url}${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': contentType } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? JSON.parse(text) : undefined,
      headers: res.headers,
    };
  };
  return {
    get: (path: string) => call('GET', path),
    patch: (path: string, body: unknown, contentType?: string) =>
      call('PATCH', path, body, contentType),
    post: (path: string, body?: unknown) =>
      call('POST', path, body ?? {}, 'application/json'),
  };
}
