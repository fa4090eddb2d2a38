import type { HistoryEntry, HistoryRow, HistoryStore } from '../adapter/history.js';
import type { MemoryDatabase } from './memory-database.js';

/** History rows kept in the MemoryDatabase, in the order first recorded. */
export class MemoryHistoryStore implements HistoryStore {
  constructor(private readonly db: MemoryDatabase) {}

  async ensure(): Promise<void> {
    await this.#io();
  }

  async list(): Promise<HistoryEntry[]> {
    await this.#io();
    this.db.historyBodyReads += this.db.state.history.length;
    return structuredClone(this.db.state.history);
  }

  /** Every row without its migration (counted apart from bodies: see MemoryDatabase.historyBodyReads). */
  async listRows(): Promise<HistoryRow[]> {
    await this.#io();
    return this.db.state.history.map(({ migration: _body, ...row }) => structuredClone(row));
  }

  async read(names: readonly string[]): Promise<HistoryEntry[]> {
    await this.#io();
    const wanted = new Set(names);
    const found = this.db.state.history.filter((e) => wanted.has(e.name));
    this.db.historyBodyReads += found.length;
    return structuredClone(found);
  }

  async save(entry: HistoryEntry): Promise<void> {
    await this.#io();
    const rows = this.db.state.history;
    const copy = structuredClone(entry);
    const at = rows.findIndex((e) => e.name === entry.name);
    if (at >= 0) rows[at] = copy;
    else rows.push(copy);
  }

  async remove(name: string): Promise<void> {
    await this.#io();
    this.db.state.history = this.db.state.history.filter((e) => e.name !== name);
  }

  async #io(): Promise<void> {
    this.db.ioCount++;
    await Promise.resolve();
  }
}
