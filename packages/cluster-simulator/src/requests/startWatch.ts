/** A watch request: its parameters checked and read, then a WatchStream tracked until it closes. */
import { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, badRequest } from '../apiStatus';
import { ClusterObject } from '../clusterObject';
import { isTrue } from '../http/queryFlags';
import { ResourceType } from '../resources';
import { parseFieldSelector, parseLabelSelector } from '../selectors';
import { ObjectStore } from '../store';
import { WatchStream } from '../watchStream';

export interface WatchTarget {
  type: ResourceType;
  namespace: string | undefined;
  params: URLSearchParams;
  present: (obj: ClusterObject) => ClusterObject;
}

export function startWatch(
  req: IncomingMessage,
  res: ServerResponse,
  store: ObjectStore,
  open: Set<WatchStream>,
  bookmarkIntervalMs: number,
  { type, namespace, params, present }: WatchTarget,
) {
  const labels = parseLabelSelector(params.get('labelSelector'));
  const fields = parseFieldSelector(params.get('fieldSelector'), type);
  const rvText = params.get('resourceVersion');
  const resourceVersion = rvText ? Number(rvText) : 0;
  if (!Number.isInteger(resourceVersion) || resourceVersion < 0) {
    throw new ApiError(badRequest(`invalid resource version: ${rvText}`));
  }
  const timeout = params.get('timeoutSeconds');
  const stream = new WatchStream(
    req,
    res,
    store,
    {
      type,
      namespace,
      matches: o => labels(o) && fields(o),
      resourceVersion,
      allowBookmarks: isTrue(params.get('allowWatchBookmarks')),
      bookmarkIntervalMs,
      timeoutSeconds: timeout ? Number(timeout) : undefined,
      present,
    },
    s => open.delete(s),
  );
  open.add(stream);
  stream.start();
}
