/**
 * Which clusters to watch and how to reach them: Backstage's Kubernetes
 * plugin config (`kubernetes.clusterLocatorMethods`, type `config`), a
 * kubeconfig file and in-cluster config. Each becomes a client-node
 * KubeConfig with one context, so every cluster is addressed the same way.
 */
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { KubeConfig } from '@kubernetes/client-node';
import { FluxClusterDisplay } from '@flux-portal/plugin-flux-common';
import { FluxConfig, readFluxConfig } from '../config/readFluxConfig';
import { readOrInputError } from '@flux-portal/plugin-flux-common';

/** A cluster the backend watches. @public */
export interface FluxClusterConfig {
  name: string;
  /** How the cluster is shown: `flux.clusters.<name>`, else the Kubernetes plugin's `title`. */
  display: FluxClusterDisplay;
  /** The API server URL (for messages; never carries credentials). */
  url: string;
  kubeConfig: KubeConfig;
}

type Displays = FluxConfig['clusterDisplays'];

function fromKubernetesPluginConfig(
  cluster: Config,
  key: string,
  displays: Displays,
): FluxClusterConfig {
  const name = cluster.getString('name');
  const url = cluster.getString('url');
  const authProvider =
    cluster.getOptionalString('authProvider') ?? 'serviceAccount';
  if (authProvider !== 'serviceAccount') {
    throw new InputError(
      `${key}.authProvider: '${authProvider}' (cluster '${name}') is not supported by Flux Portal, which needs a service account token (serviceAccountToken) to watch Flux objects`,
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

function fromKubernetesPlugin(
  config: Config,
  displays: Displays,
): FluxClusterConfig[] {
  const key = 'kubernetes.clusterLocatorMethods';
  // @backstage/config's errors (missing or mistyped values) name the key.
  return readOrInputError(() =>
    (config.getOptionalConfigArray(key) ?? []).flatMap((method, m) => {
      if (method.getString('type') !== 'config') return [];
      return (method.getOptionalConfigArray('clusters') ?? []).map(
        (cluster, c) =>
          fromKubernetesPluginConfig(
            cluster,
            `${key}[${m}].clusters[${c}]`,
            displays,
          ),
      );
    }),
  );
}

function fromKubeconfigFile(
  { path, contexts }: NonNullable<FluxConfig['kubeconfig']>,
  displays: Displays,
): FluxClusterConfig[] {
  const all = new KubeConfig();
  try {
    all.loadFromFile(path);
  } catch (error) {
    throw new InputError(
      `flux.kubeconfig.path: cannot read '${path}': ${
        (error as Error).message
      }`,
    );
  }
  const wanted = contexts ?? all.getContexts().map(c => c.name);
  return wanted.map(contextName => {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(all.exportConfig());
    if (!kubeConfig.getContextObject(contextName)) {
      throw new InputError(
        `flux.kubeconfig.contexts: context '${contextName}' is not in ${path}`,
      );
    }
    kubeConfig.setCurrentContext(contextName);
    return {
      name: contextName,
      url: kubeConfig.getCurrentCluster()?.server ?? '',
      display: displays.get(contextName) ?? {},
      kubeConfig,
    };
  });
}

function fromInCluster(
  { name }: NonNullable<FluxConfig['inCluster']>,
  displays: Displays,
): FluxClusterConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromCluster();
  return {
    name,
    url: kubeConfig.getCurrentCluster()?.server ?? '',
    display: displays.get(name) ?? {},
    kubeConfig,
  };
}

/**
 * Reads every configured cluster. Duplicate names are an error: a status
 * would otherwise be attributed to the wrong cluster.
 * @public
 */
export function readClusterConfigs(
  config: Config,
  flux: FluxConfig = readFluxConfig(config),
): FluxClusterConfig[] {
  const displays = flux.clusterDisplays;
  const clusters = fromKubernetesPlugin(config, displays);
  if (flux.kubeconfig) {
    clusters.push(...fromKubeconfigFile(flux.kubeconfig, displays));
  }
  if (flux.inCluster) clusters.push(fromInCluster(flux.inCluster, displays));
  const seen = new Set<string>();
  for (const { name } of clusters) {
    if (seen.has(name)) {
      throw new InputError(
        `Cluster '${name}' is configured twice (kubernetes.clusterLocatorMethods, flux.kubeconfig or flux.inCluster); names must be unique`,
      );
    }
    seen.add(name);
  }
  return clusters;
}
