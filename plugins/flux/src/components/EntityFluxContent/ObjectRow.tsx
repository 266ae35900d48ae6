import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  FluxAction,
  FluxObjectSummary,
} from '@flux-portal/plugin-flux-common';
import { StateChip } from '../StateChip';
import { ObjectActions, type ObjectActionsProps } from '../ObjectActions';
import { ObjectDetails } from './ObjectDetails';
import { ObjectFacts } from './ObjectFacts';
import type { FluxActionPermissions } from '../../hooks/useFluxPermissions';
import type { ActionProgress } from '../../hooks/useFluxActions';

const useStyles = makeStyles(theme => ({
  row: { padding: theme.spacing(1.5, 2), marginBottom: theme.spacing(1) },
  message: { whiteSpace: 'pre-wrap', wordBreak: 'break-word' },
}));

export interface ObjectRowProps {
  object: FluxObjectSummary;
  expanded: boolean;
  onToggle(key: string): void;
  objectKey: string;
  permissions?: FluxActionPermissions;
  progress?: ActionProgress;
  onAction?(
    object: FluxObjectSummary,
    action: FluxAction,
    withSource?: boolean,
  ): void;
  impactOf?: ObjectActionsProps['impactOf'];
  alternative?: FluxObjectSummary;
}

/** One Flux object: state, message, revisions, timing, actions and (on demand) details. */
export function ObjectRow(props: ObjectRowProps) {
  const classes = useStyles();
  const {
    object,
    expanded,
    onToggle,
    objectKey,
    permissions,
    progress,
    onAction,
    impactOf,
    alternative,
  } = props;
  const detailsId = `flux-details-${objectKey.replace(/[^A-Za-z0-9-]/g, '-')}`;
  const title = `${object.kind} ${object.namespace}/${object.name}`;
  // What holds a Waiting object back, said in the words people use.
  const blockers =
    object.state === 'Waiting'
      ? object.dependsOn.filter(dep => dep.state !== 'Ready')
      : [];
  return (
    <Paper
      variant="outlined"
      className={classes.row}
      data-testid="flux-object"
      data-key={objectKey}
    >
      <Box display="flex" alignItems="center" style={{ gap: 12 }}>
        <StateChip state={object.state} />
        <Typography variant="subtitle1" component="h3">
          {title}
        </Typography>
        {object.retrying && (
          <Typography variant="body2" color="textSecondary">
            (retrying)
          </Typography>
        )}
      </Box>
      {object.message && (
        <Typography variant="body2" className={classes.message}>
          {object.message}
        </Typography>
      )}
      {blockers.length > 0 && (
        <Typography variant="body2">
          <strong>
            Waiting for{' '}
            {blockers.map(dep => `${dep.name} (${dep.state})`).join(', ')}
          </strong>
        </Typography>
      )}
      <ObjectFacts object={object} />
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        {permissions && onAction ? (
          <ObjectActions
            object={object}
            permissions={permissions}
            progress={progress}
            onAction={onAction}
            impactOf={impactOf}
            alternative={alternative}
          />
        ) : (
          <span />
        )}
        <Button
          size="small"
          aria-expanded={expanded}
          aria-controls={detailsId}
          onClick={() => onToggle(objectKey)}
        >
          {expanded ? 'Hide details' : 'Details'}
        </Button>
      </Box>
      {expanded && (
        <Box id={detailsId} mt={1}>
          <ObjectDetails object={object} />
        </Box>
      )}
    </Paper>
  );
}
