/**
 * Topics and queues: one API per produced channel; a consumer's wildcard
 * (`notify.*`) consumes every produced channel it matches, or gets its own
 * API when nothing produced matches. Components provide and consume APIs;
 * Resources have no such fields, so a producing Resource is a dependency of
 * the API and a consuming one depends on it.
 */
import { configValuesOf } from './configValues';
import type { DependencyRelations } from './dependencyRelations';
import { defaultNamespaceRef, entityRef } from './entityRefs';
import type { MappingContext } from './mappingContext';
import {
  Broker,
  channelEntityName,
  channelMatches,
  messagingUses,
} from './messaging';
import type { CatalogEntity, JsonObject } from './types';
import type { UnitEntity } from './unitEntities';

interface ChannelApi {
  name: string;
  broker: Broker;
  channel: string;
  producers: UnitEntity[];
  consumers: UnitEntity[];
}

const BROKER_TITLES: Record<Broker, string> = {
  kafka: 'Kafka topic',
  rabbitmq: 'RabbitMQ queue',
};
const API_TYPES: Record<Broker, string> = {
  kafka: 'kafka-topic',
  rabbitmq: 'rabbitmq-queue',
};

/**
 * The API entities of the units' channels; wires their producers and
 * consumers. `resources` are searched for the broker's Resource (by name).
 */
export function messagingApis(
  mapped: UnitEntity[],
  resources: CatalogEntity[],
  relations: DependencyRelations,
  context: MappingContext,
): CatalogEntity[] {
  return channelApis(mapped).map(api => {
    const broker = resources.find(
      e => e.kind === 'Resource' && e.metadata.name === api.broker,
    );
    const ref = defaultNamespaceRef('API', api.name);
    wireApi(api, ref, relations);
    return apiEntity(api, broker, context);
  });
}

function channelApis(mapped: UnitEntity[]): ChannelApi[] {
  const apis = new Map<string, ChannelApi>();
  const apiFor = (broker: Broker, channel: string) => {
    const name = channelEntityName(broker, channel);
    const api = apis.get(name) ?? {
      name,
      broker,
      channel,
      producers: [],
      consumers: [],
    };
    apis.set(name, api);
    return api;
  };
  const consumers: Array<{
    member: UnitEntity;
    broker: Broker;
    channel: string;
  }> = [];
  for (const member of mapped) {
    for (const use of messagingUses(configValuesOf(member.unit))) {
      if (use.direction === 'produce')
        apiFor(use.broker, use.channel).producers.push(member);
      else consumers.push({ member, broker: use.broker, channel: use.channel });
    }
  }
  const produced = [...apis.values()];
  for (const c of consumers) {
    const matches = produced.filter(
      api => api.broker === c.broker && channelMatches(c.channel, api.channel),
    );
    for (const api of matches.length ? matches : [apiFor(c.broker, c.channel)])
      api.consumers.push(c.member);
  }
  return [...apis.values()];
}

function apiEntity(
  api: ChannelApi,
  broker: CatalogEntity | undefined,
  context: MappingContext,
): CatalogEntity {
  const refs = (members: UnitEntity[]) =>
    members.map(m => entityRef(m.entity)).join(', ');
  const definition = [
    `# ${BROKER_TITLES[api.broker]} ${api.channel}`,
    `broker: ${broker ? entityRef(broker) : api.broker}`,
    `channel: '${api.channel}'`,
    `producers: [${refs(api.producers)}]`,
    `consumers: [${refs(api.consumers)}]`,
    '',
  ].join('\n');
  const owner =
    (api.producers[0]?.entity.spec.owner as string | undefined) ??
    (broker?.spec.owner as string | undefined) ??
    context.defaultOwner;
  const home = api.producers[0] ?? api.consumers[0];
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: {
      name: api.name,
      title: api.channel,
      description: `${BROKER_TITLES[api.broker]} ${api.channel}`,
      annotations: context.locate(home?.unit.folder ?? '', undefined),
      tags: [api.broker],
    },
    spec: {
      type: API_TYPES[api.broker],
      lifecycle: 'production',
      owner,
      ...(broker?.spec.system ? { system: broker.spec.system } : {}),
      definition,
    },
  };
}

function wireApi(api: ChannelApi, ref: string, relations: DependencyRelations) {
  for (const { entity } of api.producers) {
    if (entity.kind === 'Component') addRef(entity.spec, 'providesApis', ref);
    else addRef(entity.spec, 'dependencyOf', ref);
  }
  for (const { entity } of api.consumers) {
    if (entity.kind === 'Component') addRef(entity.spec, 'consumesApis', ref);
    else relations.add(entity, ref, 'dns', `consumes ${api.channel}`);
  }
}

/** Adds a ref to a sorted list field of a spec, once. */
function addRef(spec: JsonObject, field: string, ref: string) {
  const list = (spec[field] as string[] | undefined) ?? [];
  if (!list.includes(ref)) list.push(ref);
  spec[field] = list.sort();
}
