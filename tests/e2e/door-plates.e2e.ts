import QRCode from 'qrcode'
import type { Page } from 'playwright-core'
import type { PlateSheet } from '../../src/core/contracts/account'
import { plateLink } from '../../src/core/plates/plate-code'
import { callAs, dataOf } from './support/api'
import { openPhonePage, saveScreenshot } from './support/browser'
import { eventually } from './support/eventually'
import { describeInBrowser, startJourney } from './support/journey'
import { becomeDemoUser, settled, visibleText, workButton } from './support/ui'

jest.setTimeout(240_000)

const CADRE = '村干部 陈明华（赵家桥村）'
const LEADER = '微网格长 王卫东（第一网格1号微网格）'
const MEMBER = '村民 张建国（赵家桥村1组）'
const NEIGHBOUR = '村民 李秀英（赵家桥村1组）'

/** The QR image the app draws for `text` (components/card-qr.tsx: one byte segment, level M, margin 2, 600 px). */
/** Opens `url` as a fresh load, as a camera hands a link to the browser (not a hash change of the open page). */
async function openLink(page: Page, url: string) {
  await page.goto('about:blank')
  await page.goto(url)
}

/** The QR the app draws for `text` (components/card-qr.tsx: one byte segment, level M, margin 2), as rows of dark modules. */
function qrModules(text: string): boolean[][] {
  const { modules } = QRCode.create([{ mode: 'byte', data: Uint8Array.from(text, (c) => c.charCodeAt(0)) }], { errorCorrectionLevel: 'M' })
  return Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, col) => Boolean(modules.get(row, col))))
}

/** The modules of a QR image shown on the page (its PNG background read back in the browser), `size` modules a side, margin 2. */
async function shownModules(page: Page, style: string, size: number): Promise<boolean[][]> {
  const url = /url\("?(data:image\/png;base64,[^")]+)"?\)/.exec(style)![1]
  return page.evaluate(
    async ({ url, size }) => {
      const image = new Image()
      image.src = url
      await image.decode()
      const canvas = document.createElement('canvas')
      canvas.width = image.width
      canvas.height = image.height
      const context = canvas.getContext('2d')!
      context.drawImage(image, 0, 0)
      const cell = image.width / (size + 4)
      const dark = (row: number, col: number) => context.getImageData(Math.floor((col + 2.5) * cell), Math.floor((row + 2.5) * cell), 1, 1).data[0] < 128
      return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => dark(row, col)))
    },
    { url, size },
  )
}

/**
 * Journey (issue 27, door plates): cadre 陈明华 prints 1组's door plates (village, group, 门牌, QR and the
 * code under it; no names). A phone's camera opens the link a plate's QR carries: for grid leader 王卫东
 * it opens 张建国's household with its last scores and 入户评分 with it chosen; for 张建国 himself his
 * home; for his neighbour 李秀英 only the public card, masked as the board is. 陈明华 re-issues the
 * plate, and the old one's link says it was replaced.
 */
describeInBrowser('door plates: print a sheet, scan as leader, member and neighbour (H5 demo mode)', () => {
  const journey = startJourney()
  let cadre: Page
  let sheet: PlateSheet
  let link = ''

  beforeAll(async () => {
    cadre = await openPhonePage(journey.browser)
  })

  const plateOf = (houseNo: string) => sheet.plates.find((p) => p.houseNo === houseNo)!

  it('When 陈明华 opens 印门牌 and chooses 1组, then the sheet shows its 8 plates with 门牌, QR and code, and no household head’s name', async () => {
    await becomeDemoUser(cadre, journey.gateway.baseUrl, CADRE)
    await workButton(cadre, '印门牌').click()
    await visibleText(cadre, '印哪个组或微网格的门牌？').waitFor()
    await visibleText(cadre, '1组').click()
    await visibleText(cadre, '赵家桥村 1组 的门牌，共 8 块').waitFor()
    await eventually(() => cadre.locator('.plate .card-qr__image--png[style*="data:image/png"]').filter({ visible: true }).count(), (n) => expect(n).toBe(8))

    // The sheet the page printed, as the API answers it again (printing again gives the same plates).
    sheet = dataOf(await callAs<PlateSheet>(journey.gateway.baseUrl, 'demo-cadre', 'account', { action: 'printPlates', requestId: 'e2e-plates-again', orgId: 'g-zjq-1' }))
    expect(sheet.newlyIssued).toBe(0)
    const text = await cadre.locator('.plates__sheet').filter({ visible: true }).innerText()
    for (const plate of sheet.plates) {
      expect(text).toContain(plate.houseNo)
      expect(text).toContain(plate.code)
    }
    for (const head of ['张建国', '李秀英', '王金林']) expect(text).not.toContain(head)

    // The first plate's QR is the link to this app's plate page with its signed plate: what a camera opens.
    link = plateLink(`${journey.gateway.baseUrl}/#/pages/plate/index`, plateOf('1组01号').signed)
    const firstQr = cadre.locator('.plate').filter({ visible: true }).first().locator('.card-qr__image--png')
    const expected = qrModules(link)
    expect(await shownModules(cadre, (await firstQr.getAttribute('style'))!, expected.length)).toEqual(expected)
    await saveScreenshot(await settled(cadre), 'plates-01-sheet')
    await cadre.emulateMedia({ media: 'print' })
    await saveScreenshot(cadre, 'plates-02-sheet-print')
    await cadre.emulateMedia({ media: 'screen' })
  })

  it('When grid leader 王卫东 scans 张建国’s plate, then he sees the household with its last scores, and 入户评分 opens with it chosen', async () => {
    const leader = await openPhonePage(journey.browser)
    await becomeDemoUser(leader, journey.gateway.baseUrl, LEADER)
    await openLink(leader, link)
    await visibleText(leader, '1组01号').waitFor()
    await visibleText(leader, '最近的积分').waitFor()
    await eventually(() => leader.locator('.plate-page').filter({ visible: true }).innerText(), (value) => expect(value).toMatch(/张建国 家 · 1组 · 现有 \d+ 分/))
    await eventually(() => leader.locator('.ledger-line').filter({ visible: true }).count(), (n) => expect(n).toBeGreaterThan(0))
    await saveScreenshot(await settled(leader), 'plates-03-leader-scan')
    await visibleText(leader, '给这户入户评分').click()
    await visibleText(leader, '已选 1 户').waitFor()
    await eventually(() => leader.locator('.pick-row--checked').filter({ visible: true }).innerText(), (value) => expect(value).toContain('张建国'))
    await saveScreenshot(await settled(leader), 'plates-04-leader-inspect')
  })

  it('When 张建国 scans his own plate, then his home opens', async () => {
    const member = await openPhonePage(journey.browser)
    await becomeDemoUser(member, journey.gateway.baseUrl, MEMBER)
    await openLink(member, link)
    await eventually(async () => member.url(), (url) => expect(url).toContain('/pages/home/index'))
    await member.locator('.household-card').filter({ visible: true }).first().waitFor()
    await saveScreenshot(await settled(member), 'plates-05-member-home')
  })

  it('When his neighbour 李秀英 types the code under the plate, then she sees only the public card: 门牌, group and the masked name', async () => {
    const neighbour = await openPhonePage(journey.browser)
    await becomeDemoUser(neighbour, journey.gateway.baseUrl, NEIGHBOUR)
    await openLink(neighbour, `${journey.gateway.baseUrl}/#/pages/plate/index`)
    await neighbour.locator('input[placeholder="例如 7KQ2M-XD4PA"]').filter({ visible: true }).fill(plateOf('1组01号').code.toLowerCase())
    await visibleText(neighbour, '打开这块门牌').click()
    await visibleText(neighbour, '1组01号').waitFor()
    const text = await neighbour.locator('.plate-page').filter({ visible: true }).innerText()
    expect(text).toContain('赵家桥村 · 1组 张**')
    expect(text).not.toContain('张建国')
    expect(text).not.toContain('给这户入户评分')
    expect(text).not.toMatch(/现有 \d+ 分/)
    await saveScreenshot(await settled(neighbour), 'plates-06-neighbour-card')
  })

  it('When 陈明华 re-issues the lost plate, then the sheet shows a new code and the old plate’s link says it was replaced', async () => {
    const old = plateOf('1组01号')
    await cadre.locator('.plate').filter({ visible: true }).first().getByText('门牌丢了，补印', { exact: true }).click()
    await visibleText(cadre, '补印').click()
    await eventually(() => cadre.locator('.plate__code').filter({ visible: true }).first().innerText(), (code) => expect(code).not.toBe(old.code))
    const leader = await openPhonePage(journey.browser)
    await becomeDemoUser(leader, journey.gateway.baseUrl, LEADER)
    await openLink(leader, link)
    await visibleText(leader, '这块门牌已经换了新的，旧门牌上的码不能再用，请扫新门牌').waitFor()
    await saveScreenshot(await settled(leader), 'plates-07-old-plate-revoked')
  })
})
