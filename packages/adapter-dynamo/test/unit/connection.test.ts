import { describe, expect, it } from 'vitest';
import { clientConfig } from '../../src/dynamo-connection.js';
import { DynamoAdapter } from '../../src/dynamo-adapter.js';
import { createAdapter } from '../../src/index.js';

describe('connection', () => {
  it('reads URLs and settings objects', () => {
    expect(clientConfig('dynamodb://localhost:8000?region=eu-west-1')).toEqual({
      region: 'eu-west-1',
      endpoint: 'http://localhost:8000',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    expect(clientConfig('dynamodb://AK:s%2Fcret@dynamo.internal:443?region=us-east-2')).toEqual({
      region: 'us-east-2',
      endpoint: 'https://dynamo.internal:443',
      credentials: { accessKeyId: 'AK', secretAccessKey: 's/cret' },
    });
    expect(clientConfig('dynamodb://aws?region=ap-south-1')).toEqual({ region: 'ap-south-1' });
    expect(clientConfig({ endpoint: 'http://127.0.0.1:8000', region: 'us-east-1' })).toEqual({ endpoint: 'http://127.0.0.1:8000', region: 'us-east-1' });
    expect(() => clientConfig('postgres://x')).toThrow(/dynamodb:\/\/ URL/);
  });

  it('createAdapter is the sdk entry point and passes options', async () => {
    const adapter = await createAdapter({ connection: 'dynamodb://localhost:8000', product: 'p', database: 'd', env: 'dev', options: { tablePrefix: 'p_dev_' } });
    expect(adapter).toBeInstanceOf(DynamoAdapter);
    expect((adapter as DynamoAdapter).tableName('users')).toBe('p_dev_users');
    expect((adapter as DynamoAdapter).history.table).toBe('p_dev__ductape_migrations');
    await adapter.close();
  });

  it('an unreachable endpoint is a DUCTAPE_CONNECTION error without the secret', async () => {
    const adapter = new DynamoAdapter('dynamodb://AKID:supersecret@127.0.0.1:9?region=us-east-1');
    const error = await adapter.connect().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'DUCTAPE_CONNECTION' });
    expect(String((error as Error).message)).not.toContain('supersecret');
    await adapter.close();
  });

  it('refuses bad options', () => {
    expect(() => new DynamoAdapter('dynamodb://localhost:8000', { pollIntervalMs: 0 })).toThrow(/pollIntervalMs/);
  });
});
