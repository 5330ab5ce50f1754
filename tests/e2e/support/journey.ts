import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openPhonePage } from './browser'
import { findChromium } from './chromium'
import { startGateway, type RunningGateway } from './gateway'

/** `describe` when a browser is there, `describe.skip` otherwise (global-setup.ts says why, once). */
export const describeInBrowser: jest.Describe = findChromium() ? describe : describe.skip

export type Journey = { gateway: RunningGateway; browser: Browser; page: Page }

/**
 * One journey file's world: the real gateway on a fresh demo database and a headless Chromium
 * with one phone-sized page, started before the file's tests and stopped after them.
 */
export function startJourney(): Journey {
  const journey = {} as Journey
  beforeAll(async () => {
    journey.gateway = await startGateway()
    journey.browser = await launchBrowser()
    journey.page = await openPhonePage(journey.browser)
  })
  afterAll(async () => {
    await journey.browser?.close()
    await journey.gateway?.stop()
  })
  return journey
}
