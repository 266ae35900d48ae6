/** Rules behind the per-entity coverage: source verification, image updates, notifications, "is my merge deployed". */
export * from './verification';
export * from './objectRefMatch';
export * from './images';
export * from './mergeDeployed';
export * from './labelSelectorMatch';
