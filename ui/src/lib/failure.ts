// The dialogs of the saved-item bars show why an action failed in the dialog itself, so every
// page turns a failed action into its message the same way.
import { toApiError } from "../api";

/** Runs a dialog's action: null when it worked, else the message the dialog shows. */
export async function failureOf(action: () => Promise<unknown>): Promise<string | null> {
  try {
    await action();
    return null;
  } catch (error) {
    return toApiError(error).message;
  }
}
