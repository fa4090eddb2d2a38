import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { InvalidArgumentError } from '@ductape/core';

/** The settings-object form of a connection. Credentials default to the AWS provider chain. */
export interface DynamoConnectionSettings {
  /** e.g. 'http://127.0.0.1:8000' for DynamoDB Local; omit for AWS. */
  readonly endpoint?: string;
  readonly region?: string;
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * The AWS SDK client config of a connection: a URL `dynamodb://host:port?region=…` (http for
 * localhost or `tls=false`, https otherwise; `dynamodb://?region=eu-west-1` or `dynamodb://aws`
 * for AWS itself; optional `accessKeyId:secretAccessKey@` user info), or a settings object.
 * @example clientConfig('dynamodb://localhost:8000?region=us-east-1').endpoint // 'http://localhost:8000'
 */
export function clientConfig(connection: string | DynamoConnectionSettings | { readonly [key: string]: unknown }): DynamoDBClientConfig {
  if (typeof connection !== 'string') return fromSettings(connection as DynamoConnectionSettings);
  let url: URL;
  try {
    url = new URL(connection);
  } catch {
    throw new InvalidArgumentError('the DynamoDB connection', 'a URL like dynamodb://localhost:8000?region=us-east-1', '(unparsable URL)');
  }
  if (url.protocol !== 'dynamodb:') throw new InvalidArgumentError('the DynamoDB connection', 'a dynamodb:// URL', `a ${url.protocol} URL`);
  const region = url.searchParams.get('region') ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const local = LOCAL_HOSTS.has(url.hostname);
  const tls = url.searchParams.get('tls') ?? (local ? 'false' : 'true');
  const endpoint = url.hostname && url.hostname !== 'aws' ? `${tls === 'false' ? 'http' : 'https'}://${url.host}` : undefined;
  const user = decodeURIComponent(url.username);
  const credentials = user ? { accessKeyId: user, secretAccessKey: decodeURIComponent(url.password) } : local ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined;
  return { region, ...(endpoint ? { endpoint } : {}), ...(credentials ? { credentials } : {}) };
}

function fromSettings(s: DynamoConnectionSettings): DynamoDBClientConfig {
  if (typeof s !== 'object' || s === null) throw new InvalidArgumentError('the DynamoDB connection', 'a URL or { endpoint?, region?, credentials? }', s);
  if (s.endpoint !== undefined && typeof s.endpoint !== 'string') throw new InvalidArgumentError('connection.endpoint', 'a URL string', s.endpoint);
  const region = s.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  return { region, ...(s.endpoint ? { endpoint: s.endpoint } : {}), ...(s.credentials ? { credentials: { ...s.credentials } } : {}) };
}
