import {
  BatchExecuteStatementCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeContinuousBackupsCommand,
  DescribeEndpointsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  type DynamoDBClientConfig,
  ExecuteStatementCommand,
  ExecuteTransactionCommand,
  GetItemCommand,
  ListTablesCommand,
  ListTagsOfResourceCommand,
  PutItemCommand,
  ScanCommand,
  type TableDescription,
  TagResourceCommand,
  TransactWriteItemsCommand,
  UntagResourceCommand,
  UpdateContinuousBackupsCommand,
  UpdateItemCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { UnsupportedOperationError } from '@ductape/core';
import { errorName, wrapError } from './dynamo-errors.js';

type AnyCommand = new (input: never) => unknown;

const COMMANDS: { readonly [name: string]: AnyCommand } = {
  BatchExecuteStatement: BatchExecuteStatementCommand,
  BatchWriteItem: BatchWriteItemCommand,
  CreateTable: CreateTableCommand,
  DeleteItem: DeleteItemCommand,
  DeleteTable: DeleteTableCommand,
  DescribeContinuousBackups: DescribeContinuousBackupsCommand,
  DescribeEndpoints: DescribeEndpointsCommand,
  DescribeTable: DescribeTableCommand,
  DescribeTimeToLive: DescribeTimeToLiveCommand,
  ExecuteStatement: ExecuteStatementCommand,
  ExecuteTransaction: ExecuteTransactionCommand,
  GetItem: GetItemCommand,
  ListTables: ListTablesCommand,
  ListTagsOfResource: ListTagsOfResourceCommand,
  PutItem: PutItemCommand,
  Scan: ScanCommand,
  TagResource: TagResourceCommand,
  TransactWriteItems: TransactWriteItemsCommand,
  UntagResource: UntagResourceCommand,
  UpdateContinuousBackups: UpdateContinuousBackupsCommand,
  UpdateItem: UpdateItemCommand,
  UpdateTable: UpdateTableCommand,
  UpdateTimeToLive: UpdateTimeToLiveCommand,
};

/** A DynamoDB output as plain data. */
export type Output = { readonly [key: string]: unknown };

/**
 * The one place that talks to DynamoDB: sends a named command, translates failures into
 * DuctapeErrors (redacted), and describes tables.
 * @example const d = new DynamoDriver({ endpoint: 'http://127.0.0.1:8000', region: 'us-east-1' }); await d.describe('users');
 */
export class DynamoDriver {
  readonly client: DynamoDBClient;
  /** True when `client` was given (a fleet's shared client): close() leaves it open. */
  readonly #shared: boolean;

  /** `client`: a client shared with other drivers (DynamoClientPool), used instead of a new one and never destroyed here. */
  constructor(config: DynamoDBClientConfig, client?: DynamoDBClient) {
    this.#shared = client !== undefined;
    this.client = client ?? new DynamoDBClient(config);
  }

  /** Sends `<name>Command` with `input`. Throws DynamoCommandError or DynamoConnectionError. */
  async send(name: string, input: { readonly [key: string]: unknown }): Promise<Output> {
    const Command = COMMANDS[name];
    if (!Command) throw new UnsupportedOperationError('DynamoDB', `the command "${name}"`, 'it is not one of the DynamoDB commands the adapter sends');
    try {
      return (await this.client.send(new Command(input as never) as never)) as unknown as Output;
    } catch (error) {
      throw wrapError(name, typeof input.TableName === 'string' ? input.TableName : '', error);
    }
  }

  /** DescribeTable, or undefined when the table does not exist. */
  async describe(table: string): Promise<TableDescription | undefined> {
    try {
      return (await this.send('DescribeTable', { TableName: table })).Table as TableDescription | undefined;
    } catch (error) {
      if (isAws(error, 'ResourceNotFoundException')) return undefined;
      throw error;
    }
  }

  close(): void {
    if (!this.#shared) this.client.destroy();
  }
}

/**
 * True when `error` (or the AWS error it wraps) has the AWS name `name`.
 * @example isAws(e, 'ConditionalCheckFailedException')
 */
export function isAws(error: unknown, name: string): boolean {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  return errorName(cause) === name || errorName(error) === name;
}
