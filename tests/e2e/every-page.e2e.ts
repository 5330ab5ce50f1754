import { openPhonePage } from './support/browser'
import { describeInBrowser, startJourney } from './support/journey'
import { settledText, switchDemoIdentity } from './support/ui'
import { everyPage } from '../../scripts/app-config'

jest.setTimeout(600_000)

/**
 * What a person must never read: an internal field name, the validator's wording, or a value the
 * code failed to fill in.
 */
const RAW_TEXT = [
  /\b[a-z]+(Id|Ids)\b/,
  /\b(undefined|null|NaN)\b/,
  /\[object Object\]/,
  /期望|无效输入|实际接收|填写的内容有误|Invalid|Expected|Error:/,
]

/**
 * Every page opened straight from its path, with no query, as every demo role: as a subscribe
 * message, a share card, a bookmark or a refresh opens it. None may show raw error text; each shows
 * the caller's own scope, a short choice, or a plain sentence with the way home.
 */
describeInBrowser('every page opens from any link (H5 demo mode)', () => {
  const journey = startJourney()
  const pages = everyPage()

  it('has the pages of app.json to open', () => {
    expect(pages.length).toBeGreaterThan(30)
  })

  const identities = [
    '村民 张建国（赵家桥村1组）',
    '微网格长 王卫东（第一网格1号微网格）',
    '村干部 陈明华（赵家桥村）',
    '村干部 沈国强（通界村）',
    '社区评分员 周丽（东湖社区）',
    '合作社会计 徐美芳（赵家桥村）',
    '超市店员 钱小红（赵家桥村积分超市）',
    '街道管理员 金伟（当湖街道）',
    '银行信贷员 顾晓燕（平湖农商银行）',
    '联盟委员 沈玉梅（当湖商家自治联盟）',
    '部门检查员 陆明（当湖商家自治联盟）',
    '店主 吴海林（老街面馆）',
  ]
  it.each(identities)('When %s opens every page with no query, then no page shows raw error text', async (label) => {
    // A phone of one's own for each role.
    const page = await openPhonePage(journey.browser)
    await page.goto(`${journey.gateway.baseUrl}/#/pages/home/index`)
    await switchDemoIdentity(page, label)
    const problems: string[] = []
    const texts = new Map<string, string>()
    for (const path of pages) {
      await page.goto(`${journey.gateway.baseUrl}/#/${path}`)
      const text = await settledText(page, path)
      texts.set(path, text)
      if (process.env.E2E_PRINT_PAGES) console.log(`${label} ${path}: ${text.replace(/\s+/g, ' ').slice(0, 200)}`)
      const raw = RAW_TEXT.map((pattern) => pattern.exec(text)?.[0]).filter(Boolean)
      if (raw.length > 0) problems.push(`${path}: ${raw.join(', ')} in “${text.replace(/\s+/g, ' ').slice(0, 160)}”`)
    }
    await page.context().close()
    expect(problems).toEqual([])
    expect(texts.size).toBe(pages.length)
  })
})
