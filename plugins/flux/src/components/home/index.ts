export { FailingObjectsWidget } from './FailingObjectsWidget';
export { MyEntitiesWidget } from './MyEntitiesWidget';
export { RecentDeploysWidget } from './RecentDeploysWidget';
