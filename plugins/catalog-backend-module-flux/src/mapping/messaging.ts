/**
 * Kafka topics and RabbitMQ queues a unit produces or consumes, from the
 * documented configuration keys (comma-separated values):
 * `KAFKA_PRODUCE_TOPICS`, `KAFKA_CONSUME_TOPICS`, `RABBITMQ_PUBLISH_QUEUES`,
 * `RABBITMQ_CONSUME_QUEUES` (`AMQP_` works like `RABBITMQ_`).
 */
import { ConfigValue, keyName } from './configValues';

export type Broker = 'kafka' | 'rabbitmq';

interface MessagingUse {
  broker: Broker;
  channel: string;
  direction: 'produce' | 'consume';
}

const KEY =
  /^(KAFKA|RABBITMQ|AMQP)_(PRODUCE|PUBLISH|CONSUME)_(TOPICS?|QUEUES?)$/;

export function messagingUses(values: ConfigValue[]): MessagingUse[] {
  const out: MessagingUse[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    const m = KEY.exec(keyName(v.key));
    if (!m) continue;
    const broker: Broker = m[1] === 'KAFKA' ? 'kafka' : 'rabbitmq';
    const direction = m[2] === 'CONSUME' ? 'consume' : 'produce';
    for (const channel of v.value
      .split(',')
      .map(s => s.trim())
      .filter(Boolean)) {
      const id = `${broker}|${channel}|${direction}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ broker, channel, direction });
    }
  }
  return out;
}

/** Entity name of a topic or queue API: `kafka-notify.all` for Kafka's `notify.*`. */
export function channelEntityName(broker: Broker, channel: string): string {
  const safe = channel
    .replace(/[*#]/g, 'all')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-_.]+|[-_.]+$/g, '');
  return `${broker}-${safe}`.slice(0, 63).replace(/[-_.]+$/, '');
}

/**
 * Whether a consumer's subscription matches a produced channel: `*` and `#`
 * match any run of characters (Kafka pattern subscriptions, AMQP topic
 * bindings), everything else literally.
 */
export function channelMatches(pattern: string, channel: string): boolean {
  if (!/[*#]/.test(pattern)) return pattern === channel;
  const re = pattern
    .split(/[*#]/)
    .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+');
  return new RegExp(`^${re}$`).test(channel);
}
