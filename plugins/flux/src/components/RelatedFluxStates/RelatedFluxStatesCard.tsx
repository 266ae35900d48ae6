import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { rollUpStates } from '@flux-portal/plugin-flux-common';
import { useRelatedFluxStates } from '../../hooks/useRelatedFluxStates';
import { StateChip } from '../StateChip';
import { EntityStatesTable } from './EntityStatesTable';

export interface RelatedFluxStatesCardProps {
  /** e.g. "Depended on by", "Members". */
  title: string;
  /** The catalog relation type whose targets are listed. */
  relationType: string;
  /** Said when there are none. */
  emptyText: string;
  /** Whether to show the worst member state next to the title (a System's health). */
  rollUp?: boolean;
}

/**
 * The entities at the other end of a relation, with their Flux states,
 * worst first, counted by state: what depends on a Resource, or the
 * members of a System and their health.
 */
export function RelatedFluxStatesCard(props: RelatedFluxStatesCardProps) {
  const { title, relationType, emptyText, rollUp } = props;
  const { entity } = useEntity();
  const related = useRelatedFluxStates(entity, relationType);
  if (related.loading)
    return (
      <InfoCard title={title}>
        <Progress />
      </InfoCard>
    );
  if ('error' in related)
    return (
      <InfoCard title={title}>
        <ResponseErrorPanel error={related.error} />
      </InfoCard>
    );
  const rows = related.value;
  const states = rows.flatMap(r => (r.state ? [r.state] : []));
  return (
    <InfoCard
      title={
        <span data-testid="flux-related-title">
          {title} ({rows.length}){' '}
          {rollUp && states.length > 0 && (
            <StateChip state={rollUpStates(states)} />
          )}
        </span>
      }
    >
      <EntityStatesTable rows={rows} label={title} emptyText={emptyText} />
    </InfoCard>
  );
}
