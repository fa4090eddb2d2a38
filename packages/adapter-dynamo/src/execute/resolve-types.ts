import type { DynamoKeyType } from '@ductape/core';
import type { CommandArgs } from '../compile/step.js';

type Input = CommandArgs['input'];

/** Finds the key type of `collection.attribute` (from the table and the recorded fields), or undefined. */
export type KeyTypeLookup = (collection: string, attribute: string) => Promise<DynamoKeyType | undefined>;

/**
 * The input with the AttributeDefinitions of `resolveTypes` attributes set to their known type;
 * unknown ones stay as compiled (S).
 * @example await resolveKeyTypes(args, lookup) // AttributeDefinitions: [{ AttributeName: 'age', AttributeType: 'N' }]
 */
export async function resolveKeyTypes(args: CommandArgs, lookup: KeyTypeLookup): Promise<Input> {
  const r = args.resolveTypes;
  const defs = args.input.AttributeDefinitions;
  if (!r || !Array.isArray(defs)) return args.input;
  const resolved = await Promise.all(
    (defs as { AttributeName: string; AttributeType: string }[]).map(async (d) => {
      if (!r.attributes.includes(d.AttributeName)) return d;
      // A renamed attribute's type is recorded under its old name (the table defines the new one only once a key uses it).
      const source = r.sources?.[d.AttributeName];
      const type = (await lookup(r.collection, d.AttributeName)) ?? (source ? await lookup(r.collection, source) : undefined);
      return { AttributeName: d.AttributeName, AttributeType: type ?? d.AttributeType };
    }),
  );
  return { ...args.input, AttributeDefinitions: resolved };
}
