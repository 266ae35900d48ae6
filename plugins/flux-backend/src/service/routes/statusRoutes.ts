/**
 * An entity's status (with an ETag, so polling viewers get 304s) and the
 * rolled-up states of many entities (catalog list columns).
 */
import { InputError } from '@backstage/errors';
import { FluxEntityStates } from '@flux-portal/plugin-flux-common';
import { entityFluxObjects } from '../../status/entityFluxObjects';
import { entityRefOf } from './EntityAccess';
import { RouteContext } from './RouteContext';

export function addStatusRoutes(context: RouteContext): void {
  const { router, status, access, httpAuth } = context;

  router.get('/entities/:kind/:namespace/:name/status', async (req, res) => {
    const entity = await access.readableEntity(req, entityRefOf(req));
    const body = status.entityStatusBody(entity);
    res.type('application/json');
    res.setHeader('ETag', body.etag);
    res.vary('Accept-Encoding');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.send(body.json);
  });

  router.post('/entity-states', async (req, res) => {
    const refs = req.body?.entityRefs;
    if (
      !Array.isArray(refs) ||
      refs.some(r => typeof r !== 'string') ||
      refs.length > 1000
    ) {
      throw new InputError(
        `Body must be {"entityRefs": [string, …]} with at most 1000 refs`,
      );
    }
    const found = await access.entities.loadMany(refs);
    const credentials = await httpAuth.credentials(req);
    const readable = await Promise.all(
      refs.map(ref => access.reads.canRead(credentials, ref)),
    );
    const result: FluxEntityStates = { states: {} };
    found.forEach((entity, i) => {
      if (!entity || !readable[i]) return;
      if (entityFluxObjects(entity).clusters.length === 0) return;
      result.states[refs[i]] = status.entityStatus(entity, false).state;
    });
    res.json(result);
  });
}
