import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { findChromium, NO_CHROMIUM_HINT } from './chromium'

const ARTIFACTS = path.resolve(__dirname, '../../artifacts')

/** Headless Chromium as findChromium finds it (CHROMIUM_PATH first). */
export function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error(NO_CHROMIUM_HINT)
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/** A fresh page sized like a cheap phone (390×844), with its own storage. */
export async function openPhonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  return page
}

/** Saves a screenshot (the full page unless told otherwise) to tests/artifacts/<name>.png (kept as a CI artifact). */
export async function saveScreenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  const file = path.join(ARTIFACTS, `${name}.png`)
  mkdirSync(path.dirname(file), { recursive: true })
  await page.screenshot({ path: file, fullPage })
  return file
}
