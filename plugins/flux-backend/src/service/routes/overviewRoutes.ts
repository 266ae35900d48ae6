/** The cluster-wide views: runtime health, the filtered object list and recent deploys. */
import { InputError } from '@backstage/errors';
import { FluxState, STATE_SEVERITY } from '@flux-portal/plugin-flux-common';
import { RouteContext } from './RouteContext';

/** A query parameter given repeatedly or comma-separated, as a list; undefined when empty. */
function list(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const items = (Array.isArray(value) ? value : [value])
    .flatMap(v => String(v).split(','))
    .map(v => v.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

function states(value: unknown): FluxState[] | undefined {
  const names = list(value);
  for (const s of names ?? []) {
    if (!(STATE_SEVERITY as readonly string[]).includes(s))
      throw new InputError(
        `Unknown state '${s}'; use ${STATE_SEVERITY.join(', ')}`,
      );
  }
  return names as FluxState[] | undefined;
}

function limit(value: unknown): number | undefined {
  const n = value !== undefined ? Number(value) : undefined;
  if (n !== undefined && (!Number.isInteger(n) || n < 1))
    throw new InputError(`'limit' must be a positive integer`);
  return n;
}

/** Most deploys one request returns. */
const MAX_DEPLOYS = 200;

export function addOverviewRoutes(context: RouteContext): void {
  const { router, status } = context;

  router.get('/deploys', async (req, res) => {
    res.json(
      status.deploys(Math.min(limit(req.query.limit) ?? 20, MAX_DEPLOYS)),
    );
  });

  router.get('/runtime', async (_req, res) => {
    res.json(status.runtime());
  });

  router.get('/objects', async (req, res) => {
    res.json(
      status.objects({
        state: states(req.query.state),
        limit: limit(req.query.limit),
        cluster: list(req.query.cluster),
        namespace: list(req.query.namespace),
        kind: list(req.query.kind),
        q: typeof req.query.q === 'string' ? req.query.q : undefined,
      }),
    );
  });
}
