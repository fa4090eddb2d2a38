// A third-party-style adapter whose connect() error repeats its connection string, password and
// all, as some drivers do: the fleet must still keep the password out of what it reports.
export function createAdapter(target) {
  const fail = async () => {
    throw new Error(`cannot reach ${target.connection} (password ${new URL(target.connection).password})`);
  };
  return {
    name: 'leaky',
    capabilities: {},
    history: { ensure: fail, list: fail, save: fail, remove: fail },
    lock: { tryAcquire: fail, renew: fail, release: fail },
    connect: fail,
    close: async () => undefined,
    compile: () => [],
    withSession: fail,
    execute: fail,
    introspect: fail,
  };
}
