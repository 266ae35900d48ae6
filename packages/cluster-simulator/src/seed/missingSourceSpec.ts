/** A plausible spec for a source that objects refer to but the input lacks. */
export function missingSourceSpec(
  kind: string,
  name: string,
): Record<string, unknown> {
  switch (kind) {
    case 'GitRepository':
      return {
        interval: '1m',
        url: 'ssh://git@git.example.com/platform/flux-monorepo.git',
        ref: { branch: 'main' },
      };
    case 'HelmRepository':
      return { interval: '1h', url: `https://charts.example.com/${name}` };
    case 'OCIRepository':
      return {
        interval: '5m',
        url: `oci://registry.example.com/${name}`,
        ref: { tag: 'latest' },
      };
    default:
      return {
        interval: '5m',
        bucketName: name,
        endpoint: 'minio.example.com',
      };
  }
}
