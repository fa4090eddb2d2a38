import { describe, expect, it } from 'vitest';
import { cassandraYaml } from '../../src/cassandra-config.mjs';
import { ringEnv, ringNodeAddress, ringYamlOptions } from '../../src/cassandra-ring-config.mjs';
import { ringProblem } from '../../src/cassandra-ring-view.mjs';

const schema = 'd03783d7-b468-3c1a-82f1-8e30b2edde8b';
const hosts = ['127.0.0.2', '127.0.0.3', '127.0.0.4'];
const view = (self: string, s = schema) => ({
  bootstrapped: 'COMPLETED',
  schema: s,
  peers: hosts.filter((h) => h !== self).map((address) => ({ address, schema, hostId: `id-${address}` })),
  gossipStatus: Object.fromEntries(hosts.map((h) => [h, 'NORMAL'])),
});

describe('cassandra ring settings', () => {
  it('puts every node on its own loopback address, never 127.0.0.1 (the single node), with its own JMX port', () => {
    const nodes = [1, 2, 3].map(ringNodeAddress);
    expect(nodes.map((n) => n.host)).toEqual(hosts);
    expect(new Set(nodes.map((n) => n.jmxPort)).size).toBe(3);
    expect(ringEnv().DUCTAPE_TEST_CASSANDRA_CLUSTER_HOSTS).toBe('127.0.0.2:9042,127.0.0.3:9042,127.0.0.4:9042');
  });

  it('writes a ring yaml (own address, ring name, node 1 seed, 16 tokens, no bootstrap) and leaves the single node yaml as it was', () => {
    const yaml = cassandraYaml({ dataDir: '/tmp/r/n2', port: 9042, storagePort: 7000, ...ringYamlOptions(2) });
    expect(yaml).toContain('listen_address: 127.0.0.3');
    expect(yaml).toContain('rpc_address: 127.0.0.3');
    expect(yaml).toContain('cluster_name: ductape-ring');
    expect(yaml).toContain('seeds: "127.0.0.2:7000"');
    expect(yaml).toContain('num_tokens: 16');
    expect(yaml).toContain('auto_bootstrap: false');
    const single = cassandraYaml({ dataDir: '/tmp/s', port: 9042, storagePort: 7000 });
    expect(single).toContain('cluster_name: ductape\n');
    expect(single).toContain('seeds: "127.0.0.1:7000"');
    expect(single).toContain('num_tokens: 1\n');
    expect(single).not.toContain('auto_bootstrap');
  });

  it('calls the ring complete only when every node answers, has joined, knows both peers, gossips NORMAL and agrees on the schema', () => {
    expect(
      ringProblem(
        hosts.map((h) => view(h)),
        hosts,
      ),
    ).toBeUndefined();
    expect(ringProblem([view(hosts[0] as string), undefined, view(hosts[2] as string)], hosts)).toBe('127.0.0.3 does not answer CQL');
    expect(ringProblem([view(hosts[0] as string), view(hosts[1] as string), view(hosts[2] as string, 'other')], hosts)).toBe('the nodes report 2 schema versions');
    const joining = { ...view(hosts[1] as string), bootstrapped: 'IN_PROGRESS' };
    expect(ringProblem([view(hosts[0] as string), joining, view(hosts[2] as string)], hosts)).toMatch(/127\.0\.0\.3 has not joined/);
  });
});
