import { inArray } from 'drizzle-orm'
import type { MatterAssignee, MatterRating, MatterStatus } from '../../src/core/matter'
import type { Db } from '../store/database'
import { households, matterSeconds, matters, matterSteps, users } from '../store/schema'

const DAY = 24 * 3600 * 1000

type Step = { kind: string; by: string; note: string; day: number; dueAt?: number }
type MatterSeed = {
  household: string
  text: string
  place: string
  showName?: boolean
  status: MatterStatus
  raisedDay: number
  assignee?: MatterAssignee
  dueDay?: number
  reopened?: number
  rating?: MatterRating
  outcome?: string
  mergedInto?: number
  steps: Step[]
  seconds?: string[]
}

const LEADER = 'demo-grid-leader'
const CADRE = 'demo-cadre'

/**
 * 赵家桥村's 连心议站 in every state, days relative to today (negative: in the past): the repair of
 * 坟浜 that 广陈镇龙萌村 reported back, a street lamp, a bus shelter escalated to the street, one
 * overdue, one reopened after 不满意, a duplicate merged, one declined with its reason.
 */
const SEEDS: MatterSeed[] = [
  { household: 'h-zjq-03', text: '3组路口的路灯坏了两盏，晚上看不清', place: '3组路口', status: 'collected', raisedDay: -1, steps: [], seconds: ['h-zjq-04'] },
  {
    household: 'h-zjq-05', text: '建议在村文化礼堂门口加几张长椅，老人等车有地方坐', place: '文化礼堂', showName: true, status: 'accepted', raisedDay: -3,
    steps: [{ kind: 'accept', by: LEADER, note: '好建议，报村里统筹', day: -2 }],
  },
  {
    household: 'h-zjq-12', text: '河边护栏有一段松动了，小孩在那里玩很危险', place: '南河埠头', status: 'assigned', raisedDay: -4, assignee: 'cadre', dueDay: 5,
    steps: [{ kind: 'accept', by: CADRE, note: '', day: -3 }, { kind: 'assign', by: CADRE, note: '交办给村干部 陈明华', day: -3, dueAt: 5 }],
  },
  {
    household: 'h-zjq-18', text: '坟浜河道淤积发臭，夏天蚊子多，希望清淤', place: '坟浜', status: 'in_progress', raisedDay: -10, assignee: 'cadre', dueDay: 10,
    steps: [
      { kind: 'accept', by: CADRE, note: '', day: -9 },
      { kind: 'assign', by: CADRE, note: '交办给村干部 陈明华', day: -9, dueAt: 10 },
      { kind: 'progress', by: CADRE, note: '已请镇水利站来看过，排进本月清淤计划', day: -5 },
    ],
    seconds: ['h-zjq-17', 'h-zjq-19', 'h-zjq-20'],
  },
  {
    household: 'h-zjq-26', text: '村西小桥桥面坑洼，电瓶车容易摔', place: '村西小桥', status: 'in_progress', raisedDay: -20, assignee: 'cadre', dueDay: -2,
    steps: [
      { kind: 'accept', by: CADRE, note: '', day: -19 },
      { kind: 'assign', by: CADRE, note: '交办给村干部 陈明华', day: -19, dueAt: -2 },
      { kind: 'progress', by: CADRE, note: '已联系施工队，等材料', day: -12 },
    ],
  },
  {
    household: 'h-zjq-02', text: '1组垃圾分类亭的门坏了关不上', place: '1组垃圾分类亭', status: 'answered', raisedDay: -8, assignee: 'cadre', dueDay: 2, outcome: '门已换新，请大家轻开轻关',
    steps: [
      { kind: 'accept', by: LEADER, note: '', day: -7 },
      { kind: 'assign', by: LEADER, note: '交办给村干部 陈明华', day: -7, dueAt: 2 },
      { kind: 'feedback', by: CADRE, note: '门已换新，请大家轻开轻关', day: -1 },
    ],
  },
  {
    household: 'h-zjq-01', text: '1组到村口的小路积水，下雨天没法走', place: '1组小路', status: 'rated', raisedDay: -30, assignee: 'cadre', dueDay: -16, rating: 'satisfied', outcome: '路面已垫高，加了排水沟',
    steps: [
      { kind: 'accept', by: LEADER, note: '', day: -29 },
      { kind: 'assign', by: LEADER, note: '交办给村干部 陈明华', day: -29, dueAt: -16 },
      { kind: 'progress', by: CADRE, note: '施工中', day: -22 },
      { kind: 'feedback', by: CADRE, note: '路面已垫高，加了排水沟', day: -18 },
      { kind: 'rate', by: 'demo-villager', note: '满意', day: -17 },
    ],
  },
  {
    household: 'h-zjq-10', text: '公交站台的顶棚被风刮坏了', place: '赵家桥公交站', status: 'rated', raisedDay: -40, assignee: 'street', dueDay: -20, reopened: 1, rating: 'fair', outcome: '街道已换新顶棚并加固',
    steps: [
      { kind: 'accept', by: CADRE, note: '', day: -39 },
      { kind: 'assign', by: CADRE, note: '上报街道办理', day: -39, dueAt: -20 },
      { kind: 'feedback', by: 'demo-admin', note: '已报交通部门', day: -30 },
      { kind: 'rate', by: 'h-zjq-10', note: '不满意：还没修', day: -29 },
      { kind: 'reopen', by: 'h-zjq-10', note: '不满意，重新办理', day: -29 },
      { kind: 'feedback', by: 'demo-admin', note: '街道已换新顶棚并加固', day: -22 },
      { kind: 'rate', by: 'h-zjq-10', note: '基本满意', day: -21 },
    ],
  },
  {
    household: 'h-zjq-19', text: '坟浜那边河水很臭', place: '坟浜', status: 'merged', raisedDay: -9, mergedInto: 3,
    steps: [{ kind: 'merge', by: CADRE, note: '同一件事，合并到坟浜清淤里办理', day: -8 }],
  },
  {
    household: 'h-zjq-07', text: '希望村里出钱给每户装空调', place: '', status: 'declined', raisedDay: -6,
    steps: [{ kind: 'decline', by: LEADER, note: '不属于村集体能办的事，可关注镇里的惠民政策', day: -5 }],
  },
]

/** Writes the demo matters; residents who raised them get a user row (not bound, so nobody logs in as them). */
export async function seedDemoMatters(tx: Db, now = new Date()): Promise<void> {
  const at = (day: number) => new Date(now.getTime() + day * DAY)
  const ids = [...new Set(SEEDS.flatMap((s) => [s.household, ...(s.seconds ?? [])]))]
  const rows = await tx.select().from(households).where(inArray(households.id, ids))
  const residentOf = (householdId: string) => (householdId === 'h-zjq-01' ? 'demo-villager' : householdId === 'h-zjq-02' ? 'demo-villager-2' : `seed-resident-${householdId}`)
  await tx
    .insert(users)
    .values(rows.filter((h) => !['h-zjq-01', 'h-zjq-02'].includes(h.id)).map((h) => ({ openid: residentOf(h.id), displayName: h.headName })))
    .onConflictDoNothing()
  const created: number[] = []
  for (const seed of SEEDS) {
    const household = rows.find((h) => h.id === seed.household)!
    const firstFeedback = seed.steps.find((s) => s.kind === 'feedback')
    const closed = seed.status === 'rated' || seed.status === 'merged' || seed.status === 'declined'
    const [row] = await tx
      .insert(matters)
      .values({
        villageId: household.villageId,
        microGridId: household.microGridId,
        householdId: household.id,
        raisedBy: residentOf(household.id),
        text: seed.text,
        place: seed.place,
        showName: seed.showName ?? false,
        status: seed.status,
        mergedIntoId: seed.mergedInto === undefined ? null : created[seed.mergedInto],
        assignee: seed.assignee ?? null,
        assigneeOpenid: seed.assignee === 'cadre' ? CADRE : null,
        dueAt: seed.dueDay === undefined ? null : at(seed.dueDay),
        reopened: seed.reopened ?? 0,
        rating: seed.rating ?? null,
        outcome: seed.outcome ?? '',
        firstFeedbackAt: firstFeedback ? at(firstFeedback.day) : null,
        closedAt: closed ? at(seed.steps.at(-1)!.day) : null,
        createdAt: at(seed.raisedDay),
      })
      .returning()
    created.push(row.id)
    const steps = [{ kind: 'raise', by: household.id, note: seed.text, day: seed.raisedDay } as Step, ...seed.steps]
    await tx.insert(matterSteps).values(
      steps.map((s) => ({
        matterId: row.id,
        kind: s.kind,
        actorOpenid: s.by.startsWith('h-') ? residentOf(s.by) : s.by,
        note: s.note,
        details: s.dueAt === undefined ? {} : ({ dueAt: at(s.dueAt).toISOString() } as Record<string, string>),
        createdAt: at(s.day),
      })),
    )
    for (const second of seed.seconds ?? []) {
      await tx.insert(matterSeconds).values({ matterId: row.id, householdId: second, openid: residentOf(second), createdAt: at(seed.raisedDay + 1) })
    }
  }
}
