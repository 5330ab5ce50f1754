/**
 * Why the gateway (or a backup/restore command) will not start, in one plain line for the person at
 * the terminal: printed without a stack trace, and the process exits non-zero having touched nothing.
 */
export class StartRefusal extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'StartRefusal'
  }
}

/** Runs a command's main: a StartRefusal is one line on stderr and exit 1, anything else its stack. */
export function runCommand(main: () => Promise<void>): void {
  main().catch((error) => {
    console.error(error instanceof StartRefusal ? error.message : error)
    process.exit(1)
  })
}
