/**
 * Which clusters to watch and how to reach them: Backstage's Kubernetes
 * plugin config (`kubernetes.clusterLocatorMethods`, type `config`), a
 * kubeconfig file and in-cluster config. Each becomes a client-node
 * KubeConfig with one context, so every cluster is addressed the same way.
 */
import { Config } from '@backstage/config';
import { KubeConfig } from '@kubernetes/client-node';
import { FluxClusterDisplay } from '@flux-portal/plugin-flux-common';
import { readClusterDisplays } from './readClusterDisplays';

/** A cluster the backend watches. @public */
export interface FluxClusterConfig {
  name: string;
  /** How the cluster is shown: `flux.clusters.<name>`, else the Kubernetes plugin's `title`. */
  display: FluxClusterDisplay;
  /** The API server URL (for messages; never carries credentials). */
  url: string;
  kubeConfig: KubeConfig;
}

type Displays = ReadonlyMap<string, FluxClusterDisplay>;

function fromKubernetesPluginConfig(
  cluster: Config,
  displays: Displays,
): FluxClusterConfig {
  const name = cluster.getString('name');
  const url = cluster.getString('url');
  const authProvider =
    cluster.getOptionalString('authProvider') ?? 'serviceAccount';
  if (authProvider !== 'serviceAccount') {
    throw new Error(
      `kubernetes cluster '${name}': authProvider '${authProvider}' is not supported by Flux Portal, which needs a service account token (serviceAccountToken) to watch Flux objects`,
    );
  }
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [
      {
        name,
        server: url,
        skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
        caData: cluster.getOptionalString('caData'),
        caFile: cluster.getOptionalString('caFile'),
      },
    ],
    users: [
      {
        name: 'flux-portal',
        token: cluster.getOptionalString('serviceAccountToken'),
      },
    ],
    contexts: [{ name, cluster: name, user: 'flux-portal' }],
    currentContext: name,
  });
  // Flux Portal's own title wins over the one the Kubernetes plugin shows.
  const title = displays.get(name)?.title ?? cluster.getOptionalString('title');
  const display = { ...displays.get(name), ...(title ? { title } : {}) };
  return { name, url, display, kubeConfig };
}

function fromKubeconfigFile(
  path: string,
  contexts: string[] | undefined,
  displays: Displays,
): FluxClusterConfig[] {
  const all = new KubeConfig();
  all.loadFromFile(path);
  const wanted = contexts ?? all.getContexts().map(c => c.name);
  return wanted.map(contextName => {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(all.exportConfig());
    if (!kubeConfig.getContextObject(contextName)) {
      throw new Error(
        `flux.kubeconfig: context '${contextName}' is not in ${path}`,
      );
    }
    kubeConfig.setCurrentContext(contextName);
    const url = kubeConfig.getCurrentCluster()?.server ?? '';
    return {
      name: contextName,
      url,
      display: displays.get(contextName) ?? {},
      kubeConfig,
    };
  });
}

/**
 * Reads every configured cluster. Duplicate names are an error: a status
 * would otherwise be attributed to the wrong cluster.
 * @public
 */
export function readClusterConfigs(config: Config): FluxClusterConfig[] {
  const displays = readClusterDisplays(config);
  const clusters: FluxClusterConfig[] = [];
  for (const method of config.getOptionalConfigArray(
    'kubernetes.clusterLocatorMethods',
  ) ?? []) {
    if (method.getString('type') !== 'config') continue;
    for (const cluster of method.getOptionalConfigArray('clusters') ?? []) {
      clusters.push(fromKubernetesPluginConfig(cluster, displays));
    }
  }
  const kubeconfig = config.getOptionalConfig('flux.kubeconfig');
  if (kubeconfig) {
    clusters.push(
      ...fromKubeconfigFile(
        kubeconfig.getString('path'),
        kubeconfig.getOptionalStringArray('contexts'),
        displays,
      ),
    );
  }
  const inCluster = config.getOptionalConfig('flux.inCluster');
  if (inCluster) {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromCluster();
    const name = inCluster.getString('name');
    clusters.push({
      name,
      url: kubeConfig.getCurrentCluster()?.server ?? '',
      display: displays.get(name) ?? {},
      kubeConfig,
    });
  }
  const seen = new Set<string>();
  for (const { name } of clusters) {
    if (seen.has(name)) {
      throw new Error(
        `Cluster '${name}' is configured twice (kubernetes.clusterLocatorMethods, flux.kubeconfig or flux.inCluster); names must be unique`,
      );
    }
    seen.add(name);
  }
  return clusters;
}
