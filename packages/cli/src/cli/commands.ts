import type { CommandInfo } from './command-types.js';

/**
 * Every command: name, help and a lazy `load`, so `ductape --help` imports nothing else.
 * @example const info = COMMANDS.find((c) => c.name === 'status');
 */
export const COMMANDS: readonly CommandInfo[] = [
  {
    name: 'new',
    summary: 'write migrations/<tag>.mjs for a new migration (a draft until it has operations)',
    usage: 'ductape new <name> [--ts] [--from-intent <json>]',
    flags: {
      ts: { type: 'boolean', description: 'write a .ts file instead of .mjs' },
      'from-intent': {
        type: 'string',
        value: '<json>',
        description: 'write the migration a db.schema call would apply on the target, e.g. \'{"addField":["users","phone","string"]}\' (reads the database, changes nothing)',
      },
    },
    target: false,
    load: async () => (await import('../commands/new.js')).newCommand,
  },
  {
    name: 'status',
    summary: 'applied, pending, failed and changed migrations (exit 3 unless up to date)',
    usage: 'ductape status [--fleet <name> [--concurrency <n>]]',
    flags: {
      fleet: { type: 'string', value: '<name>', description: 'every target of fleets.<name> in ductape.config.* (for --env): a grouped summary and targets × applied/pending/failed' },
      concurrency: { type: 'string', value: '<n>', description: 'with --fleet: targets read at once (default 4)' },
    },
    target: true,
    load: async () => (await import('../commands/status.js')).statusCommand,
  },
  {
    name: 'up',
    summary: 'apply pending migrations, in tag order',
    usage: 'ductape up [--to <tag>] [--recover compensate|mark-ran|rerun] [--allow-missing] | up --fleet <name> [--concurrency <n>] [--canary <k>] [--max-failures <f>] [--shard <i/n>]',
    flags: {
      fleet: {
        type: 'string',
        value: '<name>',
        description: 'migrate every target of fleets.<name> in ductape.config.* (for --env), each under its own lock; exit 1 if any failed or was left locked',
      },
      concurrency: { type: 'string', value: '<n>', description: 'with --fleet: targets migrated at once (default 4)' },
      canary: { type: 'string', value: '<k>', description: 'with --fleet: the first k targets first; stop before the others if any of them fails (default 0)' },
      'max-failures': { type: 'string', value: '<f>', description: 'with --fleet: start no more targets once f have failed (default: try every target)' },
      shard: {
        type: 'string',
        value: '<i/n>',
        description: "with --fleet: a hint for n machines — this one takes shard i's targets first (by a hash of each name), then helps with the rest; no target is skipped or run twice",
      },
      to: { type: 'string', value: '<tag>', description: 'stop after this migration' },
      'allow-missing': { type: 'boolean', description: 'apply even though applied migrations have no file (status shows them as missing)' },
      recover: {
        type: 'string',
        value: '<how>',
        description:
          'a migration that failed part-way: resume (default) or compensate (undo its applied steps, then run it again); after a run killed inside a raw step: mark-ran (it took effect) or rerun (it did not)',
      },
    },
    target: true,
    load: async () => (await import('../commands/up.js')).upCommand,
  },
  {
    name: 'down',
    summary: 'roll back migrations, newest first in apply order (default: one); a failed run is compensated first',
    usage: 'ductape down [--to <tag>|0 | --steps <n>]',
    flags: {
      to: { type: 'string', value: '<tag>|0', description: 'roll back everything applied after this migration (0: everything)' },
      steps: { type: 'string', value: '<n>', description: 'roll back the last n history rows (a failed run counts as one)' },
    },
    target: true,
    load: async () => (await import('../commands/down.js')).downCommand,
  },
  {
    name: 'history',
    summary: 'the history rows of the database, in the order recorded',
    usage: 'ductape history',
    flags: {},
    target: true,
    load: async () => (await import('../commands/history.js')).historyCommand,
  },
  {
    name: 'plan',
    summary: 'the SQL/CQL/commands up (or down) would run, without touching the database',
    usage: 'ductape plan [<tag>…] [--from <tag>] [--to <tag>] [--pending] | plan --down [--to <tag>|0 | --steps <n>]',
    flags: {
      from: { type: 'string', value: '<tag>', description: 'start at this migration' },
      to: { type: 'string', value: '<tag>', description: 'stop after this migration (with --down: as `down --to`, 0 for everything)' },
      down: { type: 'boolean', description: 'plan what `ductape down` would do with the same --to/--steps (reads the history)' },
      steps: { type: 'string', value: '<n>', description: 'with --down: as `down --steps`' },
      pending: { type: 'boolean', description: 'only migrations not applied yet (reads the history)' },
    },
    target: true,
    load: async () => (await import('../commands/plan.js')).planCommand,
  },
  {
    name: 'lint',
    summary: 'dangerous changes in migration files (exit 3 on findings); needs no database',
    usage: 'ductape lint [<tag>…] [--since <tag>] [--ignore <rule>]…',
    flags: {
      since: { type: 'string', value: '<tag>', description: 'only migrations after this one' },
      ignore: { type: 'string', multiple: true, value: '<rule>', description: 'skip a rule (repeatable)' },
    },
    target: false,
    load: async () => (await import('../commands/lint.js')).lintCommand,
  },
  {
    name: 'drift',
    summary: 'live schema vs what the applied migrations say (exit 3 on drift)',
    usage: 'ductape drift [--fleet <name> [--sample <n>] [--concurrency <n>]]',
    flags: {
      fleet: { type: 'string', value: '<name>', description: 'every target of fleets.<name> in ductape.config.* (for --env), grouped by identical findings' },
      sample: { type: 'string', value: '<n>', description: 'with --fleet: check n targets chosen at random (default: all)' },
      concurrency: { type: 'string', value: '<n>', description: 'with --fleet: targets checked at once (default 4)' },
    },
    target: true,
    load: async () => (await import('../commands/drift.js')).driftCommand,
  },
  {
    name: 'repair',
    summary: 'resolve a failed migration: mark it rolled back or applied',
    usage: 'ductape repair [<tag|name>] --mark rolled-back|applied',
    flags: { mark: { type: 'string', value: '<state>', description: 'rolled-back (remove its row) or applied (after a manual fix)' } },
    target: true,
    load: async () => (await import('../commands/repair.js')).repairCommand,
  },
  {
    name: 'baseline',
    summary: 'adopt an existing database: record migrations up to <tag> as applied, without running them',
    usage: 'ductape baseline <tag>',
    flags: {},
    target: true,
    load: async () => (await import('../commands/baseline.js')).baselineCommand,
  },
  {
    name: 'unlock',
    summary: 'show who holds the migration lock, and release it',
    usage: 'ductape unlock',
    flags: {},
    target: true,
    load: async () => (await import('../commands/unlock.js')).unlockCommand,
  },
  {
    name: 'update',
    summary: 'a data migration: set values on the rows of a table that match a condition, in batches (db.update)',
    usage: "ductape update --table <table> --set '<json>' [--where '<json>'] [--dry-run] [--batch-size <n>] [--max-lock-ms <ms>]",
    flags: {
      table: { type: 'string', value: '<table>', description: 'the table (collection) to update' },
      set: { type: 'string', value: '<json>', description: 'column → value or expression, as db.update\'s data, e.g. \'{"full_name":{"$CONCAT":["first_name"," ","last_name"]}}\'' },
      where: { type: 'string', value: '<json>', description: "column → condition, as db.update's where, e.g. '{\"full_name\":null}' (default: every row)" },
      'dry-run': { type: 'boolean', description: 'change nothing: count the rows it would update and show the statements' },
      'batch-size': { type: 'string', value: '<n>', description: 'rows per batch at most (default 5000; 1000 on DynamoDB and Cassandra)' },
      'max-lock-ms': { type: 'string', value: '<ms>', description: 'the longest a batch should take (default 200): a slower batch halves the next one' },
    },
    target: true,
    load: async () => (await import('../commands/update.js')).updateCommand,
  },
  {
    name: 'promote',
    summary: "replay one environment's applied migrations on another, in order, checksums checked",
    usage: 'ductape promote --from <env> --to <env>',
    flags: {
      from: { type: 'string', value: '<env>', description: 'environment to read the history of' },
      to: { type: 'string', value: '<env>', description: 'environment to apply them to' },
    },
    target: true,
    load: async () => (await import('../commands/promote.js')).promoteCommand,
  },
];
