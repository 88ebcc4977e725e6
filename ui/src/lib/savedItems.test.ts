import { beforeEach, describe, expect, it } from "vitest";
import type { ApiError } from "../api";
import { SavedItems, type Named } from "./savedItems.svelte";

// The flow the Capacity and Plan pages share, over an API of plain functions that keep the
// saved items in a map, as the store does: what each action calls, and in which order.

interface Item extends Named {
  value: number;
}

let store: Map<number, Item>;
let calls: string[];
let failures: ApiError[];
/** The value on screen: what a save or "Save as new" writes. */
let onScreen: number;
let shown: Item[];

const copy = (item: Item): Item => ({ ...item });

function items(): SavedItems<Item, string> {
  return new SavedItems<Item, string>(20, {
    list: async () => [...store.values()].map(({ id, name }) => ({ id, name })),
    open: async (id) => {
      calls.push(`open ${id}`);
      const item = store.get(id);
      if (!item) throw { code: "not-found", message: `No saved item ${id}.` };
      return copy(item);
    },
    save: (item) => {
      calls.push(`save ${item.id}=${onScreen}`);
      store.set(item.id, { ...store.get(item.id)!, value: onScreen });
      return Promise.resolve();
    },
    create: (name) => {
      calls.push(`create ${name}=${onScreen}`);
      if ([...store.values()].some((i) => i.name === name))
        return Promise.reject({ code: "name-taken", message: `“${name}” already exists; choose another name.` });
      const item = { id: store.size + 1, name, value: onScreen };
      store.set(item.id, item);
      return Promise.resolve(copy(item));
    },
    rename: async (id, name) => {
      calls.push(`rename ${id}=${name}`);
      store.get(id)!.name = name;
      return { id, name };
    },
    remove: async (id) => {
      calls.push(`remove ${id}`);
      store.delete(id);
    },
    compare: async (a, b) => {
      calls.push(`compare ${a}~${b}`);
      return `${store.get(a)!.value} vs ${store.get(b)!.value}`;
    },
    shown: (item) => {
      onScreen = item.value;
      shown.push(item);
    },
    failed: (error) => failures.push(error),
  });
}

/** Longer than the 20 ms pause the tests' autosave waits for. */
const pause = () => new Promise((resolve) => setTimeout(resolve, 40));

/** Opens item 1 of two, as a page does on load. */
async function loaded(): Promise<SavedItems<Item, string>> {
  const saved = items();
  await saved.refreshList();
  saved.show(copy(store.get(1)!));
  calls = [];
  return saved;
}

/** An edit on screen, autosaved after the pause unless something holds it. */
function edit(saved: SavedItems<Item, string>, value: number) {
  onScreen = value;
  saved.autosave.edited();
  saved.autosave.schedule();
}

beforeEach(() => {
  store = new Map([
    [1, { id: 1, name: "Base plan", value: 10 }],
    [2, { id: 2, name: "Lean", value: 20 }],
  ]);
  calls = [];
  failures = [];
  onScreen = 0;
  shown = [];
});

describe("saved items", () => {
  it("saves an edit to the open item after the pause", async () => {
    const saved = await loaded();
    edit(saved, 11);
    expect(saved.autosave.status).toBe("Unsaved changes");
    await pause();
    expect(calls).toEqual(["save 1=11"]);
    expect(saved.autosave.status).toBe("Saved");
  });

  it("saves the open item's pending edit before opening another, and ends the comparison", async () => {
    const saved = await loaded();
    await saved.compare(2);
    expect(saved.comparison).toBe("10 vs 20");
    edit(saved, 12);
    await saved.open(2);
    // Every save refreshes an open comparison, this last one too.
    expect(calls).toEqual(["compare 1~2", "save 1=12", "compare 1~2", "open 2"]);
    expect(saved.current?.name).toBe("Lean");
    expect(onScreen).toBe(20);
    expect(saved.compareId).toBeNull();
    expect(saved.comparison).toBeNull();
  });

  it("says why an item could not be opened and keeps the open one", async () => {
    const saved = await loaded();
    await saved.open(9);
    expect(failures).toEqual([{ code: "not-found", message: "No saved item 9." }]);
    expect(saved.current?.id).toBe(1);
  });

  it("Save as new gives a held edit to the new item only, and opens it", async () => {
    const saved = await loaded();
    edit(saved, 13);
    saved.createStarted();
    await pause();
    expect(calls).toEqual([]);
    expect(await saved.create("Copy")).toBeNull();
    await pause();
    expect(calls).toEqual(["create Copy=13"]);
    expect(store.get(1)!.value).toBe(10);
    expect(saved.current).toEqual({ id: 3, name: "Copy", value: 13 });
    expect(saved.list.map((i) => i.name)).toEqual(["Base plan", "Lean", "Copy"]);
    expect(saved.autosave.status).toBe("Saved");
  });

  it("keeps the edit held after a refused name, and gives it back to the open item on cancel", async () => {
    const saved = await loaded();
    edit(saved, 14);
    saved.createStarted();
    expect(await saved.create("Lean")).toBe("“Lean” already exists; choose another name.");
    await pause();
    expect(calls).toEqual(["create Lean=14"]);
    saved.createCancelled();
    await pause();
    expect(calls).toEqual(["create Lean=14", "save 1=14"]);
    expect(store.get(1)!.value).toBe(14);
  });

  it("renames the open item in place and in the list", async () => {
    const saved = await loaded();
    expect(await saved.rename("Base plan 2027")).toBeNull();
    expect(calls).toEqual(["rename 1=Base plan 2027"]);
    expect(saved.current?.name).toBe("Base plan 2027");
    expect(saved.list.map((i) => i.name)).toEqual(["Base plan 2027", "Lean"]);
  });

  it("deletes the open item without saving its pending edit, and opens the first one left", async () => {
    const saved = await loaded();
    edit(saved, 15);
    expect(await saved.remove()).toBeNull();
    await pause();
    expect(calls).toEqual(["remove 1", "open 2"]);
    expect(saved.current?.name).toBe("Lean");
    expect(saved.list.map((i) => i.name)).toEqual(["Lean"]);
  });

  it("compares the open item as saved, and compares again after each save", async () => {
    const saved = await loaded();
    edit(saved, 16);
    await saved.compare(2);
    // The pending edit is saved first (which refreshes the comparison it now has), then compared.
    expect(calls).toEqual(["save 1=16", "compare 1~2", "compare 1~2"]);
    expect(saved.comparison).toBe("16 vs 20");
    edit(saved, 17);
    await pause();
    expect(calls.slice(3)).toEqual(["save 1=17", "compare 1~2"]);
    expect(saved.comparison).toBe("17 vs 20");
    await saved.compare(null);
    expect(saved.comparison).toBeNull();
  });

  it("opens an item made outside the dialog after saving the open one's pending edit", async () => {
    const saved = await loaded();
    edit(saved, 18);
    await saved.added(async () => {
      calls.push("made 3");
      store.set(3, { id: 3, name: "From the book", value: 30 });
      return { id: 3, name: "From the book", value: 30 };
    });
    expect(calls).toEqual(["save 1=18", "made 3"]);
    expect(saved.current?.name).toBe("From the book");
    expect(onScreen).toBe(30);
    expect(saved.list.map((i) => i.name)).toEqual(["Base plan", "Lean", "From the book"]);
  });
});
