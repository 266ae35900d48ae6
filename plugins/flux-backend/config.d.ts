export interface Config {
  /**
   * Clusters are read from Backstage's Kubernetes plugin config
   * (`kubernetes.clusterLocatorMethods` of type `config`), so they are
   * configured once. `flux` adds what that config cannot say. Every key is
   * read, with its default, by readFluxConfig; a bad value stops the
   * backend with an error naming the key.
   */
  flux?: {
    /** Extra clusters from a kubeconfig file: every context, or the listed ones. */
    kubeconfig?: {
      /** Path to the kubeconfig file. */
      path: string;
      /** Contexts to use (default: all). The context name is the cluster name. */
      contexts?: string[];
    };
    /** Use the pod's service account (in-cluster config) as one cluster with this name. */
    inCluster?: {
      name: string;
    };
    /**
     * How clusters are shown, by cluster name: a title (default: the
     * Kubernetes plugin's `title`, else the name) and labels shown as chips,
     * e.g. `{ environment: simulated }` for the demo's cluster simulator.
     */
    clusters?: {
      [name: string]: {
        title?: string;
        labels?: { [name: string]: string };
      };
    };
    /** Milliseconds a cluster has to answer an initial list before it is reported as slow (default 5000). */
    requestTimeoutMs?: number;
    /** Maximum backoff between reconnect attempts to a failing cluster, ms (default 30000). */
    maxBackoffMs?: number;
    /** A Ready Kustomization not reconciled within this many intervals is Stale (default 3; 0: never). */
    staleAfterIntervals?: number;
    /** Events returned per Flux object (default 20). */
    eventsPerObject?: number;
  };
}
