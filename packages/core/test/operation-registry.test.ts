import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OPERATIONS, OPERATION_TYPES, type Operation, compileWith, operationModule } from '../src/index.js';

const opsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../src/ops');
const kebab = (type: string) => type.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

describe('one module per operation', () => {
  it('registers every operation type once, under its own type, in a file named for it', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual([...OPERATION_TYPES].sort());
    for (const [type, module] of Object.entries(OPERATIONS)) expect(module.type).toBe(type);
    const files = readdirSync(opsDir);
    for (const type of OPERATION_TYPES) expect(files, type).toContain(`${kebab(type)}.ts`);
  });

  it('finds no module for what is not an operation type, inherited names included', () => {
    for (const type of ['toString', '__proto__', 'constructor', 'nope', 42]) expect(operationModule({ type } as unknown as Operation)).toBeUndefined();
    expect(operationModule({ type: 'addField' } as Operation)).toBe(OPERATIONS.addField);
  });

  it('compileWith runs the compiler of the op type and refuses an unknown type', () => {
    const compilers = Object.fromEntries(OPERATION_TYPES.map((t) => [t, (op: Operation, n: number) => `${op.type}:${n}`])) as never;
    expect(compileWith<number, string>(compilers, { type: 'dropCollection', name: 't' }, 7)).toBe('dropCollection:7');
    expect(() => compileWith<number, string>(compilers, { type: 'toString' } as unknown as Operation, 7)).toThrow(/a known operation/);
  });
});
