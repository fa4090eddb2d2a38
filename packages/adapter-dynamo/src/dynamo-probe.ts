import { type DynamoDriver, isAws } from './dynamo-driver.js';

/** What the adapter adapts to on the endpoint it talks to. */
export interface DynamoFeatures {
  /**
   * CreateTable carries the table's GSIs (true on AWS). False on DynamoDB Local, where each GSI is
   * added by an UpdateTable of its own after the CreateTable: DynamoDB Local (3.x) builds no SQLite
   * index for a CreateTable's GSI whose keys repeat an earlier GSI's or are all table or LSI keys,
   * and deleting that GSI later fails inside the emulator, which then reports it DELETING for ever
   * (tooling/reliability finding 42). A GSI added by UpdateTable always gets its own index.
   */
  readonly gsisInCreateTable: boolean;
  /**
   * Tags (TagResource, UntagResource, ListTagsOfResource, CreateTable `Tags`). Absent: true.
   * False on DynamoDB Local ("Tagging is not currently supported in DynamoDB Local").
   */
  readonly tagging?: boolean;
  /** Point-in-time recovery (UpdateContinuousBackups, DescribeContinuousBackups). Absent: true. False on DynamoDB Local (UnknownOperationException). */
  readonly pointInTimeRecovery?: boolean;
  /**
   * Server-side encryption settings (SSESpecification, SSEDescription). Absent: true. False on
   * DynamoDB Local, which accepts an SSESpecification in CreateTable and drops it without a word,
   * and answers an UpdateTable of it alone with "Nothing to update".
   */
  readonly encryptionSettings?: boolean;
}

/** What DynamoDB Local (3.x) lacks. */
export const LOCAL_FEATURES: DynamoFeatures = { gsisInCreateTable: false, tagging: false, pointInTimeRecovery: false, encryptionSettings: false };

/** AWS DynamoDB (and anything that answers DescribeEndpoints). */
export const AWS_FEATURES: DynamoFeatures = { gsisInCreateTable: true, tagging: true, pointInTimeRecovery: true, encryptionSettings: true };

/**
 * Tells DynamoDB Local from AWS: DynamoDB Local answers DescribeEndpoints with
 * UnknownOperationException, AWS with its endpoints. Any other failure (e.g. missing
 * permission) is taken as AWS. Reads nothing else and writes nothing.
 * @example const features = await probeFeatures(driver); // DynamoDB Local: LOCAL_FEATURES
 */
export async function probeFeatures(driver: DynamoDriver): Promise<DynamoFeatures> {
  try {
    await driver.send('DescribeEndpoints', {});
    return AWS_FEATURES;
  } catch (error) {
    return isAws(error, 'UnknownOperationException') ? LOCAL_FEATURES : AWS_FEATURES;
  }
}
