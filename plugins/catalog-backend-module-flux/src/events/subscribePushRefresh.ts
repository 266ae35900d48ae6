/**
 * Refresh on push: subscribes to the GitHub and GitLab push topics of
 * Backstage's events service and refreshes the providers whose repository
 * and branch the push changed (the same refresh as the scheduled task).
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import type { RefreshOutcome } from '../FluxMonorepoEntityProvider';
import { isUrlTarget } from '../readMonorepoTree';
import { PUSH_TOPICS, pushedBranchOf, pushMatchesTarget } from './pushMatch';

/** What a provider needs for refresh on push. */
export interface PushRefreshable {
  getProviderName(): string;
  getTarget(): string;
  refresh(): Promise<RefreshOutcome>;
}

export async function subscribePushRefresh(options: {
  events: EventsService;
  providers: PushRefreshable[];
  logger: LoggerService;
}): Promise<void> {
  const { events, providers, logger } = options;
  if (!providers.some(p => isUrlTarget(p.getTarget()))) return; // only local folders: no push can concern them
  await events.subscribe({
    id: 'catalog-flux-monorepo-push-refresh',
    topics: PUSH_TOPICS,
    async onEvent({ topic, eventPayload }) {
      const pushed = pushedBranchOf(eventPayload);
      if (!pushed) return;
      const matching = providers.filter(p =>
        pushMatchesTarget(p.getTarget(), pushed),
      );
      // Not awaited: a webhook's delivery (GitHub waits 10 s) must not wait for a large read.
      for (const provider of matching) {
        logger.info(
          `${topic} to ${pushed.repository} ${
            pushed.branch
          }: refreshing ${provider.getProviderName()}`,
        );
        provider
          .refresh()
          .catch(error =>
            logger.error(
              `Refresh of ${provider.getProviderName()} on push failed: ${error}`,
            ),
          );
      }
    },
  });
}
