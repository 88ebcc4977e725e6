// The saved items of a page that edits one at a time and autosaves it (Capacity's scenarios,
// the Plan page's plans): which one is open, the list to pick from, the comparison with another,
// and the open / save as new / rename / delete flow over the page's own API. The flow is the
// same on both pages; only the calls and what the page shows of an opened item differ, so
// those are all this takes.
import { toApiError, type ApiError } from "../api";
import { Autosave } from "./autosave.svelte";
import { failureOf } from "./failure";

/** A saved item as the bar names it. */
export interface Named {
  id: number;
  name: string;
}

/** The page's calls, and what it does when an item is opened or a call fails. */
export interface SavedItemsApi<Item extends Named, Comparison> {
  list: () => Promise<Named[]>;
  open: (id: number) => Promise<Item>;
  /** Saves the edits on screen to `item`; null while there is nothing to write yet. */
  save: (item: Item) => Promise<unknown> | null;
  /** A new item holding the edits on screen; null while there is nothing to copy yet. */
  create: (name: string) => Promise<Item> | null;
  rename: (id: number, name: string) => Promise<Named>;
  remove: (id: number) => Promise<void>;
  compare: (a: number, b: number) => Promise<Comparison>;
  /** Puts an opened (or just created) item's inputs on screen. */
  shown: (item: Item) => void;
  /** An item could not be opened or made outside a dialog. */
  failed: (error: ApiError) => void;
}

export class SavedItems<Item extends Named, Comparison> {
  list = $state<Named[]>([]);
  current = $state<Item | null>(null);
  compareId = $state<number | null>(null);
  comparison = $state<Comparison | null>(null);
  compareError = $state<string | null>(null);
  readonly autosave: Autosave;
  readonly #api: SavedItemsApi<Item, Comparison>;

  constructor(saveDelayMs: number, api: SavedItemsApi<Item, Comparison>) {
    this.#api = api;
    this.autosave = new Autosave(saveDelayMs, () => {
      const write = this.current ? api.save(this.current) : null;
      if (write === null) return null;
      return (async () => {
        await write;
        // The comparison is of the saved items, so it follows the save.
        if (this.compareId !== null) void this.compare(this.compareId);
      })();
    });
  }

  /** Puts `item` on screen as saved. */
  show(item: Item) {
    this.current = item;
    this.autosave.shown();
    this.#api.shown(item);
  }

  async refreshList() {
    this.list = await this.#api.list();
  }

  /** Opens another item; the open one's pending edits are saved first. */
  async open(id: number) {
    await this.autosave.flush();
    try {
      this.show(await this.#api.open(id));
      this.compareId = null;
      this.comparison = null;
    } catch (error) {
      this.#api.failed(toApiError(error));
    }
  }

  /** Opens an item made outside the "Save as new" dialog (a plan on today's book); the open
   * one's pending edits are saved first, as when opening another. */
  async added(make: () => Promise<Item>) {
    await this.autosave.flush();
    try {
      const made = await make();
      await this.refreshList();
      this.show(made);
    } catch (error) {
      this.#api.failed(toApiError(error));
    }
  }

  /** The "Save as new" dialog opened: from now its edits may become the new item's, so no timer
   * writes them to the open one behind the dialog. */
  createStarted() {
    this.autosave.hold();
  }

  /** The dialog was closed without saving: the edits are the open item's after all. */
  createCancelled() {
    this.autosave.release();
  }

  /** "Save as new": the edits not saved yet go to the new item only; the one they were typed on
   * keeps what it had saved. If the new one cannot be made (a name in use) their save stays held
   * while the dialog is open. Resolves to the dialog's error message, or null when done. */
  async create(name: string): Promise<string | null> {
    return failureOf(async () => {
      const making = this.#api.create(name);
      if (making === null) return;
      const created = await making;
      // The edits are the new item's now: the open one's held save is dropped.
      this.autosave.cancel();
      this.autosave.release();
      await this.refreshList();
      this.show(created);
    });
  }

  async rename(name: string): Promise<string | null> {
    const item = this.current;
    if (!item) return null;
    return failureOf(async () => {
      const renamed = await this.#api.rename(item.id, name);
      item.name = renamed.name;
      await this.refreshList();
    });
  }

  /** Deletes the open item (its pending edits with it) and opens the first one left. */
  async remove(): Promise<string | null> {
    if (!this.current) return null;
    const id = this.current.id;
    this.autosave.cancel();
    return failureOf(async () => {
      await this.#api.remove(id);
      await this.refreshList();
      const next = this.list[0];
      if (next) await this.open(next.id);
    });
  }

  /** Compares the open item, as saved, with `id`; null ends the comparison. */
  async compare(id: number | null) {
    this.compareId = id;
    this.compareError = null;
    if (id === null || !this.current) {
      this.comparison = null;
      return;
    }
    await this.autosave.flush();
    try {
      this.comparison = await this.#api.compare(this.current.id, id);
    } catch (error) {
      this.comparison = null;
      this.compareError = toApiError(error).message;
    }
  }
}
