import type { Locator, Page } from 'playwright-core'

/**
 * The visible element whose text is exactly `text`. Taro's H5 router keeps tab pages and earlier
 * pages in the DOM (hidden), so a plain text match can find copies on pages nobody sees.
 */
export function visibleText(page: Page, text: string): Locator {
  return page.getByText(text, { exact: true }).filter({ visible: true }).first()
}

/**
 * A work button of 首页 by its label, with or without the count of what waits there
 * (「待我审核」, or 「待我审核 · 3 条」 under 今天要做的).
 */
export function workButton(page: Page, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return page.getByText(new RegExp(`^${escaped}( · \\d+ 条.*)?$`)).filter({ visible: true }).first()
}

/**
 * Becomes another demo user the way a person would: the 切换演示身份 entry on the current page
 * (a button, or already an open list when nobody is chosen yet), then the identity's button.
 */
export async function switchDemoIdentity(page: Page, label: string): Promise<void> {
  await visibleText(page, '切换演示身份').click()
  await visibleText(page, label).click()
  await visibleText(page, `演示身份：${label}`).waitFor()
}

/** Back to 首页 and become another demo user there. */
export async function becomeDemoUser(page: Page, baseUrl: string, label: string): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/home/index`)
  await switchDemoIdentity(page, label)
}

/** Lets Taro's page slide-in finish so a screenshot shows the page in place. */
export async function settled(page: Page): Promise<Page> {
  await page.waitForTimeout(500)
  return page
}

/** The text of the page the router shows for `path`, once it has finished loading. */
export async function settledText(page: Page, path: string): Promise<string> {
  const shown = page.locator(`.taro_page[id^="/${path}"]`).filter({ visible: true }).last()
  await shown.waitFor()
  const deadline = Date.now() + 10_000
  for (;;) {
    const text = await shown.innerText()
    if ((text.trim() !== '' && !text.includes('正在加载')) || Date.now() > deadline) return text
    await page.waitForTimeout(150)
  }
}
