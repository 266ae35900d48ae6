import Tooltip from '@material-ui/core/Tooltip';
import { relativeTime } from '../lib/time';

/** "3 minutes ago", with the exact time on hover. */
export function RelativeTime(props: { iso?: string }) {
  const text = relativeTime(props.iso);
  return props.iso ? (
    <Tooltip title={props.iso}>
      <time dateTime={props.iso}>{text}</time>
    </Tooltip>
  ) : (
    <span>{text}</span>
  );
}
