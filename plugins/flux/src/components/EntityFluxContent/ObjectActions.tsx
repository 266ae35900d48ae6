import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import type {
  FluxAction,
  FluxObjectSummary,
} from '@flux-portal/plugin-flux-common';
import type { FluxActionPermissions } from '../../hooks/useFluxPermissions';
import type { ActionProgress } from '../../hooks/useFluxActions';

export interface ObjectActionsProps {
  object: FluxObjectSummary;
  permissions: FluxActionPermissions;
  progress?: ActionProgress;
  onAction(
    object: FluxObjectSummary,
    action: FluxAction,
    withSource?: boolean,
  ): void;
}

/**
 * Reconcile, reconcile with source, suspend/resume. Buttons the user may
 * not use are not shown; while permissions load they are disabled.
 * Suspending stops deployments, so it asks first.
 */
export function ObjectActions(props: ObjectActionsProps) {
  const { object, permissions, progress, onAction } = props;
  const [confirmSuspend, setConfirmSuspend] = useState(false);
  const busy = permissions.loading || progress?.phase === 'running';
  const label = `${object.kind} ${object.namespace}/${object.name}`;

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
              onClick={() => onAction(object, 'reconcile')}
            >
              Reconcile
            </Button>
            {object.source && (
              <Button
                size="small"
                variant="outlined"
                disabled={busy}
                aria-label={`Reconcile with source ${label}`}
                onClick={() => onAction(object, 'reconcile', true)}
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
            onClick={() => onAction(object, 'resume')}
          >
            Resume
          </Button>
        ) : (
          <Button
            size="small"
            variant="outlined"
            disabled={busy}
            aria-label={`Suspend ${label}`}
            onClick={() => setConfirmSuspend(true)}
          >
            Suspend
          </Button>
        ))}
      {progress && <ProgressText progress={progress} />}
      <Dialog
        open={confirmSuspend}
        onClose={() => setConfirmSuspend(false)}
        aria-labelledby="flux-suspend-title"
      >
        <DialogTitle id="flux-suspend-title">Suspend {label}?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Flux stops reconciling it in cluster {object.cluster}: new commits
            are not deployed and drift is not corrected until it is resumed.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmSuspend(false)}>Cancel</Button>
          <Button
            color="secondary"
            variant="contained"
            onClick={() => {
              setConfirmSuspend(false);
              onAction(object, 'suspend');
            }}
          >
            Suspend
          </Button>
        </DialogActions>
      </Dialog>
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
