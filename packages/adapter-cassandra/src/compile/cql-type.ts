import { ValidationError } from '@ductape/core';

/** A CQL type read from its text: a name with its `<…>` arguments (types, or a vector's dimension). */
export interface CqlType {
  readonly name: string;
  readonly args: readonly (CqlType | number)[];
}

/** Cassandra's scalar types (`varchar` is text's alias). Any other bare name is a user-defined type. */
export const CQL_SCALARS: ReadonlySet<string> = new Set([
  'ascii',
  'bigint',
  'blob',
  'boolean',
  'counter',
  'date',
  'decimal',
  'double',
  'duration',
  'float',
  'inet',
  'int',
  'smallint',
  'text',
  'time',
  'timestamp',
  'timeuuid',
  'tinyint',
  'uuid',
  'varchar',
  'varint',
]);

const COLLECTIONS = new Set(['list', 'set', 'map']);
const ARITY: { readonly [name: string]: number } = { list: 1, set: 1, map: 2, frozen: 1, vector: 2 };
const TOKEN = /\s*([A-Za-z][A-Za-z0-9_]*|[0-9]+|[<>,])/y;

/**
 * Reads a CQL type text (`map<text, frozen<list<int>>>`, `vector<float, 3>`) and checks it as
 * Cassandra would, before any IO: arity of list/set/map/frozen/vector; `counter` only as a
 * column's own type; collections and user-defined types inside a collection frozen; `frozen<…>`
 * only around a collection, tuple or user-defined type; a vector of a scalar with a dimension of
 * 1 or more. Throws ValidationError (`invalid_native_type`) naming the field.
 * @example parseCql('set<frozen<address>>', 'users.homes') // { name: 'set', args: [{ name: 'frozen', args: [{ name: 'address', args: [] }] }] }
 */
export function parseCql(text: string, where: string): CqlType {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length && !/^\s*$/.test(text.slice(TOKEN.lastIndex))) {
    const m = TOKEN.exec(text);
    if (!m) invalid(where, text, `unexpected ${JSON.stringify(text.slice(TOKEN.lastIndex, TOKEN.lastIndex + 10))}`);
    tokens.push(m[1] as string);
  }
  let at = 0;
  const type = (): CqlType => {
    const name = tokens[at++];
    if (name === undefined || !/^[A-Za-z]/.test(name)) invalid(where, text, `expected a type name, got ${JSON.stringify(name ?? 'the end')}`);
    if (tokens[at] !== '<') return { name: name.toLowerCase(), args: [] };
    at++;
    const args: (CqlType | number)[] = [];
    for (;;) {
      const next = tokens[at];
      if (next !== undefined && /^[0-9]+$/.test(next)) {
        args.push(Number(next));
        at++;
      } else args.push(type());
      const sep = tokens[at++];
      if (sep === '>') break;
      if (sep !== ',') invalid(where, text, `expected "," or ">" after an argument of ${name}`);
    }
    return { name: name.toLowerCase(), args };
  };
  const parsed = type();
  if (at !== tokens.length) invalid(where, text, `unexpected ${JSON.stringify(tokens[at])} after the type`);
  check(parsed, where, text, 'column');
  return parsed;
}

/** What holds a type: the column itself, a collection, frozen<…>, a tuple, or a vector. */
type Holder = 'column' | 'collection' | 'frozen' | 'tuple' | 'vector';

function check(t: CqlType, where: string, text: string, holder: Holder): void {
  const arity = ARITY[t.name];
  if (arity !== undefined && t.args.length !== arity) invalid(where, text, `${t.name}<…> takes ${arity} argument${arity > 1 ? 's' : ''}, got ${t.args.length}`);
  if (t.name === 'tuple' && t.args.length === 0) invalid(where, text, 'tuple<…> needs at least one type');
  if (arity === undefined && t.name !== 'tuple' && t.args.length > 0) invalid(where, text, `${t.name} takes no <…> arguments`);
  if (t.name === 'counter' && holder !== 'column') invalid(where, text, 'counter is a column type only; it cannot be inside a collection, tuple or frozen type');
  const udt = t.args.length === 0 && !CQL_SCALARS.has(t.name) && !COLLECTIONS.has(t.name) && t.name !== 'tuple';
  if (holder === 'collection' && (COLLECTIONS.has(t.name) || udt)) {
    invalid(where, text, `a ${udt ? 'user-defined type' : 'collection'} inside a collection must be frozen: write frozen<${render(t)}>`);
  }
  if (t.name === 'frozen') {
    const inner = t.args[0];
    if (typeof inner === 'number' || (inner && inner.args.length === 0 && CQL_SCALARS.has(inner.name))) invalid(where, text, 'frozen<…> holds a collection, a tuple or a user-defined type');
  }
  if (t.name === 'vector') {
    const [element, dimension] = t.args;
    if (typeof element !== 'object' || element.args.length > 0 || !CQL_SCALARS.has(element.name) || element.name === 'counter') {
      invalid(where, text, 'a vector holds a scalar type, e.g. vector<float, 768>');
    }
    if (typeof dimension !== 'number' || dimension < 1) invalid(where, text, 'a vector needs a dimension of 1 or more, e.g. vector<float, 768>');
  } else {
    t.args.forEach((a) => {
      if (typeof a === 'number') invalid(where, text, `${t.name}<…> takes types, not the number ${a}`);
    });
  }
  const inner: Holder = COLLECTIONS.has(t.name) ? 'collection' : t.name === 'frozen' ? 'frozen' : t.name === 'tuple' ? 'tuple' : 'vector';
  for (const a of t.args) if (typeof a === 'object') check(a, where, text, inner);
}

/**
 * A CQL type as text, in Cassandra's own spelling (`map<text, int>`).
 * @example render({ name: 'set', args: [{ name: 'text', args: [] }] }) // 'set<text>'
 */
export function render(t: CqlType): string {
  return t.args.length === 0 ? t.name : `${t.name}<${t.args.map((a) => (typeof a === 'number' ? String(a) : render(a))).join(', ')}>`;
}

function invalid(where: string, text: string, problem: string): never {
  throw new ValidationError(`field "${where}"`, [{ code: 'invalid_native_type', path: 'native', message: `native ${JSON.stringify(text)} is not a CQL type Cassandra accepts: ${problem}` }]);
}
