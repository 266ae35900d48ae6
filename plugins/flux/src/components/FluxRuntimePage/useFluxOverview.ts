import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type {
  FluxObjectList,
  FluxRuntime,
} from '@flux-portal/plugin-flux-common';
import { fluxApiRef } from '../../api/FluxApi';

export interface FluxOverview {
  runtime?: FluxRuntime;
  objects?: FluxObjectList;
  runtimeError?: Error;
  objectsError?: Error;
  loading: boolean;
}

/** Refetch at most this often while change events keep coming. */
const REFRESH_MS = 1000;

/** Runtime and every Flux object, refreshed when the change stream says so. */
export function useFluxOverview(): FluxOverview {
  const fluxApi = useApi(fluxApiRef);
  const [state, setState] = useState<FluxOverview>({ loading: true });

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      const [runtime, objects] = await Promise.allSettled([
        fluxApi.getRuntime(),
        fluxApi.listObjects(),
      ]);
      if (cancelled) return;
      setState(prev => ({
        loading: false,
        runtime: runtime.status === 'fulfilled' ? runtime.value : prev.runtime,
        runtimeError:
          runtime.status === 'rejected' ? runtime.reason : undefined,
        objects: objects.status === 'fulfilled' ? objects.value : prev.objects,
        objectsError:
          objects.status === 'rejected' ? objects.reason : undefined,
      }));
    };
    load();
    const unsubscribe = fluxApi.streamChanges({
      onData: () => {
        if (timer) return;
        timer = setTimeout(() => {
          timer = undefined;
          load();
        }, REFRESH_MS);
      },
    });
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      unsubscribe();
    };
  }, [fluxApi]);

  return state;
}
