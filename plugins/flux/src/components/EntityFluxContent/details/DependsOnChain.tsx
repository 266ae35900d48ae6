import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { FluxObjectSummary } from '@flux-portal/plugin-flux-common';
import { StateChip } from '../../StateChip';
import { DetailsSection } from './DetailsSection';

/** The object's dependsOn, each with its state and, when not Ready, why it holds the object back. */
export function DependsOnChain(props: { object: FluxObjectSummary }) {
  const { object } = props;
  if (object.dependsOn.length === 0) return null;
  return (
    <DetailsSection title="Depends on">
      <ol style={{ margin: 0, paddingLeft: 20 }}>
        {object.dependsOn.map(dep => (
          <li key={`${dep.kind}/${dep.namespace}/${dep.name}`}>
            <Box display="flex" alignItems="center" style={{ gap: 8 }} my={0.5}>
              <StateChip state={dep.state} />
              <span>
                {dep.kind} {dep.namespace}/{dep.name}
              </span>
              {dep.state !== 'Ready' && (
                <Typography variant="body2" color="textSecondary">
                  {object.state === 'Waiting' ? `waiting for ${dep.name}` : ''}
                  {dep.message ? ` — ${dep.message}` : ''}
                </Typography>
              )}
            </Box>
          </li>
        ))}
      </ol>
    </DetailsSection>
  );
}
