import Typography from '@material-ui/core/Typography';
import type {
  FluxSourceSummary,
  FluxSourceVerification,
} from '@flux-portal/plugin-flux-common';
import { StateChip } from '../../StateChip';

const SHOWN = {
  verified: { state: 'Ready', label: 'Signature verified' },
  failed: { state: 'Failed', label: 'Signature check failed' },
  pending: { state: 'Progressing', label: 'Signature not checked yet' },
  'not-configured': { state: 'Unknown', label: 'Signature not verified' },
} as const;

/**
 * A source's signature verification beside it: verified, failed (with the
 * controller's message), pending; "not verified" only for OCI artifacts,
 * where verifying is the norm (Git sources without it are the usual case).
 */
export function SourceVerification(props: { source?: FluxSourceSummary }) {
  const verification: FluxSourceVerification | undefined =
    props.source?.verification;
  if (!verification) return null;
  if (
    verification.status === 'not-configured' &&
    props.source?.kind !== 'OCIRepository'
  )
    return null;
  const shown = SHOWN[verification.status];
  const provider = verification.provider ? ` (${verification.provider})` : '';
  return (
    <>
      {' '}
      <StateChip state={shown.state} label={`${shown.label}${provider}`} />
      {verification.status === 'failed' && verification.message && (
        <Typography component="span" variant="body2">
          {' '}
          {verification.message}
        </Typography>
      )}
    </>
  );
}
