import type { Adapter, Session, Step } from '@ductape/core';

/**
 * A real adapter whose `execute` throws at the given step numbers (0-based, counted from creation)
 * before sending anything: a process dying between two steps, without mocking the database.
 * @example const flaky = failingAt(adapter, [1]);
 */
export function failingAt(adapter: Adapter, failAt: readonly number[]): Adapter & { readonly executed: string[] } {
  let count = 0;
  const executed: string[] = [];
  return {
    name: adapter.name,
    capabilities: adapter.capabilities,
    history: adapter.history,
    lock: adapter.lock,
    executed,
    connect: () => adapter.connect(),
    close: () => adapter.close(),
    compile: (op, ctx) => adapter.compile(op, ctx),
    withSession: (mode, fn) => adapter.withSession(mode, fn),
    introspect: (collection) => adapter.introspect(collection),
    execute: async (step: Step, session: Session) => {
      const n = count++;
      if (failAt.includes(n)) throw new Error(`injected failure before step "${step.summary}"`);
      executed.push(step.summary);
      await adapter.execute(step, session);
    },
  };
}
