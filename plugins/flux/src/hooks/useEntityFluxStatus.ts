import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { EntityFluxStatus } from '@flux-portal/plugin-flux-common';
import { fluxApiRef, type FluxEntityRef } from '../api/FluxApi';

/** @public */
export interface EntityFluxStatusState {
  status?: EntityFluxStatus;
  error?: Error;
  loading: boolean;
  /** Whether the live stream is connected. */
  live: boolean;
}

/**
 * An entity's Flux status: fetched once, then kept current by the stream.
 * The stream's own first event may race the GET; the newer generatedAt
 * wins, so a slow GET never overwrites a fresher pushed status.
 */
export function useEntityFluxStatus(
  entity: FluxEntityRef,
  entityRef: string,
): EntityFluxStatusState {
  const fluxApi = useApi(fluxApiRef);
  const [state, setState] = useState<EntityFluxStatusState>({
    loading: true,
    live: false,
  });
  const { kind, namespace, name } = entity;

  useEffect(() => {
    const controller = new AbortController();
    setState({ loading: true, live: false });
    const accept = (status: EntityFluxStatus) =>
      setState(prev =>
        prev.status && prev.status.generatedAt > status.generatedAt
          ? prev
          : { ...prev, status, error: undefined, loading: false },
      );
    fluxApi
      .getEntityStatus({ kind, namespace, name }, { signal: controller.signal })
      .then(accept, (error: Error) => {
        if (controller.signal.aborted) return;
        setState(prev =>
          prev.status ? prev : { ...prev, error, loading: false },
        );
      });
    const unsubscribe = fluxApi.streamEntityStatus(entityRef, {
      onData: accept,
      onConnection: connection =>
        setState(prev => ({ ...prev, live: connection === 'open' })),
    });
    return () => {
      controller.abort();
      unsubscribe();
    };
  }, [fluxApi, kind, namespace, name, entityRef]);

  return state;
}
