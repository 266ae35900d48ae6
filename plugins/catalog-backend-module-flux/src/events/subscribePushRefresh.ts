/**
 * Refresh on push: subscribes to the push topics of Backstage's events
 * service (GitHub, GitLab, Gitea, Bitbucket Cloud and Server, Azure DevOps:
 * `PUSH_TOPICS`) and refreshes the providers whose repository and branch
 * the push changed (the same refresh as the scheduled task, applied as a
 * delta: see FluxMonorepoEntityProvider), and the
 * `flux-monorepo` Locations it concerns (`refreshLocations`).
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import type {
  RefreshOutcome,
  RefreshTrigger,
} from '../FluxMonorepoEntityProvider';
import {
  PUSH_TOPICS,
  PushedBranch,
  pushedBranchesOf,
  pushMatchesTarget,
} from './pushMatch';

/** What a provider needs for refresh on push. */
export interface PushRefreshable {
  getProviderName(): string;
  getTarget(): string;
  refresh(trigger: RefreshTrigger): Promise<RefreshOutcome>;
}

export async function subscribePushRefresh(options: {
  events: EventsService;
  providers: PushRefreshable[];
  logger: LoggerService;
  /** refreshes the registered Locations a push concerns (locationPushRefresh.ts) */
  refreshLocations: (pushed: PushedBranch[]) => Promise<unknown>;
}): Promise<void> {
  // Subscribed even without URL providers: Locations may be registered at any time.
  const { events, providers, logger, refreshLocations } = options;
  await events.subscribe({
    id: 'catalog-flux-monorepo-push-refresh',
    topics: PUSH_TOPICS,
    async onEvent({ topic, eventPayload, metadata }) {
      // A malformed payload concerns no provider: it is ignored, never thrown back at the events service.
      const pushed = pushedBranchesOf({ topic, eventPayload, metadata });
      if (pushed.length === 0) return;
      // Not awaited either: a catalog query and a refresh request per match.
      refreshLocations(pushed).catch(error =>
        logger.error(
          `Refresh of flux-monorepo locations on push failed: ${error}`,
        ),
      );
      for (const provider of providers) {
        let match: PushedBranch | undefined;
        try {
          match = pushed.find(p => pushMatchesTarget(provider.getTarget(), p));
        } catch (error) {
          logger.warn(`Ignoring a ${topic} event: ${error}`);
          return;
        }
        if (!match) continue;
        logger.info(
          `${topic} to ${match.repository} ${
            match.branch
          }: refreshing ${provider.getProviderName()}`,
        );
        // Not awaited: a webhook's delivery (GitHub waits 10 s) must not wait for a large read.
        provider
          .refresh('push')
          .catch(error =>
            logger.error(
              `Refresh of ${provider.getProviderName()} on push failed: ${error}`,
            ),
          );
      }
    },
  });
}
