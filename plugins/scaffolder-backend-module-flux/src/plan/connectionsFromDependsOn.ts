import type { AppConnections } from '../scaffold';

/**
 * Turns the catalog entities a new service depends on into the typed
 * connections the generator writes as env vars, following the example
 * monorepo's conventions: one database, Redis index, bucket, Vault role and
 * OIDC client per service, each named after the service.
 */
export function connectionsFromDependsOn(
  service: string,
  refs: string[],
  known: Set<string>,
  redisDb: number,
): { connections: AppConnections; problems: string[] } {
  const connections: AppConnections = {};
  const problems: string[] = [];
  for (const raw of refs) {
    const ref = normaliseRef(raw);
    if (!known.has(ref)) {
      problems.push(`dependsOn "${raw}" is not an entity of the monorepo`);
      continue;
    }
    const [kind, name] = [ref.split(':')[0], ref.split('/')[1]];
    if (kind === 'component') {
      (connections.rest ??= []).push({ service: name });
      continue;
    }
    if (kind !== 'resource') {
      problems.push(
        `dependsOn "${raw}": only components and resources can be wired`,
      );
      continue;
    }
    const ident = service.replace(/-/g, '_');
    switch (name) {
      case 'postgresql':
        connections.postgres = { database: ident };
        break;
      case 'redis':
        connections.redis = { db: redisDb };
        break;
      case 's3-proxy':
      case 'minio':
        connections.s3 = { bucket: service };
        break;
      case 'vault':
        connections.vault = {
          authMethod: 'kubernetes',
          role: service,
          kvPath: `kv/data/${service}`,
        };
        break;
      case 'keycloak':
      case 'zitadel':
        connections.oidc = { provider: name, clientId: service };
        break;
      case 'camunda':
        (connections.rest ??= []).push({
          service: 'camunda',
          path: '/engine-rest',
        });
        break;
      default:
        problems.push(
          `dependsOn "${raw}": no convention to wire resource "${name}" into a service`,
        );
    }
  }
  return { connections, problems };
}

/** `postgresql` → `resource:default/postgresql`? No: bare names are components. */
export function normaliseRef(ref: string): string {
  const trimmed = ref.trim().toLowerCase();
  const withKind = trimmed.includes(':') ? trimmed : `component:${trimmed}`;
  const [kind, rest] = [
    withKind.slice(0, withKind.indexOf(':')),
    withKind.slice(withKind.indexOf(':') + 1),
  ];
  return `${kind}:${rest.includes('/') ? rest : `default/${rest}`}`;
}
