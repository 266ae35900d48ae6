import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * Flux monorepos to ingest, by provider id.
       */
      fluxMonorepo?: {
        [id: string]: {
          /**
           * The monorepo: a URL Backstage's UrlReader can read as a tree
           * (GitHub, GitLab, Bitbucket, Azure DevOps, Gitea…: the repository or
           * folder URL with its branch), or a local folder (relative to the
           * backend's working directory).
           */
          target: string;
          /**
           * Where the monorepo can be browsed, for view/edit links when the
           * target is a local checkout (e.g. https://github.com/org/repo/tree/main).
           */
          repositoryUrl?: string;
          /** Folder inside the target to start from (a cluster folder, or the root). Default: the root. */
          path?: string;
          /** Cluster folders (`clusters/<name>`) to ingest. Default: all. */
          clusters?: string[];
          /** Owner of entities that name none. Default `group:default/platform-team`. */
          defaultOwner?: string;
          /**
           * Refuse a refresh that would remove more than this share of this
           * provider's entities (0..1). Default 0.5.
           */
          maxRemovalShare?: number;
          /** How often to read the monorepo. Default: every 5 minutes, 3 minute timeout. */
          schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        };
      };
    };
  };
}
