import { describe, expect, it } from 'vitest';
import { galeraDefaults, galeraPorts } from '../../src/galera-config.mjs';
import { galeraEnv } from '../../src/galera.mjs';

describe('galera cluster settings', () => {
  it('gives every node its own ports and lists all three in the cluster address', () => {
    const ports = [1, 2, 3].map(galeraPorts);
    const used = ports.flatMap((p) => [p.port, p.gcomm, p.ist, p.sst]);
    expect(new Set(used).size).toBe(12);
    const ini = galeraDefaults('/tmp/c', 2);
    expect(ini).toContain('port=33062');
    expect(ini).toContain('wsrep_cluster_address=gcomm://127.0.0.1:45671,127.0.0.1:45672,127.0.0.1:45673');
    expect(ini).toContain('datadir=/tmp/c/n2/data');
    expect(ini).toContain('wsrep_sst_method=rsync');
    expect(ini).toMatch(/innodb_buffer_pool_size=32M/);
    expect(ini).toMatch(/gcache\.size=32M/);
  });

  it('writes one URL per node, comma-separated', () => {
    expect(galeraEnv().DUCTAPE_TEST_GALERA_URLS.split(',')).toEqual(['mariadb://root@127.0.0.1:33061/ductape', 'mariadb://root@127.0.0.1:33062/ductape', 'mariadb://root@127.0.0.1:33063/ductape']);
  });
});
