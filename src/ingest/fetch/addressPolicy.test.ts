import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseIPv6, whyBlocked } from './addressPolicy.ts';
import { isBlockedAddress } from './index.ts';

describe('isBlockedAddress', () => {
  test('refuses each special IPv4 range at both ends', () => {
    const blocked = [
      '0.0.0.0', '0.255.255.255', '10.0.0.0', '10.255.255.255', '100.64.0.0', '100.127.255.255',
      '127.0.0.1', '127.255.255.255', '169.254.0.0', '169.254.255.255', '172.16.0.0', '172.31.255.255',
      '192.0.0.0', '192.0.0.255', '192.0.2.0', '192.0.2.255', '192.88.99.1', '192.168.0.0', '192.168.255.255',
      '198.18.0.0', '198.19.255.255', '198.51.100.0', '198.51.100.255', '203.0.113.0', '203.0.113.255',
      '224.0.0.0', '239.255.255.255', '240.0.0.0', '255.255.255.255',
    ];
    assert.deepEqual(blocked.filter((address) => !isBlockedAddress(address)), []);
  });

  test('lets through the public addresses just outside each range', () => {
    const open = [
      '1.0.0.1', '9.255.255.255', '11.0.0.0', '100.63.255.255', '100.128.0.0', '126.255.255.255', '128.0.0.0',
      '169.253.255.255', '169.255.0.0', '172.15.255.255', '172.32.0.0', '192.0.1.0', '192.0.3.0', '192.88.98.255',
      '192.88.100.0', '192.167.255.255', '192.169.0.0', '198.17.255.255', '198.20.0.0', '198.51.99.255',
      '198.51.101.0', '203.0.112.255', '203.0.114.0', '223.255.255.255', '93.184.216.34', '8.8.8.8',
    ];
    assert.deepEqual(open.filter(isBlockedAddress), []);
  });

  test('refuses special IPv6 ranges and anything outside global unicast', () => {
    const blocked = [
      '::', '::1', '::127.0.0.1', '::ffff:0:7f00:1', 'fc00::1', 'fdff:ffff::1', 'fe80::1', 'febf:ffff::1',
      'fec0::1', 'ff02::1', '100::1', '2001::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2', '2001:1ff::1',
      '2001:db8::1', '3fff::1', '5f00::1', '64:ff9b:1::a00:1', '4000::1', '1::1', 'fe80::1%eth0',
    ];
    assert.deepEqual(blocked.filter((address) => !isBlockedAddress(address)), []);
  });

  test('judges IPv4-mapped, NAT64 and 6to4 addresses by the IPv4 address inside', () => {
    assert.equal(isBlockedAddress('::ffff:127.0.0.1'), true);
    assert.equal(isBlockedAddress('::ffff:7f00:1'), true);
    assert.equal(isBlockedAddress('::ffff:0.0.0.0'), true);
    assert.equal(isBlockedAddress('64:ff9b::a9fe:a9fe'), true);
    assert.equal(isBlockedAddress('2002:a9fe:a9fe::1'), true);
    assert.equal(isBlockedAddress('::ffff:93.184.216.34'), false);
    assert.equal(isBlockedAddress('64:ff9b::808:808'), false);
    assert.equal(isBlockedAddress('2002:808:808::1'), false);
    assert.match(whyBlocked('64:ff9b::7f00:1') ?? '', /NAT64 form of 127\.0\.0\.1, a loopback address/);
  });

  test('lets through public IPv6 addresses', () => {
    const open = ['2606:4700:4700::1111', '2001:4860:4860::8888', '2001:200::1', '2a00:1450:4001::200e', '3ffe::1'];
    assert.deepEqual(open.filter(isBlockedAddress), []);
  });

  test('fails closed on anything that is not an address', () => {
    for (const text of ['', 'localhost', 'example.com', '127.1', '0x7f000001', '1.2.3.4.5', '[::1', 'fe80::1%']) {
      assert.equal(isBlockedAddress(text), true, text);
    }
  });
});

describe('parseIPv6', () => {
  test('expands "::" and a dotted IPv4 tail into eight groups', () => {
    assert.deepEqual(parseIPv6('::1'), [0, 0, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(parseIPv6('2001:db8::'), [0x2001, 0xdb8, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(parseIPv6('::ffff:10.0.0.1'), [0, 0, 0, 0, 0, 0xffff, 0x0a00, 1]);
    assert.deepEqual(parseIPv6('1:2:3:4:5:6:7:8'), [1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
