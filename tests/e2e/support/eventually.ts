/**
 * Reads the screen again until `check` holds, as a person waits for a page to finish loading;
 * after `timeoutMs` the last failure is thrown. Pages render in steps (the list, then its photos;
 * the old answer, then the new one), so one read right after a tap can see the page mid-way.
 */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => void, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      check(await read())
      return
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}
