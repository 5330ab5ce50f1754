import { count, eq } from 'drizzle-orm'
import type { DoorPlateView, PlateOpening, PlateSheet } from '../../src/core/contracts/account'
import { plateLink, signPlate } from '../../src/core/plates/plate-code'
import { localPlatform } from '../platform/local/platform'
import { plateSigner } from '../services/account/plate-key'
import { hmacSigner } from '../services/shared/hmac-signer'
import type { Database } from '../store/database'
import { doorPlates, householdMembers, roleGrants, users } from '../store/schema'
import { openDemoTestDatabase } from '../test-support/test-database'
import { accountFunction } from './account'
import { orgFunction } from './org'

let database: Database
let seq = 0
const rid = () => `req-plates-${++seq}`

type Answer = { ok: true; data: any } | { ok: false; error: { code: string; message: string } }
const invoke = (openid: string, event: Record<string, unknown>) =>
  accountFunction.invoke({ db: database.db, openid, event, platform: localPlatform }) as Promise<Answer>
async function ok<T>(openid: string, event: Record<string, unknown>): Promise<T> {
  const answer = await invoke(openid, event)
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
  return answer.data as T
}
async function refused(openid: string, event: Record<string, unknown>): Promise<string> {
  const answer = await invoke(openid, event)
  if (answer.ok) throw new Error(`expected a refusal, got ${JSON.stringify(answer.data)}`)
  return answer.error.code
}
const print = (openid: string, orgId: string, requestId = rid()) => ok<PlateSheet>(openid, { action: 'printPlates', requestId, orgId })
const open = (openid: string, plate: string) => ok<PlateOpening>(openid, { action: 'openPlate', plate })
const LINK = 'https://plates.example.cn/plate'
const plateCount = async () => (await database.db.select({ n: count() }).from(doorPlates))[0].n

let sheet: PlateSheet
/** 张建国's plate (h-zjq-01, 1组, 第一网格1号微网格, 王卫东's). */
let first: DoorPlateView

beforeAll(async () => {
  database = await openDemoTestDatabase()
  sheet = await print('demo-cadre', 'g-zjq-1')
  first = sheet.plates.find((p) => p.householdId === 'h-zjq-01')!
})
afterAll(() => database.close())

describe('printing a sheet of door plates', () => {
  it('When 陈明华 prints 1组’s plates, then each of its 8 households has one, in 门牌 order, with no name on it', () => {
    expect(sheet.unit).toEqual({ id: 'g-zjq-1', name: '1组', kind: 'villager_group' })
    expect(sheet.newlyIssued).toBe(8)
    expect(sheet.plates.map((p) => p.houseNo)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `1组0${n}号`))
    for (const plate of sheet.plates) {
      expect(plate).toMatchObject({ village: '赵家桥村', group: '1组' })
      expect(plate.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/)
      expect(plate.signed).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
      expect(JSON.stringify(plate)).not.toContain('张建国')
      expect(Buffer.from(plate.signed.split('.')[0], 'base64url').toString()).not.toContain('h-zjq')
    }
  })

  it('When the sheet is printed again, then the same plates come back and none is added', async () => {
    const again = await print('demo-cadre', 'g-zjq-1')
    expect(again.newlyIssued).toBe(0)
    expect(again.plates.map((p) => p.code)).toEqual(sheet.plates.map((p) => p.code))
    expect(await plateCount()).toBe(8)
  })

  it('When a micro-grid’s sheet is printed by the street’s admin, then it holds that micro-grid’s households', async () => {
    const grid = await print('demo-admin', 'mg-zjq-1-2')
    expect(grid.plates.map((p) => p.householdId)).toEqual(['09', '10', '11', '12', '13', '14', '15', '16'].map((n) => `h-zjq-${n}`))
  })

  it('When a grid leader, a villager, a shop clerk or another village’s cadre prints, or a unit is not a place of households, then it is refused and nothing is issued', async () => {
    const before = await plateCount()
    expect(await refused('demo-grid-leader', { action: 'printPlates', requestId: rid(), orgId: 'mg-zjq-1-1' })).toBe('FORBIDDEN')
    expect(await refused('demo-villager', { action: 'printPlates', requestId: rid(), orgId: 'g-zjq-1' })).toBe('FORBIDDEN')
    expect(await refused('demo-shop', { action: 'printPlates', requestId: rid(), orgId: 'g-zjq-2' })).toBe('FORBIDDEN')
    expect(await refused('demo-cadre-other', { action: 'printPlates', requestId: rid(), orgId: 'g-zjq-2' })).toBe('FORBIDDEN')
    expect(await refused('demo-cadre', { action: 'printPlates', requestId: rid(), orgId: 'shop-zjq' })).toBe('INVALID_INPUT')
    expect(await refused('demo-cadre', { action: 'printPlates', requestId: rid(), orgId: 'g-nowhere' })).toBe('NOT_FOUND')
    expect(await plateCount()).toBe(before)
  })

  it('When the admin prints a grid that hangs under a community, then it is refused in plain words and nothing is issued', async () => {
    const event = { action: 'addUnit', requestId: rid(), parentId: 'c-donghu', kind: 'grid', name: '东湖一网格' }
    const grid = (await orgFunction.invoke({ db: database.db, openid: 'demo-admin', event, platform: localPlatform })) as Answer
    if (!grid.ok) throw new Error(grid.error.message)
    const before = await plateCount()
    expect(await invoke('demo-admin', { action: 'printPlates', requestId: rid(), orgId: grid.data.id })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '这个网格在社区下面，不属于哪个村：门牌按村、村民小组或村里的网格来印' },
    })
    expect(await plateCount()).toBe(before)
  })
})

describe('scanning a plate', () => {
  it('When the household’s grid leader or the village’s cadre scans it, then 入户评分 opens on their unit with that household', async () => {
    expect(await open('demo-grid-leader', plateLink(LINK, first.signed))).toMatchObject({ open: 'inspect', orgId: 'mg-zjq-1-1', household: { id: 'h-zjq-01', houseNo: '1组01号' } })
    expect(await open('demo-cadre', first.signed)).toMatchObject({ open: 'inspect', orgId: 'v-zjq', household: { id: 'h-zjq-01' } })
  })

  it('When one of the household’s own members scans it, or types its code, then their home opens', async () => {
    expect(await open('demo-villager', plateLink(LINK, first.signed))).toEqual({ open: 'home' })
    expect(await open('demo-villager', first.code.toLowerCase().replace('-', ' '))).toEqual({ open: 'home' })
  })

  it('When a grid leader scans the plate of the household he lives in, then his home opens, not 入户评分', async () => {
    await database.db.insert(users).values({ openid: 'wx-leader-at-home', displayName: '朱网格长' })
    await database.db.insert(roleGrants).values({ openid: 'wx-leader-at-home', role: 'grid_leader', orgId: 'mg-zjq-1-1' })
    await database.db.insert(householdMembers).values({ householdId: 'h-zjq-06', openid: 'wx-leader-at-home' })
    const home = sheet.plates.find((p) => p.householdId === 'h-zjq-06')!
    expect(await open('wx-leader-at-home', home.signed)).toEqual({ open: 'home' })
    expect(await open('wx-leader-at-home', first.signed)).toMatchObject({ open: 'inspect', orgId: 'mg-zjq-1-1' })
  })

  it('When a neighbour of the village scans it, then only the public card shows: 门牌, group, the masked name and the board’s notices', async () => {
    const card = await open('demo-villager-2', plateLink(LINK, first.signed))
    expect(card).toMatchObject({ open: 'public', houseNo: '1组01号', village: '赵家桥村', group: '1组', label: '1组 张**' })
    expect(card.open === 'public' && Array.isArray(card.notices)).toBe(true)
    expect(JSON.stringify(card)).not.toContain('张建国')
    expect(JSON.stringify(card)).not.toContain('h-zjq-01')
  })

  it('When the leader of another micro-grid, another village’s cadre or a stranger scans it, then they get the public card; outsiders of the village see no notices', async () => {
    const other = sheet.plates.find((p) => p.householdId === 'h-zjq-01')!
    const neighbourSheet = await print('demo-cadre', 'mg-zjq-1-2')
    const notHis = neighbourSheet.plates[0]
    expect(await open('demo-grid-leader', notHis.signed)).toMatchObject({ open: 'public', houseNo: '2组09号' })
    expect(await open('demo-cadre-other', other.signed)).toMatchObject({ open: 'public', houseNo: '1组01号', notices: null })
    expect(await open('wx-stranger-openid', other.signed)).toMatchObject({ open: 'public', label: '1组 张**', notices: null })
  })

  it('When a plate is forged with another key, altered, of another village, or not a plate at all, then it is PLATE_INVALID', async () => {
    const code = first.code.replace('-', '')
    const forged = signPlate({ villageId: 'v-zjq', code }, hmacSigner(Buffer.alloc(32, 7)))
    expect(await refused('demo-grid-leader', { action: 'openPlate', plate: forged })).toBe('PLATE_INVALID')
    const altered = first.signed.slice(0, -1) + (first.signed.endsWith('A') ? 'B' : 'A')
    expect(await refused('demo-grid-leader', { action: 'openPlate', plate: altered })).toBe('PLATE_INVALID')
    const wrongVillage = signPlate({ villageId: 'v-tj', code }, plateSigner())
    expect(await refused('demo-cadre-other', { action: 'openPlate', plate: wrongVillage })).toBe('PLATE_INVALID')
    expect(await refused('demo-villager', { action: 'openPlate', plate: 'ZZZZZ-ZZZZZ' })).toBe('PLATE_INVALID')
    expect(await refused('demo-villager', { action: 'openPlate', plate: '0Z048-Z7DTE' })).toBe('PLATE_INVALID')
  })
})

describe('re-issuing a lost plate', () => {
  it('When 陈明华 re-issues 张建国’s plate, then the new one opens his household and the old QR and code are PLATE_REVOKED', async () => {
    const fresh = await ok<DoorPlateView>('demo-cadre', { action: 'reissuePlate', requestId: rid(), householdId: 'h-zjq-01' })
    expect(fresh.code).not.toBe(first.code)
    expect(await open('demo-villager', fresh.signed)).toEqual({ open: 'home' })
    expect(await refused('demo-villager', { action: 'openPlate', plate: first.signed })).toBe('PLATE_REVOKED')
    expect(await refused('demo-grid-leader', { action: 'openPlate', plate: first.code })).toBe('PLATE_REVOKED')
    const inUse = await database.db.select().from(doorPlates).where(eq(doorPlates.householdId, 'h-zjq-01'))
    expect(inUse.filter((p) => p.revokedAt === null).map((p) => p.code)).toEqual([fresh.code.replace('-', '')])
    const sheetNow = await print('demo-cadre', 'g-zjq-1')
    expect(sheetNow.plates.find((p) => p.householdId === 'h-zjq-01')!.code).toBe(fresh.code)
  })

  it('When the same re-issue is sent again, then it answers the same plate and revokes nothing more', async () => {
    const event = { action: 'reissuePlate', requestId: 'req-plates-replay', householdId: 'h-zjq-02' }
    const once = await ok<DoorPlateView>('demo-cadre', event)
    const twice = await ok<DoorPlateView>('demo-cadre', event)
    expect(twice).toEqual(once)
    expect(await open('demo-villager-2', once.signed)).toEqual({ open: 'home' })
  })

  it('When a grid leader, a villager or another village’s cadre re-issues, then it is refused and the plate keeps working', async () => {
    const plate = sheet.plates.find((p) => p.householdId === 'h-zjq-03')!
    for (const openid of ['demo-grid-leader', 'demo-villager', 'demo-cadre-other']) {
      expect(await refused(openid, { action: 'reissuePlate', requestId: rid(), householdId: 'h-zjq-03' })).toBe('FORBIDDEN')
    }
    expect(await open('demo-cadre', plate.signed)).toMatchObject({ open: 'inspect' })
  })
})
