/** Manifest snippets for small in-memory monorepos in tests (memory trees). */

export const kustomization = (...resources: string[]) =>
  `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n${resources
    .map(r => `  - ${r}`)
    .join('\n')}\n`;

export const fluxKustomization = (
  name: string,
  path: string,
) => `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${name}
  namespace: flux-system
spec:
  interval: 10m
  path: ${path}
  prune: true
  sourceRef:
    kind: GitRepository
    name: flux-system
`;

export const namespace = (name: string) =>
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

export const service = (name: string, ns: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n  ports:\n    - port: 80\n`;

/** `clusters/<cluster>/apps.yaml` → ./apps, and ./infrastructure when asked. */
export function clusterEntry(
  cluster: string,
  withInfrastructure = false,
): Record<string, string> {
  return {
    [`clusters/${cluster}/apps.yaml`]: fluxKustomization('apps', './apps'),
    ...(withInfrastructure
      ? {
          [`clusters/${cluster}/infrastructure.yaml`]: fluxKustomization(
            'infrastructure',
            './infrastructure',
          ),
        }
      : {}),
  };
}
