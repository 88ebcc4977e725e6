// The autosave the pages that edit a saved item share (Capacity's scenario, Plan's plan,
// Compensation's plan): every edit marks the item unsaved, a pause in the edits saves it, and
// only the save of the newest edit may say "Saved", so a slow save finishing late never hides
// edits made while it ran.
import { toApiError } from "../api";

/** Writes the item; null when there is nothing to write yet (the page is still loading). */
export type Write = () => Promise<void> | null;

export class Autosave {
  /** What the page's bar says: "Saved", "Unsaved changes", "Saving…" or why it was not saved. */
  status = $state("Saved");
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** A dialog that may save the edits elsewhere ("Save as new") is open (see `hold`). */
  #held = false;
  /** A save waiting, without a timer, for the hold to end or the next `flush`. */
  #parked = false;
  #edits = 0;
  readonly #delayMs: number;
  readonly #write: Write;

  constructor(delayMs: number, write: Write) {
    this.#delayMs = delayMs;
    this.#write = write;
  }

  /** The item on screen is as saved (just opened or created). */
  shown() {
    this.status = "Saved";
  }

  /** An edit was made: unsaved until the next save that starts after it. */
  edited() {
    this.#edits += 1;
    this.status = "Unsaved changes";
  }

  /** Saves once the edits pause; a newer call restarts the wait. While held, the save waits
   * for `release` (or a `flush`) instead. */
  schedule() {
    this.cancel();
    if (this.#held) {
      this.#parked = true;
      return;
    }
    this.#timer = setTimeout(() => void this.flush(), this.#delayMs);
  }

  /** Drops a save that has not started (the item is being deleted, or its edits were saved
   * as another item). */
  cancel() {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#parked = false;
  }

  /** While a dialog that may save the edits as another item ("Save as new") is open, no timer
   * writes them to this one behind it, including a save scheduled by an edit still being
   * planned: they wait for `release` or for a `flush` (opening another item, leaving the page). */
  hold() {
    if (this.#timer) {
      this.cancel();
      this.#parked = true;
    }
    this.#held = true;
  }

  /** Ends the hold; a save that waited during it starts its pause again (the dialog was closed
   * without saving the edits elsewhere). */
  release() {
    this.#held = false;
    if (this.#parked) this.schedule();
  }

  /** Saves now if a save is waiting, so opening another item never loses an edit. */
  async flush() {
    if (!this.#timer && !this.#parked) return;
    const write = this.#write();
    if (write === null) return;
    this.cancel();
    const edits = this.#edits;
    this.status = "Saving…";
    try {
      await write;
      if (edits === this.#edits) this.status = "Saved";
    } catch (error) {
      this.status = `Not saved: ${toApiError(error).message}`;
    }
  }
}
