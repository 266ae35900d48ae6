/** The backend plugin id: the API lives at `/api/flux`. @public */
export const FLUX_PLUGIN_ID = 'flux';

/** Path of an entity's status, relative to the plugin's base URL. @public */
export function entityStatusPath(ref: {
  kind: string;
  namespace?: string;
  name: string;
}): string {
  return `/entities/${encodeURIComponent(
    ref.kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(ref.namespace ?? 'default')}/${encodeURIComponent(
    ref.name,
  )}/status`;
}

/** Path of an action on one of the entity's Flux objects. @public */
export function entityActionPath(
  ref: { kind: string; namespace?: string; name: string },
  action: 'reconcile' | 'suspend' | 'resume',
): string {
  return entityStatusPath(ref).replace(/\/status$/, `/actions/${action}`);
}

/** Path asking what an action would touch (FluxActionImpact), before taking it. @public */
export function entityActionImpactPath(
  ref: { kind: string; namespace?: string; name: string },
  action: 'reconcile' | 'suspend' | 'resume',
): string {
  return `${entityActionPath(ref, action)}/impact`;
}
