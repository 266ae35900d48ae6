/**
 * In-cluster addresses of the shared platform components, as the example
 * monorepo installs them (release name = namespace = component). Services
 * reach them by these DNS names; the catalog maps a name back to its
 * component by the namespace part.
 * @public
 */
export const PLATFORM_ENDPOINTS = {
  postgres: 'postgresql-primary.postgresql.svc.cluster.local:5432',
  redis: 'redis-master.redis.svc.cluster.local:6379',
  s3: 'http://s3-proxy.s3-proxy.svc.cluster.local',
  vault: 'http://vault.vault.svc.cluster.local:8200',
  keycloakIssuer:
    'http://keycloak.keycloak.svc.cluster.local:8080/auth/realms/platform',
  zitadelIssuer: 'http://zitadel.zitadel.svc.cluster.local:8080',
  kafka: 'kafka.kafka.svc.cluster.local:9092',
  rabbitmq: 'rabbitmq.rabbitmq.svc.cluster.local:5672',
} as const;

/** Port every business service listens on. @public */
export const DEFAULT_APP_PORT = 8080;

/** `http://<service>.<namespace>.svc.cluster.local:<port><path>`. @public */
export function serviceUrl(
  service: string,
  namespace: string = service,
  port: number = DEFAULT_APP_PORT,
  path: string = '',
): string {
  return `http://${service}.${namespace}.svc.cluster.local:${port}${path}`;
}

/** `documents-link` → `DOCUMENTS_LINK_URL`, the env var of a REST call. @public */
export function restEnvName(service: string): string {
  return `${service.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`;
}
