import { clusterName } from './clusterName';

describe('clusterName', () => {
  it.each([
    ['contour', 'contour'],
    ['resource:default/contour', 'contour'],
    ['resource:contour', 'contour'],
    ['Resource:team-a/staging', 'staging'],
  ])('%s is cluster %s', (value, name) => {
    expect(clusterName(value)).toBe(name);
  });
});
