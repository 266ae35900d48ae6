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
          /**
           * Mapping rules: what becomes an entity, infrastructure or app,
           * owners and cluster names (README, "Mapping rules").
           */
          mapping?: {
            /**
             * Folders whose sub-folders are apps, one entity each; `*`
             * matches one folder (`kubernetes/apps/*`).
             */
            appsRoots?: string[];
            /** Folders whose sub-folders are infrastructure, one Resource each. */
            infrastructureRoots?: string[];
            /** By entity name: its kind and `spec.type`, whatever is inferred. */
            overrides?: {
              [entityName: string]: {
                kind?: 'Component' | 'Resource';
                type?: string;
              };
            };
            /**
             * Where owners come from, in order (`annotation`, `codeowners`,
             * `label:<key>`); `defaultOwner` after them. Default
             * `[annotation, codeowners]`.
             */
            ownerSources?: string[];
            /**
             * Cluster Resource names by cluster folder name or entry folder
             * (`cluster: home`, `kubernetes/flux/cluster: home`).
             */
            clusterNames?: { [folderOrPath: string]: string };
          };
        };
      };
    };
  };
}
