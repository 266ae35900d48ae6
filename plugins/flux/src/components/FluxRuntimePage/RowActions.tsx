import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { FluxObjectSummary } from '@flux-portal/plugin-flux-common';
import { useFluxPermissions } from '../../hooks/useFluxPermissions';
import { useFluxActions } from '../../hooks/useFluxActions';
import { ObjectActions } from '../ObjectActions';

function OpenRowActions(props: { object: FluxObjectSummary; via: Entity }) {
  const { object, via } = props;
  const entity = {
    kind: via.kind,
    namespace: via.metadata.namespace,
    name: via.metadata.name,
  };
  const permissions = useFluxPermissions(stringifyEntityRef(via));
  const { run, progressOf, impactOf } = useFluxActions(entity);
  if (
    !permissions.loading &&
    !permissions.canReconcile &&
    !permissions.canSuspend
  ) {
    return <Typography variant="body2">You may not act on it</Typography>;
  }
  return (
    <ObjectActions
      object={object}
      permissions={permissions}
      progress={progressOf(object)}
      onAction={run}
      impactOf={impactOf}
    />
  );
}

/**
 * The actions of one row of the Flux page, through an entity the object
 * deploys (actions are authorised per entity; the backend still checks the
 * object's whole blast radius). Opened on demand, so a list of hundreds of
 * rows asks for no permissions until someone wants to act.
 */
export function RowActions(props: {
  object: FluxObjectSummary;
  deployed: Entity[] | undefined;
}) {
  const { object, deployed } = props;
  const [open, setOpen] = useState(false);
  const via = deployed?.[0];
  if (!via) return null;
  if (open) return <OpenRowActions object={object} via={via} />;
  return (
    <Button
      size="small"
      aria-label={`Actions for ${object.kind} ${object.namespace}/${object.name} in ${object.cluster}`}
      onClick={() => setOpen(true)}
    >
      Actions
    </Button>
  );
}
