import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { FluxState } from '@flux-portal/plugin-flux-common';

/**
 * Dark backgrounds with white text: every pair has a contrast ratio of at
 * least 4.5:1 (WCAG AA for small text), and the state is always written
 * out, never conveyed by colour alone.
 */
const COLOURS: Record<FluxState | 'Missing', string> = {
  Ready: '#1b5e20',
  Progressing: '#0d47a1',
  Failed: '#b71c1c',
  Suspended: '#424242',
  Waiting: '#bf360c',
  Stale: '#6a1b9a',
  Unknown: '#455a64',
  Missing: '#455a64',
};

const useStyles = makeStyles({
  chip: { color: '#fff', fontWeight: 600, margin: 0 },
});

/** A Flux state as a labelled, colour-coded chip. @public */
export function StateChip(props: {
  state: FluxState | 'Missing';
  size?: 'small' | 'medium';
  label?: string;
}) {
  const classes = useStyles();
  const { state, size = 'small', label } = props;
  return (
    <Chip
      className={classes.chip}
      size={size}
      style={{ backgroundColor: COLOURS[state] ?? COLOURS.Unknown }}
      label={label ?? state}
      data-testid="flux-state"
      data-state={state}
    />
  );
}
