import Box from '@material-ui/core/Box';
import type { FluxObjectSummary } from '@flux-portal/plugin-flux-common';
import { DependsOnChain } from './details/DependsOnChain';
import { ReleaseHistory } from './details/ReleaseHistory';
import { Inventory } from './details/Inventory';
import { RecentEvents } from './details/RecentEvents';

/** dependsOn chain, HelmRelease history, inventory and events of one object. */
export function ObjectDetails(props: { object: FluxObjectSummary }) {
  const { object } = props;
  return (
    <Box width="100%">
      <DependsOnChain object={object} />
      <ReleaseHistory object={object} />
      <Inventory object={object} />
      <RecentEvents object={object} />
    </Box>
  );
}
