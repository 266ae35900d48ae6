/**
 * How notification-controller matches an Alert's `spec.eventSources` to an
 * event's involved object, and a Receiver's `spec.resources` to the objects
 * it reconciles (both `CrossNamespaceObjectReference`s):
 *
 * - `kind` must equal the object's kind;
 * - `namespace` defaults to the Alert's (Receiver's) own namespace and must
 *   equal the object's;
 * - `name: '*'` matches every object of the kind in that namespace, narrowed
 *   by `matchLabels` when given (every label equal); any other name matches
 *   only itself, and `matchLabels` is then ignored, as the controller does.
 *
 * A suspended Alert matches nothing at dispatch; callers show it as such.
 */

/** An eventSources / resources entry as written. @public */
export interface FluxObjectSelector {
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  matchLabels?: Record<string, string> | null;
}

/** An object that may be matched: its identity and labels. @public */
export interface MatchableObject {
  kind: string;
  namespace: string;
  name: string;
  labels?: Record<string, string>;
}

/** Whether one selector names the object (see the module comment). @public */
export function objectSelectorMatches(
  selector: FluxObjectSelector,
  ownerNamespace: string,
  object: MatchableObject,
): boolean {
  if (!selector || selector.kind !== object.kind) return false;
  const namespace = selector.namespace || ownerNamespace;
  if (namespace !== object.namespace) return false;
  if (selector.name !== '*') return selector.name === object.name;
  const labels = object.labels ?? {};
  return Object.entries(selector.matchLabels ?? {}).every(
    ([key, value]) => labels[key] === value,
  );
}

/** An Alert or Receiver: what its references are matched against. @public */
export interface SelectingObject {
  metadata?: { namespace?: string } | null;
  spec?: {
    eventSources?: unknown;
    resources?: unknown;
  } | null;
}

function selectorsOf(value: unknown): FluxObjectSelector[] {
  return Array.isArray(value)
    ? value.filter(
        (s): s is FluxObjectSelector =>
          !!s && typeof s === 'object' && typeof s.kind === 'string',
      )
    : [];
}

/** Whether an Alert's eventSources cover the object (its events reach the Alert's provider). @public */
export function alertCovers(
  alert: SelectingObject,
  object: MatchableObject,
): boolean {
  const namespace = alert.metadata?.namespace ?? '';
  return selectorsOf(alert.spec?.eventSources).some(s =>
    objectSelectorMatches(s, namespace, object),
  );
}

/** Whether a Receiver's resources include the object (a webhook call reconciles it). @public */
export function receiverTriggers(
  receiver: SelectingObject,
  object: MatchableObject,
): boolean {
  const namespace = receiver.metadata?.namespace ?? '';
  return selectorsOf(receiver.spec?.resources).some(s =>
    objectSelectorMatches(s, namespace, object),
  );
}
