export interface Config {
  flux?: {
    /**
     * Groups whose members may reconcile, suspend and resume every entity,
     * as full group refs (`group:<namespace>/<name>`); everyone else only
     * what they own. Read by Flux Portal's permission policy module.
     */
    adminGroups?: string[];
  };
}
