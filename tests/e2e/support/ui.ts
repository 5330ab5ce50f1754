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

/**
 * Opens 首页 as `openid`, someone the demo's switcher does not list (a person who has just got a code):
 * the storage key src/api/demo-identity.ts reads, as the H5 demo mode identifies callers.
 */
export async function becomeUser(page: Page, baseUrl: string, openid: string): Promise<void> {
  await page.goto(`${baseUrl}/`)
  await page.evaluate((id) => localStorage.setItem('demoOpenId', JSON.stringify({ data: id })), openid)
  await page.goto(`${baseUrl}/?as=${openid}`)
}

/** 我是工作人员 on the not-registered 首页, then name and code: the person binds to the role the code grants. */
export async function joinAsStaff(page: Page, name: string, code: string): Promise<void> {
  await visibleText(page, '您还没有登记').waitFor()
  await visibleText(page, '我是工作人员').click()
  await page.locator('.staff__name-input input').filter({ visible: true }).fill(name)
  await page.locator('.staff__code-input input').filter({ visible: true }).fill(code)
  await visibleText(page, '绑定').click()
  await visibleText(page, '绑定成功').waitFor()
}

/** 工作人员 → 发工作码 from 首页: a role on a unit; answers the one-time code the page shows ("ABCD EFGH"). */
export async function issueStaffCode(page: Page, roleLabel: string, unitLabel: string): Promise<string> {
  await visibleText(page, '工作人员').click()
  await visibleText(page, '发工作码').waitFor()
  await visibleText(page, roleLabel).click()
  await visibleText(page, unitLabel).click()
  await page.locator('.big-button').filter({ hasText: '发工作码', visible: true }).click()
  const code = await page.locator('.staff__code').filter({ visible: true }).innerText()
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4}$/)
  return code
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
