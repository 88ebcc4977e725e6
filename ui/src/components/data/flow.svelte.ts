// The import the Data page walks through: choose the file, preview it, adjust the mapping, date
// order or sheet (each change previews again at once), import with progress and cancel, then the
// outcome. It lives outside the page component so that it survives the page being rebuilt when
// the workspace changes (App.svelte's `generation`) or the person looking at another page while
// a big file imports.

import {
  data,
  toApiError,
  type ApiError,
  type ColumnMapping,
  type ColumnTarget,
  type DateOrder,
  type ImportOptions,
  type ImportOutcome,
  type ImportPreview,
  type ImportProgressSnapshot,
  type SavedMapping,
} from "../../api";

/** How often a running preview or import is asked how far it has got. */
export const PROGRESS_POLL_MS = 150;

/** A column whose field went to another column when the person remapped that one. */
export interface MovedField {
  column: number;
  /** What the column was read as before: now it is kept as a custom field. */
  was: ColumnTarget;
  /** The column that reads it now. */
  takenBy: number;
}

/** The columns other than `index` whose target the store changed between `before` and `after`. */
export function movedAway(before: ColumnMapping, after: ColumnMapping, index: number): MovedField[] {
  return before.columns.flatMap((c, i) =>
    i !== index && JSON.stringify(c.target) !== JSON.stringify(after.columns[i]?.target)
      ? [{ column: i, was: c.target, takenBy: index }]
      : [],
  );
}

export type Stage = "idle" | "reading" | "preview" | "importing" | "done";

export class ImportFlow {
  stage = $state<Stage>("idle");
  preview = $state<ImportPreview | null>(null);
  /** The person's mapping once they changed a column; until then the store's own choice. */
  mapping = $state<ColumnMapping | null>(null);
  dateOrder = $state<DateOrder | null>(null);
  sheet = $state<string | null>(null);
  progress = $state<ImportProgressSnapshot | null>(null);
  outcome = $state<ImportOutcome | null>(null);
  error = $state<ApiError | null>(null);
  /** Said once after a cancelled import: nothing was written. */
  notice = $state<string | null>(null);
  /** The mappings saved in the workspace (named ones are offered by name). */
  savedMappings = $state<SavedMapping[]>([]);
  /** The saved mapping the person chose by name for this file, applied in every preview. */
  savedName = $state<string | null>(null);
  /** "Save this mapping as": empty saves it only for files with these same headers. */
  saveAs = $state("");
  /** Why the name typed cannot be used, shown beside the field. */
  nameProblem = $state<string | null>(null);
  /** The name the finished import saved its mapping under. */
  savedUnder = $state<string | null>(null);
  /** The columns the last change of the mapping took a field from. */
  moved = $state<MovedField[]>([]);
  /** Each preview request's number: an answer to an outdated one is dropped. */
  #request = 0;

  /** The rows the running step works through, when the preview has counted them. */
  get totalRows(): number | null {
    return this.stage === "importing" && this.preview ? this.preview.rows : null;
  }

  /** Asks for a file and previews it; the dialog cancelled leaves everything as it was. */
  async pick(): Promise<void> {
    const before = this.stage;
    this.#clearMessages();
    const request = ++this.#request;
    this.stage = "reading";
    const stop = this.#poll();
    try {
      const preview = await data.importPick();
      if (request !== this.#request) return;
      if (!preview) {
        this.stage = before === "reading" ? "idle" : before;
        return;
      }
      this.mapping = null;
    this.moved = [];
      this.dateOrder = null;
      this.sheet = null;
      this.outcome = null;
      this.savedName = null;
      this.saveAs = "";
      this.nameProblem = null;
      this.#show(preview);
      await this.loadSavedMappings();
    } catch (error) {
      if (request === this.#request) this.#fail(error, "idle");
    } finally {
      stop();
    }
  }

  /** Maps column `index` to `target` and previews again. The store changes the mapping (the rule
   * `csplan import accounts --map` follows): a column that held the field keeps its values as a
   * custom field, so the field moves instead of being mapped twice; those columns are noted. */
  async remap(index: number, target: ColumnTarget): Promise<void> {
    const base = this.mapping ?? this.preview?.mapping;
    if (!base) return;
    this.#clearMessages();
    try {
      const changed = await data.importMappingRemap(base, index, target);
      this.moved = movedAway(base, changed, index);
      this.mapping = changed;
    } catch (error) {
      this.error = toApiError(error);
      return;
    }
    return this.#refresh();
  }

  /** Applies the mapping saved under `name` (matched by header name, so a file whose columns
   * are in another order or partly renamed still reads with it) and previews again. */
  useSaved(name: string): Promise<void> {
    this.savedName = name;
    this.mapping = null;
    this.moved = [];
    return this.#refresh();
  }

  async loadSavedMappings(): Promise<void> {
    try {
      this.savedMappings = await data.importMappings();
    } catch (error) {
      this.error = toApiError(error);
    }
  }

  /** Forgets a saved mapping; the columns shown stay as they are. */
  async deleteSaved(name: string): Promise<void> {
    try {
      await data.importMappingDelete(name);
      if (this.savedName === name) {
        this.mapping = this.mapping ?? this.preview?.mapping ?? null;
        this.savedName = null;
      }
      await this.loadSavedMappings();
    } catch (error) {
      this.error = toApiError(error);
    }
  }

  /** Checks the typed name at once; resolves to the name to save under (null: none typed). */
  async checkName(): Promise<string | null | false> {
    this.nameProblem = null;
    if (this.saveAs === "") return null;
    try {
      return await data.importMappingNameCheck(this.saveAs, this.savedName);
    } catch (error) {
      this.nameProblem = toApiError(error).message;
      return false;
    }
  }

  chooseDateOrder(order: DateOrder): Promise<void> {
    this.dateOrder = order;
    return this.#refresh();
  }

  chooseSheet(sheet: string): Promise<void> {
    this.sheet = sheet;
    // Another sheet has other columns: its own mapping is detected (or the saved one applied).
    this.mapping = null;
    this.moved = [];
    return this.#refresh();
  }

  /** What a preview reads the file with. */
  options(skipInvalid: boolean): ImportOptions {
    return {
      mapping: this.mapping,
      mapping_name: this.savedName,
      date_order: this.dateOrder,
      sheet: this.sheet,
      skip_invalid: skipInvalid,
    };
  }

  /** What the import reads the file with. The store saves the mapping under `mapping_name`, and
   * applies the one saved under it when no mapping is given: so with a name, the columns shown
   * are sent as they are; without one, a chosen saved mapping's columns are sent and it is not
   * saved again. */
  #runOptions(skipInvalid: boolean, name: string | null): ImportOptions {
    const shown = this.mapping ?? this.preview?.mapping ?? null;
    return {
      ...this.options(skipInvalid),
      mapping: name !== null || this.savedName !== null ? shown : this.mapping,
      mapping_name: name,
    };
  }

  /** Imports the previewed file; resolves to the outcome, or null when it failed or was cancelled. */
  async run(skipInvalid: boolean): Promise<ImportOutcome | null> {
    if (!this.preview) return null;
    this.#clearMessages();
    const name = await this.checkName();
    if (name === false) return null;
    this.stage = "importing";
    this.progress = { rows_read: 0, bytes_read: 0, bytes_total: 0, phase: "reading", cancelled: false };
    const stop = this.#poll();
    try {
      this.outcome = await data.importRun(this.#runOptions(skipInvalid, name));
      this.savedUnder = name;
      this.stage = "done";
      await this.loadSavedMappings();
      return this.outcome;
    } catch (error) {
      const problem = toApiError(error);
      if (problem.code === "cancelled") {
        this.notice = "Import cancelled. Nothing was written: the workspace is as it was.";
        this.stage = "preview";
      } else {
        this.#fail(problem, "preview");
      }
      return null;
    } finally {
      stop();
    }
  }

  /** Stops the running preview or import. */
  async cancel(): Promise<void> {
    try {
      await data.importCancel();
    } catch (error) {
      this.error = toApiError(error);
    }
  }

  /** Back to the start (after an import, or when the person will fix the file first). */
  close(): void {
    this.#request++;
    this.stage = "idle";
    this.preview = null;
    this.mapping = null;
    this.moved = [];
    this.dateOrder = null;
    this.sheet = null;
    this.progress = null;
    this.outcome = null;
    this.savedName = null;
    this.saveAs = "";
    this.nameProblem = null;
    this.savedUnder = null;
    this.#clearMessages();
  }

  async #refresh(): Promise<void> {
    if (!this.preview) return;
    this.#clearMessages();
    const request = ++this.#request;
    this.stage = "reading";
    const stop = this.#poll();
    try {
      const preview = await data.importPreview(this.options(false));
      if (request === this.#request) this.#show(preview);
    } catch (error) {
      // A preview replaced by a newer one answers `cancelled`: only the newest one counts.
      if (request === this.#request) this.#fail(error, "preview");
    } finally {
      stop();
    }
  }

  #show(preview: ImportPreview) {
    this.preview = preview;
    // A mapping applied by its name is offered to be saved again under it (last used: now).
    if (preview.mapping_origin.kind === "saved" && preview.mapping_origin.name) this.saveAs = preview.mapping_origin.name;
    if (preview.date_order.kind === "chosen") this.dateOrder = preview.date_order.order;
    this.stage = "preview";
  }

  #fail(error: unknown, stage: Stage) {
    const problem = toApiError(error);
    if (problem.code === "cancelled") {
      // The person stopped reading the file: the preview shown would no longer match the
      // mapping asked for, so the import starts over.
      this.close();
      this.notice = "Stopped reading the file. Nothing was imported.";
      return;
    }
    this.error = problem;
    this.stage = this.preview ? stage : "idle";
  }

  #clearMessages() {
    this.error = null;
    this.notice = null;
  }

  /** Polls the progress while a step runs; returns the function that stops it. */
  #poll(): () => void {
    const timer = setInterval(async () => {
      try {
        const now = await data.importProgress();
        if (now && (this.stage === "reading" || this.stage === "importing")) this.progress = now;
      } catch {
        // A missed reading only delays the bar; the step's own answer reports any failure.
      }
    }, PROGRESS_POLL_MS);
    return () => {
      clearInterval(timer);
      this.progress = null;
    };
  }
}

/** The one import of the running app. */
export const importFlow = new ImportFlow();
