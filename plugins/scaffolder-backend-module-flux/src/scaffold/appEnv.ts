import { PLATFORM_ENDPOINTS, restEnvName, serviceUrl } from './endpoints';
import { AppSpec } from './types';

/** A container env var: a literal value or a key of a Secret. @public */
export type EnvVar =
  | { name: string; value: string }
  | {
      name: string;
      valueFrom: { secretKeyRef: { name: string; key: string } };
    };

function literal(name: string, value: string): EnvVar {
  return { name, value };
}

// Credentials never appear literally: they come from per-service Secrets that
// the platform team provisions from Vault, outside Git.
function secret(name: string, secretName: string, key: string): EnvVar {
  return { name, valueFrom: { secretKeyRef: { name: secretName, key } } };
}

/**
 * The env vars that carry a service's connections, in a fixed order so the
 * same spec always renders the same bytes. Values that embed a password use
 * Kubernetes' `$(VAR)` expansion of an env var defined earlier.
 * @public
 */
export function renderAppEnv(spec: AppSpec): EnvVar[] {
  const { name, connections: c } = spec;
  const env: EnvVar[] = [
    literal('HTTP_PORT', String(spec.port)),
    literal('LOG_LEVEL', 'info'),
  ];

  if (c.postgres) {
    const user = c.postgres.user ?? name.replace(/-/g, '_');
    env.push(
      secret('DATABASE_PASSWORD', `${name}-postgresql`, 'password'),
      literal(
        'DATABASE_URL',
        `postgresql://${user}:$(DATABASE_PASSWORD)@${PLATFORM_ENDPOINTS.postgres}/${c.postgres.database}?sslmode=disable`,
      ),
    );
  }
  if (c.redis) {
    env.push(
      secret('REDIS_PASSWORD', `${name}-redis`, 'password'),
      literal(
        'REDIS_URL',
        `redis://:$(REDIS_PASSWORD)@${PLATFORM_ENDPOINTS.redis}/${c.redis.db}`,
      ),
    );
  }
  if (c.s3) {
    env.push(
      literal('S3_ENDPOINT', PLATFORM_ENDPOINTS.s3),
      literal('S3_BUCKET', c.s3.bucket),
      literal('S3_FORCE_PATH_STYLE', 'true'),
      secret('S3_ACCESS_KEY_ID', `${name}-s3`, 'access-key-id'),
      secret('S3_SECRET_ACCESS_KEY', `${name}-s3`, 'secret-access-key'),
    );
  }
  if (c.vault) {
    env.push(
      literal('VAULT_ADDR', PLATFORM_ENDPOINTS.vault),
      literal('VAULT_AUTH_METHOD', c.vault.authMethod),
      literal('VAULT_ROLE', c.vault.role),
      literal('VAULT_KV_PATH', c.vault.kvPath),
    );
    if (c.vault.authMethod === 'approle') {
      env.push(
        secret('VAULT_ROLE_ID', `${name}-vault-approle`, 'role-id'),
        secret('VAULT_SECRET_ID', `${name}-vault-approle`, 'secret-id'),
      );
    }
  }
  if (c.oidc) {
    env.push(
      literal(
        'OIDC_ISSUER_URL',
        c.oidc.provider === 'keycloak'
          ? PLATFORM_ENDPOINTS.keycloakIssuer
          : PLATFORM_ENDPOINTS.zitadelIssuer,
      ),
      literal('OIDC_CLIENT_ID', c.oidc.clientId),
    );
  }
  if (c.kafka) {
    env.push(
      literal('KAFKA_BOOTSTRAP_SERVERS', PLATFORM_ENDPOINTS.kafka),
      literal('KAFKA_SECURITY_PROTOCOL', 'SASL_PLAINTEXT'),
      literal('KAFKA_SASL_MECHANISM', 'SCRAM-SHA-512'),
      literal('KAFKA_SASL_USERNAME', name),
      secret('KAFKA_SASL_PASSWORD', `${name}-kafka`, 'password'),
    );
    if (c.kafka.produce?.length) {
      env.push(literal('KAFKA_PRODUCE_TOPICS', c.kafka.produce.join(',')));
    }
    if (c.kafka.consume?.length) {
      env.push(
        literal('KAFKA_CONSUME_TOPICS', c.kafka.consume.join(',')),
        literal('KAFKA_CONSUMER_GROUP', name),
      );
    }
  }
  if (c.rabbitmq) {
    env.push(
      secret('AMQP_PASSWORD', `${name}-rabbitmq`, 'password'),
      literal(
        'AMQP_URL',
        `amqp://${name}:$(AMQP_PASSWORD)@${PLATFORM_ENDPOINTS.rabbitmq}/`,
      ),
    );
    if (c.rabbitmq.publish?.length) {
      env.push(
        literal('RABBITMQ_PUBLISH_QUEUES', c.rabbitmq.publish.join(',')),
      );
    }
    if (c.rabbitmq.consume?.length) {
      env.push(
        literal('RABBITMQ_CONSUME_QUEUES', c.rabbitmq.consume.join(',')),
      );
    }
  }
  for (const call of c.rest ?? []) {
    env.push(
      literal(
        restEnvName(call.service),
        serviceUrl(call.service, call.namespace, call.port, call.path),
      ),
    );
  }
  return env;
}
