import { accessSync, constants, statSync } from 'node:fs'
import path from 'node:path'

/** Browser command names, in the order Linux distributions and Google name them. */
const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']
const MAC_APPS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
]

/** What to do when there is no browser: the one line a person reads. */
export const NO_CHROMIUM_HINT =
  'no Chromium found (CHROMIUM_PATH, chromium, chromium-browser, google-chrome, the macOS app): install it (Debian: apt-get install chromium fonts-wqy-microhei) or set CHROMIUM_PATH'

/**
 * The Chromium or Chrome the journeys drive: CHROMIUM_PATH when it names a program, else the first
 * of the usual commands on PATH, else the macOS app; null when there is none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [
    ...(env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : []),
    ...COMMANDS.flatMap((name) => (env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, name))),
    ...MAC_APPS,
  ]
  return candidates.find(isProgram) ?? null
}

function isProgram(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return statSync(file).isFile()
  } catch {
    return false
  }
}

