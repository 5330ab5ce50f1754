import { createHash } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import type { BindResult, InviteView, IssuedInvite, MemberView, WhoAmI } from '../../../src/core/contracts/account'
import type { Envelope } from '../../../src/core/contracts/envelope'
import { INVITE_ALPHABET } from '../../../src/core/roster/invite-code'
import type { MessageView } from '../../../src/core/contracts/notice'
import type { AuditPage } from '../../../src/core/contracts/org'
import { accountFunction } from '../../functions/account'
import { noticeFunction } from '../../functions/notice'
import { orgFunction } from '../../functions/org'
import { localPlatform } from '../../platform/local/platform'
import type { Database } from '../../store/database'
import { failedBindAttempts, householdMembers, inviteCodes, users } from '../../store/schema'
import { openDemoTestDatabase } from '../../test-support/test-database'
import { codeHash } from '../shared/code-hash'

let database: Database
beforeAll(async () => {
  database = await openDemoTestDatabase()
})
afterAll(() => database.close())

let requestCounter = 0
const nextRequestId = () => `membership-${++requestCounter}`

function call<T>(openid: string, action: string, params: Record<string, unknown> = {}): Promise<Envelope<T>> {
  return accountFunction.invoke({ db: database.db, openid, event: { action, ...params }, platform: localPlatform }) as Promise<Envelope<T>>
}
function data<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
  return envelope.data
}
const issue = async (householdId: string, openid = 'demo-cadre') =>
  data(await call<IssuedInvite>(openid, 'issueInvite', { requestId: nextRequestId(), householdId }))
const bind = (openid: string, code: string, displayName = '新村民', requestId = nextRequestId()) =>
  call<BindResult>(openid, 'bind', { requestId, code, displayName })
const whoami = async (openid: string) => data(await call<WhoAmI>(openid, 'whoami'))
const failuresOf = async (openid: string) =>
  (await database.db.select().from(failedBindAttempts).where(eq(failedBindAttempts.openid, openid))).length

describe('issuing invite codes', () => {
  it('When a cadre issues a code, then it has 8 characters and only its keyed hash and last 2 characters are stored', async () => {
    const invite = await issue('h-zjq-05')
    expect(invite.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
    expect(invite).toMatchObject({ householdId: 'h-zjq-05', status: 'active', tail: invite.code.slice(-2), usedAt: null })
    const days = (Date.parse(invite.expiresAt) - Date.parse(invite.issuedAt)) / 86_400_000
    expect(Math.round(days)).toBe(7)
    const [row] = await database.db.select().from(inviteCodes).where(eq(inviteCodes.id, invite.id))
    expect(row.codeHash).toBe(codeHash(invite.code))
    expect(row.codeHash).not.toBe(createHash('sha256').update(invite.code).digest('hex'))
    expect(JSON.stringify(row)).not.toContain(invite.code)
  })

  it('When a code issued before keyed hashing (its plain sha256 stored) is entered, then it still binds until it expires', async () => {
    const invite = await issue('h-zjq-21')
    const legacy = createHash('sha256').update(invite.code).digest('hex')
    await database.db.update(inviteCodes).set({ codeHash: legacy }).where(eq(inviteCodes.id, invite.id))
    expect(data(await bind('wx-legacy-villager', invite.code, '老码村民'))).toMatchObject({ bound: true })
  })

  it.each([
    ['a villager', 'demo-villager'],
    ['a cadre of another village', 'demo-cadre-other'],
    ['a grid leader', 'demo-grid-leader'],
  ])('When %s asks for a code for 赵家桥村’s household, then FORBIDDEN and no code exists', async (_who, openid) => {
    const [{ before }] = await database.db.select({ before: sql<number>`count(*)::int` }).from(inviteCodes)
    expect(await call(openid, 'issueInvite', { requestId: nextRequestId(), householdId: 'h-zjq-06' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await call(openid, 'invites', { householdId: 'h-zjq-06' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const [{ after }] = await database.db.select({ after: sql<number>`count(*)::int` }).from(inviteCodes)
    expect(after).toBe(before)
  })
})

describe('binding with a code', () => {
  it('When a new WeChat user enters a fresh code, then they join that household and whoami shows it', async () => {
    const invite = await issue('h-zjq-07')
    expect(await whoami('wx-new-1')).toEqual({ registered: false, openid: 'wx-new-1' })
    const result = data(await bind('wx-new-1', invite.code.toLowerCase().replace(/^(.{4})/, '$1 '), '徐小华'))
    expect(result).toMatchObject({ bound: true, household: { id: 'h-zjq-07', name: '徐国华' } })
    const me = await whoami('wx-new-1')
    expect(me).toMatchObject({ registered: true, displayName: '徐小华', household: { id: 'h-zjq-07' }, roles: [{ role: 'villager' }] })
    const invites = data(await call<InviteView[]>('demo-cadre', 'invites', { householdId: 'h-zjq-07' }))
    expect(invites[0]).toMatchObject({ id: invite.id, status: 'used', usedBy: '徐小华' })
  })

  it('When a code was used, then nobody else can bind with it', async () => {
    const invite = await issue('h-zjq-08')
    expect(data(await bind('wx-first', invite.code))).toMatchObject({ bound: true })
    expect(data(await bind('wx-second', invite.code))).toMatchObject({ bound: false, reason: 'used', message: expect.stringContaining('已经用过') })
    expect((await whoami('wx-second')).registered).toBe(false)
  })

  it('When a household has several codes, then several members bind to it', async () => {
    const [one, two] = [await issue('h-zjq-09'), await issue('h-zjq-09')]
    data(await bind('wx-family-1', one.code, '顾大'))
    data(await bind('wx-family-2', two.code, '顾二'))
    const members = data(await call<MemberView[]>('demo-cadre', 'members', { householdId: 'h-zjq-09' }))
    expect(members.map((m) => [m.displayName, m.unboundAt])).toEqual([
      ['顾二', null],
      ['顾大', null],
    ])
  })

  it('When a code expired or was revoked, then it is refused and the cadre sees why', async () => {
    const expired = await issue('h-zjq-10')
    await database.db.update(inviteCodes).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(inviteCodes.id, expired.id))
    expect(data(await bind('wx-late', expired.code))).toMatchObject({ bound: false, reason: 'expired' })

    const revoked = await issue('h-zjq-10')
    expect(data(await call<InviteView>('demo-cadre', 'revokeInvite', { requestId: nextRequestId(), inviteId: revoked.id }))).toMatchObject({ status: 'revoked' })
    expect(data(await bind('wx-late', revoked.code))).toMatchObject({ bound: false, reason: 'revoked' })
    expect((await whoami('wx-late')).registered).toBe(false)
    const invites = data(await call<InviteView[]>('demo-cadre', 'invites', { householdId: 'h-zjq-10' }))
    expect(invites.map((i) => i.status)).toEqual(['revoked', 'expired'])
  })

  it('When a used code is revoked, then it is refused: the member is unbound instead', async () => {
    const invite = await issue('h-zjq-11')
    data(await bind('wx-revoke-used', invite.code))
    expect(await call('demo-cadre', 'revokeInvite', { requestId: nextRequestId(), inviteId: invite.id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('When the same bind request is sent again, then the same answer comes back and no try is counted twice', async () => {
    const requestId = nextRequestId()
    const first = data(await bind('wx-replay', 'WRONG234', '某人', requestId))
    const again = data(await bind('wx-replay', 'WRONG234', '某人', requestId))
    expect(again).toEqual(first)
    expect(await failuresOf('wx-replay')).toBe(1)
  })

  it('When someone guesses wrong 5 times in an hour, then even the right code is refused with TOO_MANY_ATTEMPTS', async () => {
    const tries: BindResult[] = []
    for (const guess of ['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC', 'DDDDDDDD', 'EEEEEEEE']) tries.push(data(await bind('wx-guesser', guess)))
    expect(tries.map((t) => !t.bound && [t.reason, t.triesLeft])).toEqual([
      ['wrong', 4],
      ['wrong', 3],
      ['wrong', 2],
      ['wrong', 1],
      ['wrong', 0],
    ])
    const invite = await issue('h-zjq-12')
    expect(await bind('wx-guesser', invite.code)).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } })
    expect((await whoami('wx-guesser')).registered).toBe(false)

    // An hour later the openid may try again.
    await database.db.update(failedBindAttempts).set({ createdAt: sql`now() - interval '61 minutes'` }).where(eq(failedBindAttempts.openid, 'wx-guesser'))
    expect(data(await bind('wx-guesser', invite.code))).toMatchObject({ bound: true })
  })

  it('When someone already in a household enters another code, then ALREADY_BOUND and the code stays unused', async () => {
    const invite = await issue('h-zjq-13')
    expect(await bind('demo-villager', invite.code)).toMatchObject({ ok: false, error: { code: 'ALREADY_BOUND' } })
    const [row] = await database.db.select().from(inviteCodes).where(eq(inviteCodes.id, invite.id))
    expect(row.usedAt).toBeNull()
  })

  it('When the platform finds the display name unacceptable, then CONTENT_REFUSED and the code stays usable', async () => {
    const invite = await issue('h-zjq-17')
    const refusing = { ...localPlatform, contentCheck: async () => 'risky' as const }
    const refused = await accountFunction.invoke({
      db: database.db,
      openid: 'wx-rude',
      event: { action: 'bind', requestId: nextRequestId(), code: invite.code, displayName: '不当名字' },
      platform: refusing,
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONTENT_REFUSED' } })
    expect(data(await bind('wx-rude', invite.code, '陶阿姨'))).toMatchObject({ bound: true })
  })

  it('When the display name is empty or too long, then INVALID_INPUT and no user is created', async () => {
    const invite = await issue('h-zjq-14')
    expect(await bind('wx-noname', invite.code, '  ')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await bind('wx-noname', invite.code, '名'.repeat(21))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await database.db.select().from(users).where(eq(users.openid, 'wx-noname'))).toEqual([])
  })
})

describe('who binds, and the family told', () => {
  const messagesOf = async (openid: string) =>
    data((await noticeFunction.invoke({ db: database.db, openid, event: { action: 'messages' }, platform: localPlatform })) as Envelope<{ messages: MessageView[] }>).messages

  it('When the cadre who issued a code enters it himself, then it is refused in plain words, nothing is bound and the code still works for the family', async () => {
    const invite = await issue('h-zjq-02')
    const own = await bind('demo-cadre', invite.code, '陈明华')
    expect(own).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '这个绑定码是您自己发的，请让户主本人绑定' } })
    expect(await whoami('demo-cadre')).toMatchObject({ registered: true, household: null })
    const invites = data(await call<InviteView[]>('demo-cadre', 'invites', { householdId: 'h-zjq-02' }))
    expect(invites.find((i) => i.id === invite.id)).toMatchObject({ status: 'active' })
    expect(data(await bind('wx-li-son', invite.code, '李小军'))).toMatchObject({ bound: true, household: { id: 'h-zjq-02' } })
  })

  it('When someone new binds a household, then its members already bound find it in 我的消息, the newcomer does not, and the audit trail keeps it', async () => {
    const before = (await messagesOf('demo-villager-2')).length
    const invite = await issue('h-zjq-02')
    expect(data(await bind('wx-li-daughter', invite.code, '李小红'))).toMatchObject({ bound: true })
    const told = await messagesOf('demo-villager-2')
    expect(told).toHaveLength(before + 1)
    expect(told[0]).toMatchObject({ title: '家里新绑定了一个微信', page: 'pages/mine/index', read: false })
    expect(told[0].body).toContain('“李小红”用村里发的邀请码绑定了李秀英家')
    expect(told[0].body).toContain('如果不是您家里人，请马上告诉村干部解绑')
    expect((await messagesOf('wx-li-daughter')).map((m) => m.title)).not.toContain('家里新绑定了一个微信')
    const trail = data((await orgFunction.invoke({ db: database.db, openid: 'demo-admin', event: { action: 'audit' }, platform: localPlatform })) as Envelope<AuditPage>)
    expect(trail.records.find((r) => r.action === 'household.bind')).toMatchObject({
      byName: '李小红',
      actionLabel: '用邀请码绑定农户',
      org: { id: 'v-zjq' },
      after: { household: '李秀英', name: '李小红', openid: 'wx-li-daughter', issuedBy: 'demo-cadre', inviteTail: invite.code.slice(-2) },
    })
  })
})

describe('unbinding a member', () => {
  it('When a cadre unbinds a member, then the row stays with its time, the member loses the household, and may bind again with a new code', async () => {
    const invite = await issue('h-zjq-15')
    data(await bind('wx-leaver', invite.code, '吕阿婆'))
    const [member] = data(await call<MemberView[]>('demo-cadre', 'members', { householdId: 'h-zjq-15' }))
    const unbound = data(await call<MemberView>('demo-cadre', 'unbind', { requestId: nextRequestId(), memberId: member.id }))
    expect(unbound.unboundAt).not.toBeNull()
    expect(await whoami('wx-leaver')).toMatchObject({ registered: true, household: null, roles: [] })
    const rows = await database.db.select().from(householdMembers).where(eq(householdMembers.openid, 'wx-leaver'))
    expect(rows).toHaveLength(1)

    const again = await issue('h-zjq-16')
    expect(data(await bind('wx-leaver', again.code))).toMatchObject({ bound: true, household: { id: 'h-zjq-16' } })
  })

  it('When a cadre of another village or a villager tries to unbind, then FORBIDDEN and the member stays', async () => {
    const [member] = await database.db.select().from(householdMembers).where(eq(householdMembers.openid, 'demo-villager-2'))
    for (const openid of ['demo-cadre-other', 'demo-villager']) {
      expect(await call(openid, 'unbind', { requestId: nextRequestId(), memberId: member.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await whoami('demo-villager-2')).toMatchObject({ household: { id: 'h-zjq-02' } })
  })

  it('When a villager lists their own household’s members, then they see them; another household’s, FORBIDDEN', async () => {
    const mine = data(await call<MemberView[]>('demo-villager', 'members', { householdId: 'h-zjq-01' }))
    expect(mine.map((m) => m.displayName)).toEqual(['张建国'])
    expect(await call('demo-villager', 'members', { householdId: 'h-zjq-02' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

const onPostgres = process.env.DATABASE_URL ? describe : describe.skip

onPostgres('binding under concurrency (PostgreSQL)', () => {
  it('When two people use the same code at the same moment, then exactly one of them binds', async () => {
    const invite = await issue('h-zjq-20')
    const results = await Promise.all(['wx-race-a', 'wx-race-b'].map((openid) => bind(openid, invite.code)))
    const bound = results.map(data).filter((r) => r.bound)
    expect(bound).toHaveLength(1)
    const active = await database.db.select().from(householdMembers).where(eq(householdMembers.householdId, 'h-zjq-20'))
    expect(active).toHaveLength(1)
  })

  it('When one openid sends 12 wrong guesses at once, then at most 5 are judged and the rest are refused', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => bind('wx-parallel-guesser', `ZZZZZZZ${INVITE_ALPHABET[i]}`)))
    const judged = results.filter((r) => r.ok)
    expect(judged).toHaveLength(5)
    expect(results.filter((r) => !r.ok && r.error.code === 'TOO_MANY_ATTEMPTS')).toHaveLength(7)
    expect(await failuresOf('wx-parallel-guesser')).toBe(5)
  })
})
