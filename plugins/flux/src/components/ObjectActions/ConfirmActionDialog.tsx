import { useEffect, useState } from 'react';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import type {
  FluxAction,
  FluxActionImpact,
  FluxObjectSummary,
} from '@flux-portal/plugin-flux-common';

/** An action waiting for confirmation. */
export interface PendingConfirmation {
  action: FluxAction;
  withSource?: boolean;
}

export interface ConfirmActionDialogProps {
  object: FluxObjectSummary;
  pending: PendingConfirmation | undefined;
  /** What the action would touch; without it the dialog names the object only. */
  impactOf?(
    object: FluxObjectSummary,
    action: FluxAction,
  ): Promise<FluxActionImpact>;
  /** The entity's own object that acts on it alone (its HelmRelease), offered instead of a shared one. */
  alternative?: FluxObjectSummary;
  onCancel(): void;
  onConfirm(
    object: FluxObjectSummary,
    action: FluxAction,
    withSource?: boolean,
  ): void;
}

const VERBS: Record<FluxAction, string> = {
  reconcile: 'Reconcile',
  suspend: 'Suspend',
  resume: 'Resume',
};

const EFFECTS: Record<FluxAction, string> = {
  reconcile: 'Flux reconciles it now instead of at its next interval',
  suspend:
    'Flux stops reconciling it: new commits are not deployed and drift is not corrected until it is resumed',
  resume: 'Flux reconciles it again at every interval',
};

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Which impact answers the confirmation shown: loading, known, or unknown (the backend still checks). */
type ImpactState =
  | { phase: 'loading' }
  | { phase: 'known'; impact: FluxActionImpact }
  | { phase: 'unknown'; error: string };

function useImpact(
  object: FluxObjectSummary,
  pending: PendingConfirmation | undefined,
  impactOf: ConfirmActionDialogProps['impactOf'],
): ImpactState | undefined {
  const [state, setState] = useState<ImpactState>();
  const action = pending?.action;
  useEffect(() => {
    if (!action || !impactOf) {
      setState(undefined);
      return undefined;
    }
    let cancelled = false;
    setState({ phase: 'loading' });
    impactOf(object, action).then(
      impact => !cancelled && setState({ phase: 'known', impact }),
      error =>
        !cancelled &&
        setState({ phase: 'unknown', error: (error as Error).message }),
    );
    return () => {
      cancelled = true;
    };
  }, [object, action, impactOf]);
  return state;
}

/**
 * Asks before an action, and says what it touches: a Kustomization shared
 * by many entities acts on all of them, so the dialog names how many and
 * whose, refuses up front when the caller lacks the permission on some, and
 * offers the entity's own HelmRelease instead when there is one.
 */
export function ConfirmActionDialog(props: ConfirmActionDialogProps) {
  const { object, pending, impactOf, alternative, onCancel, onConfirm } = props;
  const impact = useImpact(object, pending, impactOf);
  if (!pending) return null;
  const { action, withSource } = pending;
  const label = `${object.kind} ${object.namespace}/${object.name}`;
  const verb = VERBS[action];
  const known = impact?.phase === 'known' ? impact.impact : undefined;
  const refused = Boolean(known && known.denied > 0);
  const shared = Boolean(known && known.entities > 1);
  const offerAlternative =
    alternative && action !== 'resume' && (shared || refused);
  return (
    <Dialog open onClose={onCancel} aria-labelledby="flux-confirm-title">
      <DialogTitle id="flux-confirm-title">
        {verb}
        {withSource ? ' with source' : ''} {label}?
      </DialogTitle>
      <DialogContent>
        <DialogContentText color="textPrimary">
          {EFFECTS[action]} in cluster {object.cluster}.
        </DialogContentText>
        {impact?.phase === 'loading' && (
          <DialogContentText color="textPrimary" component="div" role="status">
            <CircularProgress size={12} /> Checking what it deploys…
          </DialogContentText>
        )}
        {known && (
          <DialogContentText
            color="textPrimary"
            data-testid="flux-action-impact"
          >
            {shared ? (
              <strong>
                It deploys {plural(known.entities, 'entity', 'entities')} of{' '}
                {plural(known.owners.length, 'owner', 'owners')}: this acts on
                all of them.
              </strong>
            ) : (
              'It deploys this entity only.'
            )}
          </DialogContentText>
        )}
        {known && refused && (
          <DialogContentText color="error" role="alert">
            You may not {action} it: you lack the permission on{' '}
            {plural(known.denied, 'entity', 'entities')} it deploys (
            {known.deniedExamples.join(', ')}
            {known.denied > known.deniedExamples.length ? ', …' : ''}). Members
            of the Flux admin groups, or someone owning every one of them, may.
          </DialogContentText>
        )}
        {impact?.phase === 'unknown' && (
          <DialogContentText color="textPrimary">
            Could not check what it deploys ({impact.error}); the action is
            still checked when it is sent.
          </DialogContentText>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        {offerAlternative && alternative && (
          <Button
            variant="outlined"
            onClick={() => onConfirm(alternative, action)}
          >
            {verb} {alternative.kind} {alternative.namespace}/{alternative.name}{' '}
            only
          </Button>
        )}
        <Button
          color={action === 'suspend' ? 'secondary' : 'primary'}
          variant="contained"
          disabled={refused || impact?.phase === 'loading'}
          onClick={() => onConfirm(object, action, withSource)}
        >
          {verb}
          {shared && known ? ` all ${known.entities}` : ''}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
