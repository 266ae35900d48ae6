export interface Config {
  scaffolder?: {
    /**
     * Flux Portal's scaffolder module
     * (@flux-portal/plugin-scaffolder-backend-module-flux).
     */
    fluxMonorepo?: {
      /**
       * Plain git servers the `flux:monorepo:*` actions may push a branch to,
       * over smart HTTP(S) with the git binary, without a forge API or token:
       * there is no pull request, the pushed branch and commit are the
       * result. Only repositories under a `baseUrl` are fetched.
       */
      gitServers?: Array<{
        /**
         * Every repository URL must start with this, e.g.
         * `http://127.0.0.1:7790/` (a repository is `<baseUrl><owner>/<repo>.git`).
         */
        baseUrl: string;
        /**
         * Host name templates use in repo-picker URLs (`<host>?owner=o&repo=r`),
         * e.g. `local-git`; default the host of `baseUrl`.
         */
        host?: string;
      }>;
    };
  };
}
