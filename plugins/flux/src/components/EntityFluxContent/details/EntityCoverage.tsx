import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  FluxAlertCoverage,
  FluxClusterEntityStatus,
  FluxEntityCoverage,
  FluxImageUpdate,
  FluxMergeDeployed,
  FluxObjectName,
  FluxReceiverCoverage,
  FluxState,
  ImageComparison,
  MergeDeployedState,
} from '@flux-portal/plugin-flux-common';
import { StateChip } from '../../StateChip';
import { ColumnHeads } from '../../ColumnHeads';
import { Revision } from '../../Revision';
import { RelativeTime } from '../../RelativeTime';

const MERGE = {
  deployed: { state: 'Ready', label: 'Deployed' },
  'not-yet': { state: 'Progressing', label: 'Not yet' },
  unknown: { state: 'Unknown', label: 'Unknown' },
} as const;

const IMAGE = {
  current: { state: 'Ready', label: 'Up to date' },
  outdated: { state: 'Waiting', label: 'Newer image' },
  unknown: { state: 'Unknown', label: 'Cannot compare' },
} as const;

function MergeChip(props: { state: MergeDeployedState }) {
  const { state, label } = MERGE[props.state];
  return <StateChip state={state} label={label} />;
}

function ImageChip(props: { comparison: ImageComparison }) {
  const { state, label } = IMAGE[props.comparison];
  return <StateChip state={state} label={label} />;
}

/** A chip after text, spaced. */
function Flag(props: { state: FluxState | 'Missing'; label?: string }) {
  return (
    <>
      {' '}
      <StateChip state={props.state} label={props.label} />
    </>
  );
}

const named = (o: FluxObjectName) => `${o.kind} ${o.namespace}/${o.name}`;

function Part(props: { title: string; children: React.ReactNode }) {
  return (
    <Box mb={2}>
      <Typography variant="subtitle1" component="h3" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

/**
 * "Is my merge deployed": the commit the entity's current content was first
 * read at against what each Kustomization applied; each row says why.
 */
function MergeDeployed(props: {
  merge: FluxMergeDeployed;
  cluster: FluxClusterEntityStatus;
}) {
  const { merge, cluster } = props;
  const sourceUrlOf = (o: FluxObjectName) =>
    cluster.objects.find(
      x =>
        x.kind === o.kind && x.namespace === o.namespace && x.name === o.name,
    )?.source?.url;
  return (
    <Part title="Is my merge deployed?">
      <Box display="flex" alignItems="center" style={{ gap: 8 }} mb={1}>
        <MergeChip state={merge.state} />
        <Typography variant="body2">
          {merge.catalogCommit ? (
            <>
              The catalog first read this entity's current content at commit{' '}
              <Revision
                revision={`sha1:${merge.catalogCommit}`}
                sourceUrl={sourceUrlOf(merge.objects[0])}
              />
              {merge.catalogReadAt && (
                <>
                  , <RelativeTime iso={merge.catalogReadAt} />
                </>
              )}
            </>
          ) : (
            'The catalog has not recorded which commit it read.'
          )}
        </Typography>
      </Box>
      <Table size="small" aria-label="Merge deployed per Kustomization">
        <ColumnHeads
          columns={['Kustomization', 'Applied', 'Deployed', 'Why']}
        />
        <TableBody>
          {merge.objects.map(o => (
            <TableRow key={`${o.namespace}/${o.name}`}>
              <TableCell>
                {o.namespace}/{o.name}
              </TableCell>
              <TableCell>
                <Revision
                  revision={o.appliedRevision}
                  sourceUrl={sourceUrlOf(o)}
                />
              </TableCell>
              <TableCell>
                <MergeChip state={o.state} />
              </TableCell>
              <TableCell>{o.reason}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Part>
  );
}

function Images(props: { images: FluxImageUpdate[] }) {
  const { images } = props;
  return (
    <Part title="Image updates">
      {images.length === 0 ? (
        <Typography variant="body2">
          No ImagePolicy selects an image this entity runs.
        </Typography>
      ) : (
        <Table size="small" aria-label="Image updates">
          <ColumnHeads
            columns={[
              'ImagePolicy',
              'Latest',
              'Deployed',
              'Status',
              'Automation',
            ]}
          />
          <TableBody>
            {images.map(update => (
              <TableRow
                key={`${update.policy.namespace}/${update.policy.name}`}
              >
                <TableCell>
                  {update.policy.namespace}/{update.policy.name}{' '}
                  {update.state !== 'Ready' && (
                    <StateChip state={update.state} />
                  )}
                </TableCell>
                <TableCell>
                  <code>{update.latestImage ?? 'none selected yet'}</code>
                </TableCell>
                <TableCell>
                  {update.deployed.map(d => (
                    <div
                      key={`${d.workload.kind}/${d.workload.namespace}/${d.workload.name}/${d.container}`}
                    >
                      <code>{d.image}</code>{' '}
                      <Typography
                        component="span"
                        variant="body2"
                        color="textSecondary"
                      >
                        ({d.workload.kind} {d.workload.name}/{d.container})
                      </Typography>
                    </div>
                  ))}
                </TableCell>
                <TableCell>
                  <ImageChip comparison={update.comparison} />
                </TableCell>
                <TableCell>
                  {update.automations.length === 0
                    ? 'none: updates are not written to Git'
                    : update.automations.map(a => (
                        <div key={`${a.namespace}/${a.name}`}>
                          {a.namespace}/{a.name} <StateChip state={a.state} />
                        </div>
                      ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Part>
  );
}

function Alerts(props: { alerts: FluxAlertCoverage[] }) {
  const { alerts } = props;
  if (alerts.length === 0)
    return (
      <Typography variant="body2" gutterBottom>
        No Alert covers this entity's Flux objects: their failures notify no
        one.
      </Typography>
    );
  return (
    <Table size="small" aria-label="Alerts">
      <ColumnHeads columns={['Alert', 'Events', 'Provider', 'Covers']} />
      <TableBody>
        {alerts.map(alert => (
          <TableRow key={`${alert.namespace}/${alert.name}`}>
            <TableCell>
              {alert.namespace}/{alert.name}
              {alert.suspended && <Flag state="Suspended" />}
            </TableCell>
            <TableCell>
              {alert.eventSeverity === 'error' ? 'errors only' : 'all'}
            </TableCell>
            <TableCell>
              {alert.provider.name}
              {alert.provider.type ? ` (${alert.provider.type}` : ''}
              {alert.provider.channel ? ` ${alert.provider.channel}` : ''}
              {alert.provider.type ? ')' : ''}
              {alert.provider.missing && (
                <Flag state="Missing" label="Provider missing" />
              )}
              {alert.provider.suspended && <Flag state="Suspended" />}
            </TableCell>
            <TableCell>{alert.covers.map(named).join(', ')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Receivers(props: { receivers: FluxReceiverCoverage[] }) {
  const { receivers } = props;
  if (receivers.length === 0)
    return (
      <Typography variant="body2">
        No Receiver reconciles this entity's objects on a webhook: changes are
        picked up at each interval.
      </Typography>
    );
  return (
    <Table size="small" aria-label="Receivers">
      <ColumnHeads columns={['Receiver', 'Webhook', 'Reconciles', 'State']} />
      <TableBody>
        {receivers.map(receiver => (
          <TableRow key={`${receiver.namespace}/${receiver.name}`}>
            <TableCell>
              {receiver.namespace}/{receiver.name}
            </TableCell>
            <TableCell>
              {receiver.type ?? ''}
              {receiver.events.length > 0
                ? ` (${receiver.events.join(', ')})`
                : ''}
            </TableCell>
            <TableCell>{receiver.triggers.map(named).join(', ')}</TableCell>
            <TableCell>
              <StateChip state={receiver.state} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * What concerns the entity in one cluster beyond its appliers: whether the
 * commit its content was read at is applied, image updates (latest vs deployed)
 * and who is notified. A part the cluster cannot tell (its controller is
 * not installed) is left out.
 */
export function EntityCoverage(props: { cluster: FluxClusterEntityStatus }) {
  const coverage: FluxEntityCoverage | undefined = props.cluster.coverage;
  if (!coverage) return null;
  const { merge, images, alerts, receivers } = coverage;
  return (
    <Box mt={2} data-testid="flux-coverage">
      {merge && <MergeDeployed merge={merge} cluster={props.cluster} />}
      {images && <Images images={images} />}
      {(alerts || receivers) && (
        <Part title="Notifications">
          {alerts && <Alerts alerts={alerts} />}
          {receivers && <Receivers receivers={receivers} />}
        </Part>
      )}
    </Box>
  );
}
