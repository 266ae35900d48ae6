import { ConfigReader, JsonValue } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readFluxAdminGroups } from './readFluxAdminGroups';

const read = (adminGroups: JsonValue) =>
  readFluxAdminGroups(new ConfigReader({ flux: { adminGroups } }));

describe('readFluxAdminGroups', () => {
  it('reads full group refs; none without config', () => {
    expect(read(['group:default/platform-team', 'group:ops/sre'])).toEqual([
      'group:default/platform-team',
      'group:ops/sre',
    ]);
    expect(readFluxAdminGroups(new ConfigReader({}))).toEqual([]);
  });

  it.each([
    ['group:default/platform-team', "'flux.adminGroups'"],
    [
      ['platform-team'],
      "flux.adminGroups[0] must be a group ref such as group:default/platform-team, not 'platform-team'",
    ],
    [['group:platform-team'], 'flux.adminGroups[0] must be a group ref'],
    [
      ['group:default/a', 'user:default/b'],
      "flux.adminGroups[1] must be a group ref such as group:default/platform-team, not 'user:default/b'",
    ],
  ])('refuses %j with an InputError naming the key', (adminGroups, message) => {
    expect(() => read(adminGroups)).toThrow(InputError);
    expect(() => read(adminGroups)).toThrow(message);
  });
});
