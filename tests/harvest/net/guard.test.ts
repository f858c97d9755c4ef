import { guardedLookup, isPrivateAddress } from '../../../src/harvest/net/guard';

/** Which addresses the harvester refuses to reach. */

test.each([
  '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1',
  '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::1', 'fc00::1', 'ff02::1',
  '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::a00:1', '[::1]',
])('%s is private', (a) => expect(isPrivateAddress(a)).toBe(true));

test.each(['8.8.8.8', '172.32.0.1', '192.169.0.1', '2400:3200::1', '::ffff:8.8.8.8', 'www.example.gov.cn'])('%s is not', (a) => {
  expect(isPrivateAddress(a)).toBe(false);
});

test('the lookup refuses a name that resolves to a loopback address, in both of its calling forms', async () => {
  const one = await new Promise<NodeJS.ErrnoException | null>((r) => guardedLookup('localhost', {}, (err) => r(err)));
  expect(one).toMatchObject({ code: 'EPRIVATE', message: expect.stringMatching(/^localhost resolves to/) });
  const all = await new Promise<NodeJS.ErrnoException | null>((r) => guardedLookup('localhost', { all: true }, (err) => r(err)));
  expect(all).toMatchObject({ code: 'EPRIVATE' });
});
