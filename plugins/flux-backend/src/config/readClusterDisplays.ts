/**
 * How each cluster is shown (`flux.clusters.<name>.title` and `.labels`),
 * e.g. a demo cluster titled and labelled as simulated. Read raw rather than
 * key by key: cluster names (kubeconfig contexts) and label keys such as
 * `app.kubernetes.io/part-of` need not be valid config keys.
 */
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { FluxClusterDisplay } from '@flux-portal/plugin-flux-common';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readLabels(
  value: unknown,
  key: string,
): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    throw new InputError(`${key} must be a map of label names to strings`);
  }
  const labels: Record<string, string> = {};
  for (const [name, label] of Object.entries(value)) {
    if (typeof label !== 'string' && typeof label !== 'number') {
      throw new InputError(`${key}.${name} must be a string`);
    }
    labels[name] = String(label);
  }
  return Object.keys(labels).length > 0 ? labels : undefined;
}

function readDisplay(value: unknown, key: string): FluxClusterDisplay {
  if (!isObject(value)) {
    throw new InputError(`${key} must be an object with title and labels`);
  }
  const { title, labels, ...unknown } = value;
  const extra = Object.keys(unknown);
  if (extra.length > 0) {
    throw new InputError(
      `${key}.${extra[0]} is not a cluster display setting; use title or labels`,
    );
  }
  if (title !== undefined && (typeof title !== 'string' || title === '')) {
    throw new InputError(`${key}.title must be a non-empty string`);
  }
  const display: FluxClusterDisplay = {};
  if (title !== undefined) display.title = title;
  const read = readLabels(labels, `${key}.labels`);
  if (read) display.labels = read;
  return display;
}

/** Title and labels per cluster name, from `flux.clusters`. */
export function readClusterDisplays(
  config: Config,
): Map<string, FluxClusterDisplay> {
  const clusters = config.getOptional('flux.clusters');
  const displays = new Map<string, FluxClusterDisplay>();
  if (clusters === undefined) return displays;
  if (!isObject(clusters)) {
    throw new InputError(
      'flux.clusters must be a map of cluster names to { title, labels }',
    );
  }
  for (const [name, value] of Object.entries(clusters)) {
    displays.set(name, readDisplay(value, `flux.clusters.${name}`));
  }
  return displays;
}
