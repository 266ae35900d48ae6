/**
 * Maps a loaded monorepo to catalog entities: a Resource per cluster, a
 * Component per app, a Resource per infrastructure component, a System per
 * group, an API per Kafka topic or RabbitMQ queue, and the dependencies
 * between them. Pure: the catalog module and the CLI call it alike.
 */
import {
  ANNOTATION_CLUSTERS,
  ANNOTATION_HELM_RELEASE,
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUSTOMIZATION,
  ANNOTATION_OWNER,
  ANNOTATION_RESOURCE_TYPE,
  ANNOTATION_WORKLOADS,
} from '@flux-portal/plugin-flux-common';
import type { EngineProblem } from '@flux-portal/kustomize';
import type { MonorepoModel } from '@flux-portal/flux-engine';
import { codeownerOf, parseCodeowners } from './codeowners';
import { configValuesOf, isWorkload } from './configValues';
import { groupUnits, Unit } from './groupUnits';
import { inferDependencies } from './inferDependencies';
import {
  Broker,
  channelEntityName,
  channelMatches,
  messagingUses,
} from './messaging';
import { resourceTypeForChart, resourceTypeForKinds } from './resourceTypes';
import type {
  CatalogEntity,
  EntityDependency,
  EntityMappingOptions,
  JsonObject,
} from './types';

/** Annotations read from manifests (workload, HelmRelease or namespace). */
export const MANIFEST_ANNOTATIONS = {
  owner: ANNOTATION_OWNER,
  description: 'flux-portal.io/description',
  lifecycle: 'flux-portal.io/lifecycle',
  resourceType: ANNOTATION_RESOURCE_TYPE,
  system: 'flux-portal.io/system',
} as const;

export interface EntityMappingResult {
  entities: CatalogEntity[];
  dependencies: EntityDependency[];
  problems: EngineProblem[];
}

const PART_OF = 'app.kubernetes.io/part-of';
const APP_NAME = 'app.kubernetes.io/name';
const DEFAULT_OWNER = 'group:default/platform-team';

function ownerRef(value: string): string {
  return value.includes(':')
    ? value
    : `group:default/${value.replace(/^group:/, '')}`;
}

function refOf(entity: CatalogEntity): string {
  return `${entity.kind.toLowerCase()}:default/${entity.metadata.name}`;
}

/** The first value of an annotation or label among a unit's objects, workloads first. */
function firstMeta(
  unit: Unit,
  field: 'annotations' | 'labels',
  key: string,
): string | undefined {
  const ordered = [
    ...unit.objects.filter(o => isWorkload(o.object)),
    ...unit.objects.filter(o => o.object.kind === 'HelmRelease'),
    ...unit.objects.filter(o => o.object.kind === 'Namespace'),
    ...unit.objects,
  ];
  for (const { object } of ordered) {
    const value = object.metadata?.[field]?.[key];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

function workloadRefs(unit: Unit): string[] {
  const refs = new Set<string>();
  for (const { object } of unit.objects) {
    if (isWorkload(object))
      refs.add(
        `${object.kind}/${object.metadata?.namespace ?? ''}/${
          object.metadata?.name
        }`,
      );
  }
  return [...refs].sort();
}

function resourceType(unit: Unit): string {
  const override = firstMeta(
    unit,
    'annotations',
    MANIFEST_ANNOTATIONS.resourceType,
  );
  if (override) return override;
  for (const hr of unit.helmReleases) {
    const t = hr.chart ? resourceTypeForChart(hr.chart) : undefined;
    if (t) return t;
  }
  return (
    resourceTypeForKinds(unit.objects.map(o => o.object.kind ?? '')) ??
    resourceTypeForChart(unit.name) ??
    'infrastructure'
  );
}

export function monorepoToEntities(
  model: MonorepoModel,
  options: EntityMappingOptions = {},
): EntityMappingResult {
  const defaultOwner = options.defaultOwner ?? DEFAULT_OWNER;
  const codeowners = options.codeowners
    ? parseCodeowners(options.codeowners)
    : [];
  const locate = options.locationAnnotations ?? (() => ({}));
  const wanted = options.clusters?.length
    ? new Set(options.clusters)
    : undefined;
  const problems: EngineProblem[] = [];

  const units = groupUnits(model, options.clusters);
  const byFolder = new Map<string, CatalogEntity>();
  const folderOf = new Map<CatalogEntity, string>();
  const systems = new Map<string, SystemMembers>();
  const entities: CatalogEntity[] = [];
  const names = new Map<string, string>();

  // Clusters.
  for (const entry of model.entries) {
    if (wanted && !wanted.has(entry.cluster)) continue;
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: entry.cluster,
        title: `Cluster ${entry.cluster}`,
        description: `Kubernetes cluster reconciled by Flux from ${
          entry.path || '.'
        }`,
        annotations: {
          ...locate(entry.path, undefined),
          [ANNOTATION_CLUSTERS]: entry.cluster,
        },
        tags: ['flux', 'kubernetes'],
      },
      spec: {
        type: 'kubernetes-cluster',
        owner: codeownerOf(codeowners, entry.path) ?? defaultOwner,
      },
    });
  }

  // Apps and infrastructure components.
  for (const unit of units) {
    const kind = unit.role === 'app' ? 'Component' : 'Resource';
    const clash = names.get(`${kind}:${unit.name}`);
    if (clash) {
      problems.push({
        code: 'entity-name-clash',
        severity: 'warning',
        file: unit.folder,
        message: `${unit.folder} and ${clash} both map to ${kind} ${unit.name}; only ${clash} is ingested`,
      });
      continue;
    }
    names.set(`${kind}:${unit.name}`, unit.folder);
    const owner = ownerRef(
      firstMeta(unit, 'annotations', MANIFEST_ANNOTATIONS.owner) ??
        codeownerOf(codeowners, unit.folder) ??
        defaultOwner,
    );
    const explicitSystem = firstMeta(
      unit,
      'annotations',
      MANIFEST_ANNOTATIONS.system,
    );
    const system =
      explicitSystem ??
      firstMeta(unit, 'labels', PART_OF) ??
      unit.folder.split('/')[0];
    const hr = unit.helmReleases[0];
    const workloads = workloadRefs(unit);
    const appName = firstMeta(unit, 'labels', APP_NAME);
    const namespaces = [
      ...new Set(
        unit.objects
          .map(o =>
            o.object.kind === 'Namespace'
              ? o.object.metadata?.name
              : o.object.metadata?.namespace,
          )
          .filter(Boolean),
      ),
    ];
    const annotations: Record<string, string> = {
      ...locate(unit.folder, `${unit.folder}/kustomization.yaml`),
      [ANNOTATION_CLUSTERS]: [...unit.clusters].sort().join(','),
      [ANNOTATION_KUSTOMIZATION]: [...unit.kustomizations].sort()[0],
      [ANNOTATION_KUBERNETES_ID]: unit.name,
    };
    if (hr) annotations[ANNOTATION_HELM_RELEASE] = `${hr.namespace}/${hr.name}`;
    if (workloads.length)
      annotations[ANNOTATION_WORKLOADS] = workloads.join(',');
    if (appName)
      annotations[
        'backstage.io/kubernetes-label-selector'
      ] = `${APP_NAME}=${appName}`;
    if (namespaces.length === 1)
      annotations['backstage.io/kubernetes-namespace'] =
        namespaces[0] as string;
    if (hr?.chart)
      annotations['flux-portal.io/chart'] = `${hr.chart}${
        hr.version ? `@${hr.version}` : ''
      }`;

    const entity: CatalogEntity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: {
        name: unit.name,
        description:
          firstMeta(unit, 'annotations', MANIFEST_ANNOTATIONS.description) ??
          (hr?.chart
            ? `${unit.name} (Helm chart ${hr.chart})`
            : `${unit.name} from ${unit.folder}`),
        annotations,
        tags: [unit.role === 'app' ? 'flux-app' : 'flux-infrastructure'],
      },
      spec:
        kind === 'Component'
          ? {
              type: 'service',
              lifecycle:
                firstMeta(
                  unit,
                  'annotations',
                  MANIFEST_ANNOTATIONS.lifecycle,
                ) ?? 'production',
              owner,
              system,
            }
          : { type: resourceType(unit), owner, system },
    };
    entities.push(entity);
    byFolder.set(unit.folder, entity);
    folderOf.set(entity, unit.folder);
    const s = systems.get(system) ?? {
      owners: [],
      members: [],
      explicit: false,
    };
    s.owners.push(owner);
    s.members.push(entity);
    s.explicit ||= explicitSystem !== undefined;
    systems.set(system, s);
  }
  dropSelfNamedSystems(systems);

  // Dependencies, deduplicated per pair; the cluster each unit runs on too.
  const dependencies: EntityDependency[] = [];
  const dependsOn = new Map<CatalogEntity, Set<string>>();
  const addDep = (
    from: CatalogEntity,
    to: string,
    reason: EntityDependency['reason'],
    evidence: string,
  ) => {
    const set = dependsOn.get(from) ?? new Set<string>();
    if (set.has(to) || to === refOf(from)) return;
    set.add(to);
    dependsOn.set(from, set);
    dependencies.push({ from: refOf(from), to, reason, evidence });
  };
  for (const dep of inferDependencies(model, units)) {
    const from = byFolder.get(dep.from.folder);
    const to =
      typeof dep.to === 'string' ? dep.to : byFolder.get(dep.to.folder);
    if (from && to)
      addDep(
        from,
        typeof to === 'string' ? to : refOf(to),
        dep.reason,
        dep.evidence,
      );
  }
  for (const unit of units) {
    const from = byFolder.get(unit.folder);
    if (from)
      for (const c of unit.clusters)
        addDep(from, `resource:default/${c}`, 'cluster', `runs on ${c}`);
  }

  // Topics and queues: one API per produced channel; a consumer's wildcard
  // (`notify.*`) consumes every produced channel it matches, or gets its own
  // API when nothing produced matches.
  const apis = new Map<
    string,
    {
      broker: Broker;
      channel: string;
      producers: CatalogEntity[];
      consumers: CatalogEntity[];
    }
  >();
  const apiFor = (broker: Broker, channel: string) => {
    const name = channelEntityName(broker, channel);
    const api = apis.get(name) ?? {
      broker,
      channel,
      producers: [],
      consumers: [],
    };
    apis.set(name, api);
    return api;
  };
  const consumers: Array<{
    entity: CatalogEntity;
    broker: Broker;
    channel: string;
  }> = [];
  for (const unit of units) {
    const entity = byFolder.get(unit.folder);
    if (!entity) continue;
    for (const use of messagingUses(configValuesOf(unit))) {
      if (use.direction === 'produce')
        apiFor(use.broker, use.channel).producers.push(entity);
      else consumers.push({ entity, broker: use.broker, channel: use.channel });
    }
  }
  const produced = [...apis.values()];
  for (const c of consumers) {
    const matches = produced.filter(
      api => api.broker === c.broker && channelMatches(c.channel, api.channel),
    );
    for (const api of matches.length ? matches : [apiFor(c.broker, c.channel)])
      api.consumers.push(c.entity);
  }
  const brokerEntity = (broker: Broker) =>
    entities.find(e => e.kind === 'Resource' && e.metadata.name === broker);
  for (const [name, api] of apis) {
    const broker = brokerEntity(api.broker);
    const ref = `api:default/${name}`;
    const owner =
      (api.producers[0]?.spec.owner as string | undefined) ??
      (broker?.spec.owner as string | undefined) ??
      defaultOwner;
    const definition = [
      `# ${api.broker === 'kafka' ? 'Kafka topic' : 'RabbitMQ queue'} ${
        api.channel
      }`,
      `broker: ${broker ? refOf(broker) : api.broker}`,
      `channel: '${api.channel}'`,
      `producers: [${api.producers.map(refOf).join(', ')}]`,
      `consumers: [${api.consumers.map(refOf).join(', ')}]`,
      '',
    ].join('\n');
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: {
        name,
        title: api.channel,
        description: `${
          api.broker === 'kafka' ? 'Kafka topic' : 'RabbitMQ queue'
        } ${api.channel}`,
        annotations: locate(
          folderOf.get(api.producers[0] ?? api.consumers[0]) ?? '',
          undefined,
        ),
        tags: [api.broker],
      },
      spec: {
        type: api.broker === 'kafka' ? 'kafka-topic' : 'rabbitmq-queue',
        lifecycle: 'production',
        owner,
        ...(broker?.spec.system ? { system: broker.spec.system } : {}),
        definition,
      },
    });
    // Components provide and consume APIs; Resources have no such fields, so
    // a producing Resource is a dependency of the API and a consuming one depends on it.
    for (const p of api.producers) {
      if (p.kind === 'Component') push(p.spec, 'providesApis', ref);
      else push(p.spec, 'dependencyOf', ref);
    }
    for (const c of api.consumers) {
      if (c.kind === 'Component') push(c.spec, 'consumesApis', ref);
      else addDep(c, ref, 'dns', `consumes ${api.channel}`);
    }
  }
  for (const [entity, refs] of dependsOn)
    entity.spec.dependsOn = [...refs].sort();

  // Systems.
  for (const [name, { owners }] of systems) {
    const counts = new Map<string, number>();
    for (const o of owners) counts.set(o, (counts.get(o) ?? 0) + 1);
    const owner =
      [...counts.entries()].sort(
        (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
      )[0]?.[0] ?? defaultOwner;
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: {
        name,
        title: titleCase(name),
        description: `The ${name} group of the Flux monorepo`,
        annotations: locate(model.entries[0]?.path ?? '', undefined),
      },
      spec: { owner },
    });
  }

  entities.sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) ||
      a.metadata.name.localeCompare(b.metadata.name),
  );
  return { entities, dependencies, problems };
}

interface SystemMembers {
  owners: string[];
  members: CatalogEntity[];
  /** named by the flux-portal.io/system annotation: always kept */
  explicit: boolean;
}

/**
 * `app.kubernetes.io/part-of` names the higher-level application a workload
 * belongs to; a group whose only member carries its own name (a service
 * labelled part-of itself) has none, and a System holding just that one
 * entity under the same name adds nothing to the catalog but an entity to
 * process, stitch and browse past. Such members get no system, unless the
 * flux-portal.io/system annotation asks for it.
 */
function dropSelfNamedSystems(systems: Map<string, SystemMembers>) {
  for (const [name, { members, explicit }] of systems) {
    if (
      !explicit &&
      members.length === 1 &&
      members[0].metadata.name === name
    ) {
      delete members[0].spec.system;
      systems.delete(name);
    }
  }
}

function push(spec: JsonObject, field: string, ref: string) {
  const list = (spec[field] as string[] | undefined) ?? [];
  if (!list.includes(ref)) list.push(ref);
  spec[field] = list.sort();
}

function titleCase(name: string): string {
  return name
    .split(/[-_]/)
    .map(w => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}
