import { createBackendModule } from '@backstage/backend-plugin-api';
import { EventsService, eventsServiceRef } from '@backstage/plugin-events-node';

/**
 * A catalog module that hands out the backend's events service, so a test
 * (or the benchmark) publishes push events as a webhook module would.
 */
export function captureEvents() {
  let captured: EventsService | undefined;
  const module = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'captured-events',
    register(env) {
      env.registerInit({
        deps: { events: eventsServiceRef },
        async init({ events }) {
          captured = events;
        },
      });
    },
  });
  return {
    module,
    events(): EventsService {
      if (!captured) throw new Error('the backend has not started');
      return captured;
    },
  };
}

/** Polls `condition` until it holds; throws after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise(r => setTimeout(r, 50));
  }
}
