/** This tab's `sessionStorage` entry saying a redirect came back with a key; it never holds the key. */
const returnedNoteKey = 'texture-connect:returned'

/**
 * Sets (`true`) or clears (`false`) the note that `handleRedirect()` returned a key on a top-level
 * page, and says whether one was there before. A page of this tab that Back restores from the
 * back-forward cache reads it to know its redirect finished (docs/key-delivery.md). Never throws:
 * without storage, Back reports `navigated-back` as before.
 *
 * @example
 * if (swapReturnedNote(false)) endQuietly()
 */
export function swapReturnedNote(noted: boolean): boolean {
  try {
    const storage = globalThis.sessionStorage
    const was = storage.getItem(returnedNoteKey) !== null
    if (noted) storage.setItem(returnedNoteKey, '1')
    else storage.removeItem(returnedNoteKey)
    return was
  } catch {
    return false
  }
}
