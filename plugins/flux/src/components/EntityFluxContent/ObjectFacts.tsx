import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { FluxObjectSummary } from '@flux-portal/plugin-flux-common';
import { StateChip } from '../StateChip';
import { Revision } from '../Revision';
import { RelativeTime } from '../RelativeTime';
import { SourceVerification } from './details/SourceVerification';

const useStyles = makeStyles(theme => ({
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5, 3),
    margin: theme.spacing(1, 0),
  },
  fact: { fontSize: theme.typography.body2.fontSize },
}));

function Fact(props: { label: string; children: React.ReactNode }) {
  const classes = useStyles();
  return (
    <span className={classes.fact}>
      <Typography component="span" variant="body2" color="textSecondary">
        {props.label}:{' '}
      </Typography>
      {props.children}
    </span>
  );
}

/** An object's revisions (applied, and the source's when ahead), source, timing and dependencies at a glance. */
export function ObjectFacts(props: { object: FluxObjectSummary }) {
  const classes = useStyles();
  const { object } = props;
  return (
    <div className={classes.facts}>
      <Fact label="Applied">
        <Revision
          revision={object.appliedRevision}
          sourceUrl={object.source?.url}
        />
      </Fact>
      {(object.sourceRevision || object.source) && (
        <Fact label="Source">
          <Revision
            revision={object.sourceRevision ?? object.source?.revision}
            sourceUrl={object.source?.url}
          />
          {object.drift && ' (not applied yet)'}
        </Fact>
      )}
      {object.source && (
        <Fact label={object.source.kind}>
          {object.source.namespace}/{object.source.name}{' '}
          {object.source.state && <StateChip state={object.source.state} />}
          <SourceVerification source={object.source} />
        </Fact>
      )}
      <Fact label="Last reconcile">
        <RelativeTime iso={object.lastReconcileAt} />
      </Fact>
      {object.interval && <Fact label="Interval">{object.interval}</Fact>}
      {object.dependsOn.length > 0 && (
        <Fact label="Depends on">
          {object.dependsOn.map(dep => `${dep.name} (${dep.state})`).join(', ')}
        </Fact>
      )}
    </div>
  );
}
