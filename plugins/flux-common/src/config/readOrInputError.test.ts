import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readOrInputError } from './readOrInputError';

describe('readOrInputError', () => {
  it('returns what the read returns', () => {
    const config = new ConfigReader({ flux: { pollSeconds: 5 } });
    expect(readOrInputError(() => config.getNumber('flux.pollSeconds'))).toBe(
      5,
    );
  });

  it('turns a config type error into an InputError naming the key', () => {
    const config = new ConfigReader({ flux: { pollSeconds: 'often' } });
    const read = () =>
      readOrInputError(() => config.getNumber('flux.pollSeconds'));
    expect(read).toThrow(InputError);
    expect(read).toThrow(/flux\.pollSeconds/);
  });

  it('passes InputErrors through unchanged', () => {
    const original = new InputError('bad');
    expect(() =>
      readOrInputError(() => {
        throw original;
      }),
    ).toThrow(original);
  });
});
