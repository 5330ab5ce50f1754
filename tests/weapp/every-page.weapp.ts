import { DEMO_IDENTITIES } from '../../server/demo/seed'
import { weappJourney } from './support/journey'

jest.setTimeout(300_000)

/** What a person must never read: validator wording, internal field names, empty values printed. */
const RAW_ERROR = /期望|实际接收|无效输入|（[A-Za-z][A-Za-z0-9_]*）|\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]|Error/

/**
 * Every page of the weapp build, opened as a link would open it (no query), as every demo role:
 * it shows real words — its content, or a plain sentence of what it needs — never a raw error, and
 * nothing throws in the mini-program.
 */
describe('every page opens from any link in the mini-program', () => {
  const journey = weappJourney()

  it.each(DEMO_IDENTITIES.map((identity) => [identity.label, identity.openid]))('as %s', async (_label, openid) => {
    const phone = await journey.openPhone(openid)
    const problems: string[] = []
    for (const route of phone.routes) {
      await phone.openLink(route)
      const screen = phone.screenText()
      if (screen.trim() === '') problems.push(`${route}: blank`)
      else if (RAW_ERROR.test(screen)) problems.push(`${route}: ${screen.slice(0, 160)}`)
    }
    expect(problems).toEqual([])
  })

  it('When the street admin opens 村里的设置 from a link, then he picks 通界村 and sees its own settings', async () => {
    const phone = await journey.openPhone('demo-admin')
    await phone.openLink('work/village-settings/index')
    expect(phone.screenText()).toContain('设置哪个村？')
    expect(phone.screenText()).toContain('赵家桥村')
    await phone.tap('通界村')
    expect(phone.screenText()).toContain('要村干部审核后才生效')
  })
})
