import { migration, type Migration, type Operation, type Step } from '@ductape/core';
import { compilePostgres } from '../../src/index.js';

const AT = new Date('2024-01-15T14:30:52Z');

/** A built migration of the given ops (validated by core, as the engine would). */
export function build(name: string, ...ops: Operation[]): Migration {
  let b = migration(name).at(AT);
  for (const op of ops) b = b.operation(op);
  return b.build();
}

/** Golden form of steps: SQL text (or command) and the flags that change how it runs. */
export function golden(steps: readonly Step[]): string[] {
  return steps.map((s) => {
    const flags = [s.outsideTransaction ? 'outside-tx' : '', 'lockRetry' in s && s.lockRetry ? 'lock-retry' : '', 'replacesInvalidIndex' in s && s.replacesInvalidIndex ? 'drops-invalid-first' : '']
      .filter(Boolean)
      .join(',');
    const body = s.kind === 'statement' ? s.text : s.kind === 'command' ? `${s.name} ${JSON.stringify(s.args)}` : `noop: ${s.reason}`;
    return flags ? `[${flags}] ${body}` : body;
  });
}

/** Compiles every op of `m` in `direction`, as the engine does. */
export function compileAll(m: Migration, direction: 'up' | 'down' = 'up', options: Record<string, unknown> = {}, schema = 'public'): string[] {
  const ops = direction === 'up' ? m.up : m.down;
  return ops.flatMap((op, index) => golden(compilePostgres(op, { migration: m, direction, index, options }, { schema })));
}

/** Compiles one op, alone in its migration (so its table counts as existing). */
export function compileOne(op: Operation, options: Record<string, unknown> = {}): string[] {
  return compileAll(build('one', op), 'up', options);
}
