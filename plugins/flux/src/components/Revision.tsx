import Link from '@material-ui/core/Link';
import Tooltip from '@material-ui/core/Tooltip';
import { commitUrl, shortRevision } from '../lib/revision';

/** A revision in short form; a link to the commit when the source is on a known Git host. */
export function Revision(props: { revision?: string; sourceUrl?: string }) {
  const { revision, sourceUrl } = props;
  const text = shortRevision(revision);
  const href = commitUrl(sourceUrl, revision);
  const body = href ? (
    <Link href={href} target="_blank" rel="noopener noreferrer">
      {text}
    </Link>
  ) : (
    <span>{text}</span>
  );
  return revision ? (
    <Tooltip title={revision}>
      <code>{body}</code>
    </Tooltip>
  ) : (
    <code>{body}</code>
  );
}
