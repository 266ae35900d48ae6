/** Core v1 Events about objects, shaped as the Flux controllers record them. */
import { controllerOf } from './fluxConditions';
import { ClusterObject } from './clusterObject';

export interface EventSpec {
  involved: ClusterObject;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  firstTimestamp: string;
  lastTimestamp?: string;
  count?: number;
  /** Makes the event name unique (the apiserver uses a nanosecond timestamp). */
  serial: number;
}

export function makeEvent(spec: EventSpec): ClusterObject {
  const { involved } = spec;
  const component = controllerOf(involved);
  const name = `${involved.metadata!.name}.${(
    0x17a0000000000000n +
    BigInt(spec.serial) * 0x1f3an
  )
    .toString(16)
    .slice(0, 16)}`;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: involved.metadata!.namespace ?? 'default' },
    involvedObject: {
      kind: involved.kind,
      namespace: involved.metadata!.namespace,
      name: involved.metadata!.name,
      uid: involved.metadata!.uid,
      apiVersion: involved.apiVersion,
      resourceVersion: involved.metadata!.resourceVersion,
    },
    reason: spec.reason,
    message: spec.message,
    source: { component },
    firstTimestamp: spec.firstTimestamp,
    lastTimestamp: spec.lastTimestamp ?? spec.firstTimestamp,
    count: spec.count ?? 1,
    type: spec.type,
    eventTime: null,
    reportingComponent: component,
    reportingInstance: `${component}-7f9c6d8b5-x2k4q`,
  };
}
