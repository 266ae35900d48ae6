import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Typography from '@material-ui/core/Typography';
import {
  KUSTOMIZATION_KIND,
  type FluxAction,
  type FluxActionImpact,
  type FluxObjectSummary,
} from '@flux-portal/plugin-flux-common';
import type { FluxActionPermissions } from '../../hooks/useFluxPermissions';
import type { ActionProgress } from '../../hooks/useFluxActions';
import {
  ConfirmActionDialog,
  type PendingConfirmation,
} from './ConfirmActionDialog';

export interface ObjectActionsProps {
  object: FluxObjectSummary;
  permissions: FluxActionPermissions;
  progress?: ActionProgress;
  onAction(
    object: FluxObjectSummary,
    action: FluxAction,
    withSource?: boolean,
  ): void;
  /** What an action would touch, shown in its confirmation. */
  impactOf?(
    object: FluxObjectSummary,
    action: FluxAction,
  ): Promise<FluxActionImpact>;
  /** The entity's own object offered instead of a shared one (its HelmRelease). */
  alternative?: FluxObjectSummary;
}

/**
 * Whether an action asks first: suspending stops deployments, and anything
 * done to a Kustomization is done to every entity it deploys.
 */
function needsConfirmation(object: FluxObjectSummary, action: FluxAction) {
  return action === 'suspend' || object.kind === KUSTOMIZATION_KIND;
}

/**
 * Reconcile, reconcile with source, suspend/resume. Buttons the user may
 * not use are not shown; while permissions load they are disabled.
 */
export function ObjectActions(props: ObjectActionsProps) {
  const { object, permissions, progress, onAction, impactOf, alternative } =
    props;
  const [confirm, setConfirm] = useState<PendingConfirmation>();
  const busy = permissions.loading || progress?.phase === 'running';
  const label = `${object.kind} ${object.namespace}/${object.name}`;
  const request = (action: FluxAction, withSource?: boolean) => {
    if (needsConfirmation(object, action)) setConfirm({ action, withSource });
    else onAction(object, action, withSource);
  };

  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
      {(permissions.loading || permissions.canReconcile) &&
        !object.suspended && (
          <>
            <Button
              size="small"
              variant="outlined"
              disabled={busy}
              aria-label={`Reconcile ${label}`}
              onClick={() => request('reconcile')}
            >
              Reconcile
            </Button>
            {object.source && (
              <Button
                size="small"
                variant="outlined"
                disabled={busy}
                aria-label={`Reconcile with source ${label}`}
                onClick={() => request('reconcile', true)}
              >
                Reconcile with source
              </Button>
            )}
          </>
        )}
      {(permissions.loading || permissions.canSuspend) &&
        (object.suspended ? (
          <Button
            size="small"
            variant="outlined"
            disabled={busy}
            aria-label={`Resume ${label}`}
            onClick={() => request('resume')}
          >
            Resume
          </Button>
        ) : (
          <Button
            size="small"
            variant="outlined"
            disabled={busy}
            aria-label={`Suspend ${label}`}
            onClick={() => request('suspend')}
          >
            Suspend
          </Button>
        ))}
      {progress && <ProgressText progress={progress} />}
      <ConfirmActionDialog
        object={object}
        pending={confirm}
        impactOf={impactOf}
        alternative={alternative}
        onCancel={() => setConfirm(undefined)}
        onConfirm={(target, action, withSource) => {
          setConfirm(undefined);
          onAction(target, action, withSource);
        }}
      />
    </Box>
  );
}

function ProgressText(props: { progress: ActionProgress }) {
  const { progress } = props;
  return (
    <Box
      display="flex"
      alignItems="center"
      style={{ gap: 6 }}
      role="status"
      aria-live="polite"
    >
      {progress.phase === 'running' && <CircularProgress size={14} />}
      <Typography
        variant="body2"
        color={
          progress.phase === 'error' ||
          (progress.phase === 'done' && !progress.ok)
            ? 'error'
            : 'textPrimary'
        }
      >
        {progress.text}
      </Typography>
    </Box>
  );
}
