import Typography from '@material-ui/core/Typography';
import type { FluxObjectSummary } from '@flux-portal/plugin-flux-common';
import { RelativeTime } from '../../RelativeTime';
import { DetailsSection } from './DetailsSection';

/** The object's recent Kubernetes Events, newest first, warnings in the error colour. */
export function RecentEvents(props: { object: FluxObjectSummary }) {
  const events = [...(props.object.events ?? [])].sort((a, b) =>
    b.timestamp.localeCompare(a.timestamp),
  );
  return (
    <DetailsSection title="Events">
      {events.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No recent events.
        </Typography>
      ) : (
        <ul style={{ margin: 0, paddingLeft: 20 }} aria-label="Events">
          {events.map(event => (
            <li
              key={`${event.timestamp}/${event.reason}/${event.object.kind}/${event.object.name}`}
            >
              <Typography
                variant="body2"
                color={event.type === 'Warning' ? 'error' : 'textPrimary'}
              >
                <RelativeTime iso={event.timestamp} /> · {event.type}{' '}
                {event.reason}
                {event.count > 1 ? ` (×${event.count})` : ''}: {event.message}
              </Typography>
            </li>
          ))}
        </ul>
      )}
    </DetailsSection>
  );
}
