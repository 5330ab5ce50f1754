import type { PlateSheet } from '../../src/core/contracts/account'
import type { ConcernPage, StarRatingsView } from '../../src/core/contracts/merchant'
import { plateLink } from '../../src/core/plates/plate-code'
import { periodsOf } from '../../src/core/period'
import { weappJourney } from './support/journey'

jest.setTimeout(120_000)

const LINK = 'https://plates.example.cn/plate'

/**
 * The storefront sign in the weapp build: 当湖商家自治联盟's committee member prints the signs; before any month
 * is rated the sign reads 未评星; she rates this month; a customer (a WeChat user the street does not know) opens 老街面馆's sign from WeChat's camera, sees
 * its trade name, stars and that it was never inspected, with no person's name, and raises a concern that
 * the committee then reads.
 */
describe('a merchant’s storefront sign in the mini-program', () => {
  const journey = weappJourney()
  let sign: PlateSheet['plates'][number]

  beforeAll(async () => {
    const sheet = await journey.callAs<PlateSheet>('demo-alliance', 'account', { action: 'printPlates', requestId: 'weapp-signs-1', orgId: 'al-danghu' })
    sign = sheet.plates.find((p) => p.householdId === 'm-danghu-01')!
  })

  it('Before the committee rates any month, a customer opening 老街面馆’s sign reads 未评星, not zero stars', async () => {
    const q = encodeURIComponent(plateLink(LINK, sign.signed))
    const customer = await journey.openPhone('weapp-early-customer', { path: 'pages/plate/index', query: { q, scancode_time: '1796000000' }, scene: 1011 })
    expect(customer.screenText()).toContain('老街面馆')
    expect(customer.screenText()).toContain('未评星')
    expect(customer.screenText()).not.toContain('0 星')
  })

  it('A customer opens 老街面馆’s sign from the camera: its stars, no inspection yet, no name; the concern reaches the committee', async () => {
    const rated = await journey.callAs<StarRatingsView>('demo-alliance', 'merchant', { action: 'rateStars', requestId: 'weapp-rate-1', allianceId: 'al-danghu', period: periodsOf(new Date()).month })
    expect(rated.ratings.find((r) => r.merchantId === 'm-danghu-01')).toMatchObject({ stars: 3 })
    const q = encodeURIComponent(plateLink(LINK, sign.signed))
    const customer = await journey.openPhone('weapp-customer', { path: 'pages/plate/index', query: { q, scancode_time: '1796000000' }, scene: 1011 })
    const screen = customer.screenText()
    expect(screen).toContain('老街面馆')
    expect(screen).toContain('★★★☆☆ 3 星')
    expect(screen).toContain('还没有检查过')
    expect(screen).not.toContain('吴海林')
    await customer.fill('这家店有什么问题，请写下来', '汤里有异物')
    await customer.tap('交给联盟委员会')
    expect(customer.screenText()).toContain('已转给商家联盟委员会')
    const { concerns } = await journey.callAs<ConcernPage>('demo-alliance', 'merchant', { action: 'concerns', allianceId: 'al-danghu' })
    expect(concerns.map((c) => [c.tradeName, c.text])).toEqual([['老街面馆', '汤里有异物']])
  })
})
