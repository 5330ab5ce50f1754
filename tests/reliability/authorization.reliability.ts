import { createHash } from 'node:crypto'
import { cloudFunctions } from '../../server/functions'
import { PERMISSIONS, type Permission } from '../../src/core/policy'
import { STAFF_ROLES, type StaffRole } from '../../src/core/roles'
import type { HouseholdDetail, InviteView, MemberView, PlateSheet } from '../../src/core/contracts/account'
import type { GoodsView, MyCardToken, Redemption } from '../../src/core/contracts/card'
import type { RunSummary } from '../../src/core/contracts/dividend'
import type { MyCertificateView } from '../../src/core/contracts/credit'
import type { MatterDetail } from '../../src/core/contracts/matter'
import type { BulletinView, NoticeView } from '../../src/core/contracts/notice'
import type { IssuedStaffInvite, StaffList, TreePreview, UnitView } from '../../src/core/contracts/org'
import { periodsOf } from '../../src/core/period'
import type { RuleSetView, ScoreRecordView, AppealView, SubmitResult, PointsImportView } from '../../src/core/contracts/score'
import { localDay } from '../../src/core/period'
import { Figures } from './support/figures'
import { dataOf, outcomeOf, post } from './support/http'
import { describeOnServer } from './support/server-database'
import { startServerGateway } from './support/server-gateway'

const figures = new Figures('authorisation matrix (action × demo role × own/other scope)')

/**
 * Where each demo role stands, and a place just outside it. `null`: the role has no such place.
 * `scoredBy`: whose entries and notices of the household the row acts on (default: its village's);
 * a community's staff hold power only over the entries their community scored.
 */
type Place = { village: string; org: string; household: string; shop: string | null; scoredBy?: 'community' }
const ALLIANCE_PLACE: Place = { village: 'al-danghu', org: 'al-danghu', household: 'm-danghu-02', shop: null }
const inAlliance = (place: Place) => place.village.startsWith('al-')
const SCOPES: Record<string, { own: Place; other: Place | null }> = {
  'demo-villager': { own: { village: 'v-zjq', org: 'v-zjq', household: 'h-zjq-01', shop: 'shop-zjq' }, other: { village: 'v-tj', org: 'v-tj', household: 'h-zjq-03', shop: null } },
  'demo-villager-2': { own: { village: 'v-zjq', org: 'v-zjq', household: 'h-zjq-02', shop: 'shop-zjq' }, other: { village: 'v-tj', org: 'v-tj', household: 'h-tj-02', shop: null } },
  'demo-grid-leader': { own: { village: 'v-zjq', org: 'mg-zjq-1-1', household: 'h-zjq-03', shop: null }, other: { village: 'v-tj', org: 'mg-zjq-2-1', household: 'h-zjq-20', shop: null } },
  'demo-cadre': { own: { village: 'v-zjq', org: 'v-zjq', household: 'h-zjq-10', shop: 'shop-zjq' }, other: { village: 'v-tj', org: 'v-tj', household: 'h-tj-02', shop: null } },
  'demo-cadre-other': { own: { village: 'v-tj', org: 'v-tj', household: 'h-tj-02', shop: null }, other: { village: 'v-zjq', org: 'v-zjq', household: 'h-zjq-10', shop: 'shop-zjq' } },
  'demo-community': { own: { village: 'v-tj', org: 'c-donghu', household: 'h-tj-06', shop: null, scoredBy: 'community' }, other: { village: 'v-zjq', org: 'v-zjq', household: 'h-zjq-10', shop: 'shop-zjq' } },
  'demo-accountant': { own: { village: 'v-zjq', org: 'v-zjq', household: 'h-zjq-10', shop: 'shop-zjq' }, other: { village: 'v-tj', org: 'v-tj', household: 'h-tj-02', shop: null } },
  'demo-shop': { own: { village: 'v-zjq', org: 'shop-zjq', household: 'h-zjq-10', shop: 'shop-zjq' }, other: { village: 'v-tj', org: 'v-tj', household: 'h-tj-02', shop: null } },
  // The street admin's street holds every demo village: there is no "other" place to try.
  'demo-admin': { own: { village: 'v-zjq', org: 'st-danghu', household: 'h-zjq-10', shop: 'shop-zjq' }, other: null },
  // 善治贷: the loan officer's own place is her bank (a household's certificate addressed to it); outside it, a
  // certificate the household addressed to another bank. Every village row tries 赵家桥村 or 通界村: all refused.
  'demo-bank': { own: { village: 'v-zjq', org: 'bk-pinghu', household: 'h-zjq-10', shop: null }, other: { village: 'v-tj', org: 'v-tj', household: 'h-zjq-20', shop: null } },
  // 商家自治联盟: the committee member, the department's inspector and a merchant's owner stand in the demo alliance
  // (outside it: a village, and for the merchant rows another alliance the admin added).
  'demo-alliance': { own: ALLIANCE_PLACE, other: { village: 'v-zjq', org: 'v-zjq', household: 'h-zjq-10', shop: 'shop-zjq' } },
  'demo-inspector': { own: ALLIANCE_PLACE, other: { village: 'v-zjq', org: 'v-zjq', household: 'h-zjq-10', shop: 'shop-zjq' } },
  'demo-merchant': { own: { ...ALLIANCE_PLACE, household: 'm-danghu-01' }, other: { village: 'v-zjq', org: 'v-zjq', household: 'h-zjq-03', shop: null } },
}
const ROLES = Object.keys(SCOPES)
/** The staff role each demo identity holds (the villagers hold none): the rows below follow PERMISSIONS through it. */
const ROLE_OF: Record<string, StaffRole | null> = {
  'demo-villager': null, 'demo-villager-2': null, 'demo-grid-leader': 'grid_leader', 'demo-cadre': 'cadre', 'demo-cadre-other': 'cadre',
  'demo-community': 'community_scorer', 'demo-accountant': 'accountant', 'demo-shop': 'shop_clerk', 'demo-admin': 'admin', 'demo-bank': 'bank_officer',
  'demo-alliance': 'alliance_committee', 'demo-inspector': 'dept_inspector', 'demo-merchant': null,
}
/** The demo identities whose role carries `permission`, from the policy table itself: a new role there changes the rows. */
const holders = (permission: Permission) => ROLES.filter((openid) => (PERMISSIONS[permission] as readonly string[]).includes(ROLE_OF[openid] ?? ''))
/** A merchant's owner holds no staff role either, and is no villager: merchant rows name it. */
const MERCHANT_OWNERS = ['demo-merchant']
const VILLAGERS = ROLES.filter((openid) => ROLE_OF[openid] === null && !MERCHANT_OWNERS.includes(openid))
/** Of the holders of a permission, those whose role sits on an alliance, and the street's admin above it. */
const onAlliance = (permission: Permission) => holders(permission).filter((openid) => openid === 'demo-admin' || inAlliance(SCOPES[openid].own))
const OFFICERS = holders('verifyCertificate')
const STAFF_VIEW = holders('viewHouseholds')
const SCORERS = holders('score')
const CADRES = holders('decideScores')
// 连心议站: who assesses and assigns (a micro-grid's leader, a village's cadres), and who has a work list.
const ASSESSORS = ['demo-grid-leader', ...CADRES]
const MATTER_STAFF = [...ASSESSORS, 'demo-admin']
const ALL = ROLES
const RUNNERS = holders('runDividend')
// A village's roster and its settings: its cadre and the street's admin.
const ROSTER = holders('manageRoster')
// The organisation tree and its people (org.*): who may staff a village (its cadre, the street's admin).
const KEEPERS = ROSTER
const TREE_FILE = { fileName: 'tree.csv', contentBase64: Buffer.from('类型,名称\n村民小组,核对导入组\n').toString('base64') }
const ROSTER_FILE = { fileName: 'roster.csv', contentBase64: Buffer.from('户主,村民小组/网格,门牌,股数,成员\n核对户,1组,1组99号,1,\n').toString('base64') }
const THIS_MONTH = periodsOf(new Date()).month
// A village's paper points: its cadres draft an import, its accountant or another cadre confirms one drafted by someone else.
const IMPORTERS = holders('draftPointsImport')
const CONFIRMERS = holders('confirmPointsImport')
/** One household of the village with a carried-over balance, keyed by its household code. */
const pointsFile = (village: string) => ({ fileName: 'points.csv', contentBase64: Buffer.from(`户号,结转余额\n${REP[village]},5\n`).toString('base64') })
const sha256Of = (file: { contentBase64: string }) => createHash('sha256').update(Buffer.from(file.contentBase64, 'base64')).digest('hex')
const PHOTO = 'local://0b7f3c1e-9a55-4c55-9d0e-3a1f6a7b8c9d.jpg'
/** The household that stands for its village where a village's record is a household's (a notice to read). */
const REP: Record<string, string> = { 'v-zjq': 'h-zjq-10', 'v-tj': 'h-tj-02' }
/** The bank a place stands for: the officer's own, or (any other place) the other bank the admin added. */
const bankOf = (c: Ctx) => (c.place.org === 'bk-pinghu' ? 'bk-pinghu' : c.fx.otherBank)
/** The alliance a place stands for: the demo alliance for its own people, another alliance from anywhere else. */
const allianceOf = (c: Ctx) => (inAlliance(c.place) ? 'al-danghu' : c.fx.otherAlliance)
/** The household's entries and notices the place acts on: its village's, or (scoredBy) its community's. */
const entriesOf = (c: Ctx) => (c.place.scoredBy === 'community' ? c.fx.communityEntries : c.fx.entries).get(c.place.household)
const noticesOf = (c: Ctx) => (c.place.scoredBy === 'community' ? c.fx.communityNotices : c.fx.notices).get(c.place.household)
/** The event built from a record, or no cell when the place has no such record. */
function on<T>(record: T | undefined, event: (record: T) => Record<string, unknown>): Record<string, unknown> | null {
  return record === undefined ? null : event(record)
}

/**
 * Records arranged once in beforeAll through the API, by the roles that may make them, so that each
 * place has its own: per household (deductions, notices, invites, members, details), per village
 * (a pending claim, an appeal, a bulletin, a notice to post, dividend runs, the rule set), per shop (receipts).
 * A place without such a record (no villager in 通界村 to claim or appeal) gives no cell.
 */
type Fixtures = {
  /** Deductions (custom-lavish, no notice) of each household: one to reverse, one to appeal, one to open a notice for. */
  entries: Map<string, { reverse: number; appeal: number; open: number }>
  /** Notices (env-clutter) of each household: one to read and prove, one to verify, one to extend. */
  notices: Map<string, { read: number; verify: number; extend: number }>
  /** The same, scored by 东湖社区 (its scorer) on the 通界村 households living there. */
  communityEntries: Map<string, { reverse: number; appeal: number; open: number }>
  communityNotices: Map<string, { read: number; verify: number; extend: number }>
  pending: Map<string, number>
  appeals: Map<string, number>
  bulletins: Map<string, number>
  postable: Map<string, number>
  claimRules: Map<string, number>
  ruleSets: Map<string, RuleSetView>
  published: Map<string, number>
  drafts: Map<string, number>
  invites: Map<string, number>
  members: Map<string, number>
  details: Map<string, HouseholdDetail>
  receipts: Map<string, string[]>
  goods: Map<string, number>
  rosterDigests: Map<string, string>
  /** Per village: a paper points import drafted by a second cadre of the village, for the others to confirm. */
  pointsImports: Map<string, number>
  /** Per village: another draft, for its cadres to withdraw. */
  pointsDrafts: Map<string, number>
  /** Per village: a unit to rename, a unit to retire, a tree preview's digest, an unused staff code, a grid leader's grant. */
  units: Map<string, string>
  spareUnits: Map<string, string>
  treeDigests: Map<string, string>
  staffInvites: Map<string, number>
  staffGrants: Map<string, number>
  card: { number: string; pin: string } | null
  token(): Promise<string>
  /** A fresh number code (数字码) of 张建国's card. */
  cardCode(): Promise<string>
  /** 连心议站: each household's matters, one per step to try (collected, accepted, escalated, answered). */
  matters: Map<string, { accept: number; merge: number; decline: number; assign: number; handle: number; rate: number }>
  /** Per village: a matter to read and say 我也遇到 to, and an open one to merge into. */
  villageMatters: Map<string, { read: number; into: number }>
  /** 善治贷: each household's certificate (h-zjq-20's addressed to another bank), and that other bank. */
  certificates: Map<string, { id: string; qrText: string }>
  otherBank: string
  /** 门牌码: each household's signed plate, printed by its village's cadre. */
  plates: Map<string, string>
  /** 商家自治联盟: a second alliance (with star terms), the place outside the demo alliance, and a training session's code. */
  otherAlliance: string
  trainingCode: string
}
type Ctx = { place: Place; ruleOf(village: string): number; n: number; fx: Fixtures }
/**
 * One row per action: the event for a place, who may do it in their own place (from the issues and
 * PERMISSIONS), and whether the action has a place at all (a caller's own things: no "other").
 */
type Row = {
  action: string
  allowed: readonly string[]
  scoped: boolean
  event(ctx: Ctx): Record<string, unknown> | null | Promise<Record<string, unknown> | null>
  /** Answers that count as a refusal besides FORBIDDEN (a caller with no household asking for its own). */
  refusals?: readonly string[]
  /** A row on an alliance's merchants (merchant.*): it is tried in alliance places; every other row never is. */
  merchants?: boolean
}

/**
 * Every action: first those whose place is an organisation or a household given in the input, and the
 * caller's own ones; then those that act on a record (score records, appeals, entries, notices, receipts,
 * runs, invites, members, bulletins), each on a record of the place, arranged once by `arrange` below.
 */
const TABLE: Row[] = [
  { action: 'account.whoami', allowed: ALL, scoped: false, event: () => ({}) },
  // 首页's waiting work: every role asks about itself only (counts of its own grants, its own household).
  { action: 'account.waiting', allowed: ALL, scoped: false, event: () => ({}) },
  // 我的信息: the caller's own data only (there is nothing to name); someone bound to no household reads their own part.
  { action: 'account.myData', allowed: ALL, scoped: false, event: () => ({}) },
  { action: 'account.exportMyData', allowed: ALL, scoped: false, event: () => ({}) },
  // The caller's own units for a page's picker: anyone may ask; someone with no such role gets none.
  { action: 'account.workUnits', allowed: ALL, scoped: false, event: () => ({ permission: 'viewHouseholds', kinds: ['village'] }) },
  { action: 'account.setElderMode', allowed: ALL, scoped: false, event: (c) => ({ requestId: `authz-elder-${c.n}`, on: true }) },
  { action: 'account.households', allowed: STAFF_VIEW, scoped: true, event: (c) => ({ orgId: c.place.org }) },
  { action: 'account.householdDetail', allowed: ['demo-cadre', 'demo-cadre-other', 'demo-admin'], scoped: true, event: (c) => ({ householdId: c.place.household }) },
  { action: 'account.invites', allowed: ['demo-cadre', 'demo-cadre-other', 'demo-admin'], scoped: true, event: (c) => ({ householdId: c.place.household }) },
  // A household's own members see who else is bound to it.
  { action: 'account.members', allowed: [...VILLAGERS, 'demo-cadre', 'demo-cadre-other', 'demo-admin'], scoped: true, event: (c) => ({ householdId: c.place.household }) },
  { action: 'score.submit', allowed: SCORERS, scoped: true, event: (c) => ({ requestId: `authz-submit-${c.n}`, householdIds: [c.place.household], ruleId: c.ruleOf(c.place.household) }) },
  { action: 'score.ledger', allowed: [...VILLAGERS, ...STAFF_VIEW], scoped: true, event: (c) => ({ householdId: c.place.household }) },
  { action: 'score.pending', allowed: CADRES, scoped: true, event: (c) => ({ orgId: c.place.village }) },
  { action: 'score.beautyChart', allowed: STAFF_VIEW, scoped: true, event: (c) => ({ orgId: c.place.org }) },
  // The caller's own lists: anyone may ask; someone who never scored or claimed gets an empty one.
  { action: 'score.myInspections', allowed: ALL, scoped: false, event: () => ({}) },
  { action: 'score.myRequests', allowed: ALL, scoped: false, event: () => ({}) },
  { action: 'notice.candidates', allowed: CADRES, scoped: true, event: (c) => ({ orgId: c.place.village }) },
  { action: 'notice.channel', allowed: [...VILLAGERS, ...STAFF_VIEW], scoped: true, event: (c) => ({ orgId: c.place.village }) },
  { action: 'notice.mine', allowed: ALL, scoped: false, event: () => ({}) },
  { action: 'dividend.preview', allowed: ['demo-cadre', 'demo-cadre-other', 'demo-accountant'], scoped: true, event: (c) => ({ orgId: c.place.village, year: 2026, totalFen: 600_000, incentiveRatio: '1/6', method: 'proportional' }) },
  { action: 'dividend.mine', allowed: VILLAGERS, scoped: false, event: () => ({}), refusals: ['NOT_FOUND'] },
  { action: 'card.myCard', allowed: VILLAGERS, scoped: false, event: () => ({}) },
  { action: 'card.cardToken', allowed: VILLAGERS, scoped: false, event: () => ({}) },
  { action: 'card.printedCard', allowed: CADRES, scoped: true, event: (c) => ({ householdId: c.place.household }) },
  { action: 'card.setCardPin', allowed: CADRES, scoped: true, event: (c) => ({ requestId: `authz-pin-${c.n}`, householdId: c.place.household, pin: '270418' }) },
  { action: 'card.dailySummary', allowed: ['demo-shop', 'demo-cadre', 'demo-accountant', 'demo-admin'], scoped: true, event: (c) => (c.place.shop ? { shopId: c.place.shop } : null) },

  // Record-specific actions: the record is the place's own (a household's deduction, a village's appeal…).
  { action: 'score.decide', allowed: CADRES, scoped: true, event: (c) => on(c.fx.pending.get(c.place.village), (recordId) => ({ requestId: `authz-decide-${c.n}`, recordId, approve: false, note: '核对' })) },
  { action: 'score.reverse', allowed: CADRES, scoped: true, event: (c) => on(entriesOf(c), (e) => ({ requestId: `authz-reverse-${c.n}`, entryId: e.reverse, reason: '核对撤销' })) },
  // A villager claims for its own household only: there is no place to name.
  { action: 'score.claim', allowed: VILLAGERS, scoped: false, event: (c) => on(c.fx.claimRules.get(c.place.village), (ruleId) => ({ requestId: `authz-claim-${c.n}`, ruleId, photos: [PHOTO] })) },
  { action: 'score.appeal', allowed: VILLAGERS, scoped: true, event: (c) => on(entriesOf(c), (e) => ({ requestId: `authz-appeal-${c.n}`, entryId: e.appeal, reason: '不是我家的' })) },
  { action: 'score.decideAppeal', allowed: CADRES, scoped: true, event: (c) => on(c.fx.appeals.get(c.place.village), (appealId) => ({ requestId: `authz-decide-appeal-${c.n}`, appealId, overturn: false, note: '维持' })) },
  { action: 'notice.open', allowed: SCORERS, scoped: true, event: (c) => on(entriesOf(c), (e) => ({ requestId: `authz-open-${c.n}`, entryId: e.open, days: 7 })) },
  { action: 'notice.postBulletin', allowed: CADRES, scoped: true, event: (c) => on(c.fx.postable.get(c.place.village), (id) => ({ requestId: `authz-post-${c.n}`, orgId: c.place.village, noticeIds: [id] })) },
  // Readers of a village's notices: its households and the staff who see its households (as notice.channel).
  { action: 'notice.bulletin', allowed: [...VILLAGERS, ...STAFF_VIEW], scoped: true, event: (c) => on(c.fx.bulletins.get(c.place.village), (bulletinId) => ({ bulletinId })) },
  { action: 'notice.openFromGroup', allowed: [...VILLAGERS, ...STAFF_VIEW], scoped: true, event: (c) => on(c.fx.bulletins.get(c.place.village), (bulletinId) => ({ requestId: `authz-group-${c.n}`, bulletinId, cloudId: `local-group:authz-${c.n}` })) },
  // By village, not household: a villager may read a neighbour's (masked) notice in its own village.
  { action: 'notice.detail', allowed: [...VILLAGERS, ...STAFF_VIEW], scoped: true, event: (c) => on(c.fx.notices.get(REP[c.place.village]), (n) => ({ noticeId: n.read })) },
  { action: 'notice.submitProof', allowed: VILLAGERS, scoped: true, event: (c) => on(noticesOf(c), (n) => ({ requestId: `authz-proof-${c.n}`, noticeId: n.read, photos: [PHOTO] })) },
  // Rejecting a notice that has no proof yet is a NOTICE_STATE answer: allowed (not FORBIDDEN), nothing changes.
  { action: 'notice.verify', allowed: SCORERS, scoped: true, event: (c) => on(noticesOf(c), (n) => ({ requestId: `authz-verify-${c.n}`, noticeId: n.verify, accept: false, reason: '照片看不清楚' })) },
  { action: 'notice.extend', allowed: CADRES, scoped: true, event: (c) => on(noticesOf(c), (n) => ({ requestId: `authz-extend-${c.n}`, noticeId: n.extend, days: 3 })) },
  { action: 'notice.awaitingCheck', allowed: SCORERS, scoped: true, event: (c) => ({ orgId: c.place.org }) },
  { action: 'notice.stats', allowed: STAFF_VIEW, scoped: true, event: (c) => ({ orgId: c.place.org, period: '2026' }) },
  { action: 'card.holder', allowed: ['demo-shop'], scoped: true, event: async (c) => (c.place.shop ? { token: await c.fx.token(), shopId: c.place.shop } : null) },
  { action: 'card.codeToken', allowed: ['demo-shop'], scoped: true, event: async (c) => (c.place.shop ? { code: await c.fx.cardCode(), shopId: c.place.shop } : null) },
  { action: 'card.printedCardToken', allowed: ['demo-shop'], scoped: true, event: (c) => (c.place.shop && c.fx.card ? { cardNumber: c.fx.card.number, pin: c.fx.card.pin, shopId: c.place.shop } : null) },
  { action: 'card.redeem', allowed: ['demo-shop'], scoped: true, event: async (c) => (c.place.shop ? { requestId: `authz-redeem-${c.n}`, token: await c.fx.token(), shopId: c.place.shop, items: [{ goodsId: c.fx.goods.get(c.place.shop)!, quantity: 1 }] } : null) },
  { action: 'card.goods', allowed: ['demo-shop', 'demo-cadre'], scoped: true, event: (c) => (c.place.shop ? { shopId: c.place.shop } : null) },
  { action: 'card.saveGoods', allowed: ['demo-shop', 'demo-cadre'], scoped: true, event: (c) => (c.place.shop ? { requestId: `authz-goods-${c.n}`, shopId: c.place.shop, name: `核对用品${c.n}`, pointsPrice: 5, onShelf: false, stockDelta: 0 } : null) },
  // The receipt is demo-villager's household's: the household itself may read it, besides the shop's staff.
  { action: 'card.receipt', allowed: ['demo-villager', 'demo-shop', 'demo-cadre', 'demo-accountant', 'demo-admin'], scoped: true, event: (c) => on(c.place.shop ? c.fx.receipts.get(c.place.shop)?.[0] : undefined, (receiptId) => ({ receiptId })) },
  { action: 'card.reverseRedemption', allowed: ['demo-shop', 'demo-cadre'], scoped: true, event: (c) => on(c.place.shop ? c.fx.receipts.get(c.place.shop)?.[1] : undefined, (receiptId) => ({ requestId: `authz-unredeem-${c.n}`, receiptId, reason: '核对' })) },
  { action: 'card.reconcile', allowed: ['demo-shop', 'demo-cadre', 'demo-accountant', 'demo-admin'], scoped: true, event: (c) => (c.place.shop ? { shopId: c.place.shop } : null) },
  { action: 'dividend.publish', allowed: RUNNERS, scoped: true, event: (c) => on(c.fx.drafts.get(c.place.village), (runId) => ({ requestId: `authz-publish-${c.n}`, runId })) },
  { action: 'dividend.saveDraft', allowed: RUNNERS, scoped: true, event: (c) => ({ requestId: `authz-draft-${c.n}`, orgId: c.place.village, year: 2024, totalFen: 600_000, incentiveFen: 0, method: 'proportional' }) },
  // A village's households read its published runs; its cooperative's staff read and run them.
  { action: 'dividend.runs', allowed: [...VILLAGERS, ...RUNNERS], scoped: true, event: (c) => ({ orgId: c.place.village }) },
  { action: 'dividend.run', allowed: [...VILLAGERS, ...RUNNERS], scoped: true, event: (c) => on(c.fx.published.get(c.place.village), (runId) => ({ runId })) },
  { action: 'dividend.exportRun', allowed: RUNNERS, scoped: true, event: (c) => on(c.fx.published.get(c.place.village), (runId) => ({ runId, format: 'csv' })) },
  { action: 'account.updateHousehold', allowed: ROSTER, scoped: true, event: (c) => on(c.fx.details.get(c.place.household), (d) => ({ requestId: `authz-update-${c.n}`, householdId: d.household.id, headName: d.household.name, houseNo: d.household.houseNo, shares: d.household.shares, groupId: d.household.group?.id ?? null, microGridId: d.household.microGrid?.id ?? null, memberNames: d.household.memberNames })) },
  { action: 'account.issueInvite', allowed: ROSTER, scoped: true, event: (c) => ({ requestId: `authz-invite-${c.n}`, householdId: c.place.household }) },
  { action: 'account.revokeInvite', allowed: ROSTER, scoped: true, event: (c) => on(c.fx.invites.get(c.place.household), (inviteId) => ({ requestId: `authz-revoke-${c.n}`, inviteId })) },
  { action: 'account.unbind', allowed: ROSTER, scoped: true, event: (c) => on(c.fx.members.get(c.place.household), (memberId) => ({ requestId: `authz-unbind-${c.n}`, memberId })) },
  { action: 'score.pointsImportTemplate', allowed: IMPORTERS, scoped: true, event: (c) => ({ orgId: c.place.village }) },
  { action: 'score.pointsImportPreview', allowed: IMPORTERS, scoped: true, event: (c) => ({ orgId: c.place.village, asOf: localDay(new Date()), file: pointsFile(c.place.village) }) },
  { action: 'score.pointsImportDraft', allowed: IMPORTERS, scoped: true, event: (c) => ({ requestId: `authz-points-draft-${c.n}`, orgId: c.place.village, asOf: localDay(new Date()), file: pointsFile(c.place.village), fileSha256: sha256Of(pointsFile(c.place.village)) }) },
  { action: 'score.pointsImports', allowed: [...new Set([...IMPORTERS, ...CONFIRMERS])], scoped: true, event: (c) => ({ orgId: c.place.village }) },
  // After the first allowed confirmation the draft is confirmed: ALREADY_DECIDED, not a refusal.
  { action: 'score.pointsImportConfirm', allowed: CONFIRMERS, scoped: true, event: (c) => on(c.fx.pointsImports.get(c.place.village), (importId) => ({ requestId: `authz-points-confirm-${c.n}`, importId })) },
  // After the first allowed withdrawal the draft is withdrawn: ALREADY_DECIDED, not a refusal.
  { action: 'score.pointsImportWithdraw', allowed: IMPORTERS, scoped: true, event: (c) => on(c.fx.pointsDrafts.get(c.place.village), (importId) => ({ requestId: `authz-points-withdraw-${c.n}`, importId })) },
  { action: 'account.rosterPreview', allowed: ROSTER, scoped: true, event: (c) => ({ orgId: c.place.village, file: ROSTER_FILE }) },
  { action: 'account.rosterImport', allowed: ROSTER, scoped: true, event: (c) => on(c.fx.rosterDigests.get(c.place.village), (digest) => ({ requestId: `authz-import-${c.n}`, orgId: c.place.village, file: ROSTER_FILE, digest })) },
  // The values saved are the demo's defaults, so the rows after this one see the village unchanged.
  { action: 'account.villageSettings', allowed: ROSTER, scoped: true, event: (c) => ({ orgId: c.place.village }) },
  { action: 'account.saveVillageSettings', allowed: ROSTER, scoped: true, event: (c) => ({ requestId: `authz-settings-${c.n}`, orgId: c.place.village, gridLeaderScoresNeedApproval: false, rectifiedVisibleDays: 3 }) },
  // Anyone may try an invite code (a registered one or not): a wrong code is an answer, not a refusal.
  { action: 'account.bind', allowed: ALL, scoped: false, event: (c) => ({ requestId: `authz-bind-${c.n}`, code: 'AUTHZ000', displayName: '核对' }) },
  // Ranked over the place's organisation (a grid leader ranks its micro-grid, not the whole village).
  { action: 'score.ranking', allowed: [...VILLAGERS, ...STAFF_VIEW], scoped: true, event: (c) => ({ orgId: c.place.org, period: '2026' }) },
  // A village's rules are public to everyone who opens the mini-program: no place to be refused in.
  { action: 'score.rules', allowed: ALL, scoped: false, event: (c) => ({ orgId: c.place.village }) },
  { action: 'notice.channels', allowed: [...VILLAGERS, ...STAFF_VIEW], scoped: true, event: (c) => ({ orgId: c.place.village }) },
  // The caller's own messages and subscriptions.
  { action: 'notice.messages', allowed: ALL, scoped: false, event: () => ({}) },
  { action: 'notice.markRead', allowed: ALL, scoped: false, event: (c) => ({ requestId: `authz-read-${c.n}`, ids: [1] }) },
  { action: 'notice.grantSubscription', allowed: ALL, scoped: false, event: (c) => ({ requestId: `authz-sub-${c.n}`, template: 'notice', granted: 1 }) },
  // The organisation tree, staff codes and roles, the audit trail: a village's keepers (its cadre, the street's admin).
  { action: 'org.tree', allowed: KEEPERS, scoped: true, event: (c) => ({ orgId: c.place.village }) },
  { action: 'org.addUnit', allowed: KEEPERS, scoped: true, event: (c) => ({ requestId: `authz-unit-${c.n}`, parentId: c.place.village, kind: 'villager_group', name: `核对组${c.n}` }) },
  { action: 'org.renameUnit', allowed: KEEPERS, scoped: true, event: (c) => on(c.fx.units.get(c.place.village), (unitId) => ({ requestId: `authz-rename-${c.n}`, unitId, name: `核对改名${c.n}` })) },
  { action: 'org.retireUnit', allowed: KEEPERS, scoped: true, event: (c) => on(c.fx.spareUnits.get(c.place.village), (unitId) => ({ requestId: `authz-retire-${c.n}`, unitId })) },
  // Setting no community on a household that has none changes nothing, so the community scorer's scope stays as it is.
  { action: 'org.setCommunity', allowed: KEEPERS, scoped: true, event: (c) => ({ requestId: `authz-community-${c.n}`, householdId: c.place.household, communityId: null }) },
  // The shop's own village again: nothing changes, but only a keeper of the shop gets that answer.
  { action: 'org.setShopVillages', allowed: KEEPERS, scoped: true, event: (c) => (c.place.shop ? { requestId: `authz-shop-villages-${c.n}`, shopId: c.place.shop, villageIds: [c.place.village] } : null) },
  { action: 'org.treePreview', allowed: KEEPERS, scoped: true, event: (c) => ({ orgId: c.place.village, file: TREE_FILE }) },
  // After the first allowed import the same digest no longer matches (the unit is there now): ROSTER_CHANGED, not a refusal.
  { action: 'org.treeImport', allowed: KEEPERS, scoped: true, event: (c) => on(c.fx.treeDigests.get(c.place.village), (digest) => ({ requestId: `authz-tree-${c.n}`, orgId: c.place.village, file: TREE_FILE, digest })) },
  // A cadre staffs its village's accountant; nobody else below the admin invites anyone.
  { action: 'org.issueStaffInvite', allowed: KEEPERS, scoped: true, event: (c) => ({ requestId: `authz-staff-code-${c.n}`, role: 'accountant', orgId: c.place.village }) },
  { action: 'org.revokeStaffInvite', allowed: KEEPERS, scoped: true, event: (c) => on(c.fx.staffInvites.get(c.place.village), (inviteId) => ({ requestId: `authz-staff-revoke-${c.n}`, inviteId })) },
  { action: 'org.staffInvites', allowed: KEEPERS, scoped: true, event: (c) => ({ orgId: c.place.village }) },
  // Anyone may try a staff code: a wrong one is an answer, not a refusal.
  { action: 'org.bindStaff', allowed: ALL, scoped: false, event: (c) => ({ requestId: `authz-staff-bind-${c.n}`, code: 'AUTHZ000', displayName: '核对' }) },
  { action: 'org.staff', allowed: KEEPERS, scoped: true, event: (c) => ({ orgId: c.place.village }) },
  { action: 'org.revokeRole', allowed: KEEPERS, scoped: true, event: (c) => on(c.fx.staffGrants.get(c.place.village), (grantId) => ({ requestId: `authz-role-revoke-${c.n}`, grantId })) },
  { action: 'org.audit', allowed: ['demo-admin'], scoped: true, event: (c) => ({ orgId: c.place.village }) },
  // 连心议站: a villager raises for its own household; the board, a matter and the numbers are read by village
  // (its households and the staff who see its households, as notice.channel); 我也遇到 by a village's households.
  { action: 'matter.raise', allowed: VILLAGERS, scoped: false, event: (c) => ({ requestId: `authz-raise-${c.n}`, text: '核对议事内容', photos: [PHOTO] }) },
  { action: 'matter.mine', allowed: VILLAGERS, scoped: false, event: () => ({}) },
  { action: 'matter.workList', allowed: MATTER_STAFF, scoped: false, event: () => ({}) },
  { action: 'matter.board', allowed: [...VILLAGERS, ...STAFF_VIEW], scoped: true, event: (c) => ({ orgId: c.place.village }) },
  { action: 'matter.numbers', allowed: [...VILLAGERS, ...STAFF_VIEW], scoped: true, event: (c) => ({ orgId: c.place.village }) },
  { action: 'matter.detail', allowed: [...VILLAGERS, ...STAFF_VIEW], scoped: true, event: (c) => on(c.fx.villageMatters.get(c.place.village), (m) => ({ matterId: m.read })) },
  { action: 'matter.second', allowed: VILLAGERS, scoped: true, event: (c) => on(c.fx.villageMatters.get(c.place.village), (m) => ({ requestId: `authz-second-${c.n}`, matterId: m.read })) },
  // 研判 and 交办: the leader of the matter's micro-grid and the village's cadres; the street only handles escalated ones.
  { action: 'matter.accept', allowed: ASSESSORS, scoped: true, event: (c) => on(c.fx.matters.get(c.place.household), (m) => ({ requestId: `authz-maccept-${c.n}`, matterId: m.accept })) },
  { action: 'matter.merge', allowed: ASSESSORS, scoped: true, event: (c) => on(c.fx.matters.get(c.place.household), (m) => ({ requestId: `authz-mmerge-${c.n}`, matterId: m.merge, intoId: c.fx.villageMatters.get(c.place.village)!.into })) },
  { action: 'matter.decline', allowed: ASSESSORS, scoped: true, event: (c) => on(c.fx.matters.get(c.place.household), (m) => ({ requestId: `authz-mdecline-${c.n}`, matterId: m.decline, reason: '核对不受理' })) },
  { action: 'matter.assign', allowed: ASSESSORS, scoped: true, event: (c) => on(c.fx.matters.get(c.place.household), (m) => ({ requestId: `authz-massign-${c.n}`, matterId: m.assign, to: 'street', days: 7 })) },
  // On a matter escalated to the street: the street's admin handles it too.
  { action: 'matter.progress', allowed: [...ASSESSORS, 'demo-admin'], scoped: true, event: (c) => on(c.fx.matters.get(c.place.household), (m) => ({ requestId: `authz-mprogress-${c.n}`, matterId: m.handle, note: '核对进展', photos: [] })) },
  { action: 'matter.extend', allowed: [...CADRES, 'demo-admin'], scoped: true, event: (c) => on(c.fx.matters.get(c.place.household), (m) => ({ requestId: `authz-mextend-${c.n}`, matterId: m.handle, days: 3, reason: '核对延期' })) },
  { action: 'matter.feedback', allowed: [...CADRES, 'demo-admin'], scoped: true, event: (c) => on(c.fx.matters.get(c.place.household), (m) => ({ requestId: `authz-mfeedback-${c.n}`, matterId: m.handle, outcome: '核对结果', photos: [] })) },
  // Only the household that raised it rates it.
  { action: 'matter.rate', allowed: VILLAGERS, scoped: true, event: (c) => on(c.fx.matters.get(c.place.household), (m) => ({ requestId: `authz-mrate-${c.n}`, matterId: m.rate, rating: 'satisfied' })) },
  // 街道总览: the street's admin only, on a village of the street (read-only).
  { action: 'street.overview', allowed: ['demo-admin'], scoped: true, event: (c) => ({ orgId: c.place.village, period: THIS_MONTH }) },
  { action: 'street.exportOverview', allowed: ['demo-admin'], scoped: true, event: (c) => ({ orgId: c.place.village, period: THIS_MONTH }) },
  // 善治贷: a household's bound members request, read and revoke its certificate; only an officer of the bank it
  // is addressed to verifies it (cadres, clerks, the admin and another bank get nothing); the bank's terms are its officers'.
  { action: 'credit.mine', allowed: VILLAGERS, scoped: false, event: () => ({}) },
  { action: 'credit.verify', allowed: OFFICERS, scoped: true, event: (c) => on(c.fx.certificates.get(c.place.household), (cert) => ({ requestId: `authz-verify-cert-${c.n}`, scan: cert.qrText })) },
  { action: 'credit.revoke', allowed: VILLAGERS, scoped: true, event: (c) => on(c.fx.certificates.get(c.place.household), (cert) => ({ requestId: `authz-revoke-cert-${c.n}`, certificateId: cert.id })) },
  { action: 'credit.issue', allowed: VILLAGERS, scoped: false, event: (c) => ({ requestId: `authz-issue-cert-${c.n}`, bankId: 'bk-pinghu' }) },
  { action: 'credit.terms', allowed: OFFICERS, scoped: true, event: (c) => ({ bankId: bankOf(c) }) },
  { action: 'credit.publishTerms', allowed: OFFICERS, scoped: true, event: (c) => ({ requestId: `authz-terms-${c.n}`, bankId: bankOf(c), effectiveFrom: localDay(new Date()), basis: 'thisYear', bands: [{ minPoints: 100, discountBp: 10, creditLineFen: 0 }] }) },
  // 门牌码: a plate hangs on a door, so anyone may open one; what it opens (入户评分, home, the public card)
  // follows the caller's scope (server/functions/door-plates.test.ts). Printing and re-issuing are the roster keepers'.
  { action: 'account.openPlate', allowed: ALL, scoped: false, event: (c) => ({ plate: c.fx.plates.get(c.place.household)! }) },
  { action: 'account.printPlates', allowed: ROSTER, scoped: true, event: (c) => ({ requestId: `authz-plates-${c.n}`, orgId: c.place.village }) },
  { action: 'account.reissuePlate', allowed: ROSTER, scoped: true, event: (c) => ({ requestId: `authz-replate-${c.n}`, householdId: c.place.household }) },
  // Publishing gives the rules new ids, which the rows above use. The set is the one the place's village
  // uses: 赵家桥村 owns its own; 通界村 uses the street's (当湖街道), which its cadre may not edit.
  { action: 'score.publishRules', allowed: ['demo-cadre', 'demo-admin'], scoped: true, event: (c) => on(c.fx.ruleSets.get(c.place.village), (set) => ({ requestId: `authz-rules-${c.n}`, ruleSetId: set.id, rules: set.rules.map(({ id: _id, ...rule }) => rule) })) },
  // 商家自治联盟: its committee (or the street's admin) adds merchants and publishes star terms; the committee rates
  // stars and opens training; its people read the merchants, trainings and customers' concerns. The board, the
  // star terms, the ratings and the 表彰榜 are public; a merchant's owner signs in to training; anyone may raise a concern.
  { action: 'merchant.add', merchants: true, allowed: onAlliance('manageRoster'), scoped: true, event: (c) => ({ requestId: `authz-merchant-${c.n}`, allianceId: allianceOf(c), tradeName: `核对小店${c.n}`, trade: '零售', ownerName: '核对店主', address: `核对路 ${c.n} 号` }) },
  { action: 'merchant.list', merchants: true, allowed: onAlliance('viewHouseholds'), scoped: true, event: (c) => ({ allianceId: allianceOf(c) }) },
  { action: 'merchant.starTerms', merchants: true, allowed: ALL, scoped: false, event: (c) => ({ allianceId: allianceOf(c) }) },
  { action: 'merchant.publishStarTerms', merchants: true, allowed: onAlliance('editRules'), scoped: true, event: (c) => ({ requestId: `authz-star-terms-${c.n}`, allianceId: allianceOf(c), effectiveFrom: localDay(new Date()), windowMonths: 3, bands: [{ minPoints: 0, stars: 3 }, { minPoints: 10, stars: 4 }], redMinStars: 4, blackLine: -20 }) },
  { action: 'merchant.rateStars', merchants: true, allowed: onAlliance('decideScores'), scoped: true, event: (c) => ({ requestId: `authz-rate-${c.n}`, allianceId: allianceOf(c), period: THIS_MONTH }) },
  { action: 'merchant.ratings', merchants: true, allowed: ALL, scoped: false, event: (c) => ({ allianceId: allianceOf(c), period: THIS_MONTH }) },
  { action: 'merchant.board', merchants: true, allowed: ALL, scoped: false, event: () => ({ orgId: 'st-danghu' }) },
  { action: 'merchant.commendations', merchants: true, allowed: ALL, scoped: false, event: (c) => ({ orgId: allianceOf(c), year: 2026 }) },
  { action: 'merchant.openTraining', merchants: true, allowed: onAlliance('decideScores'), scoped: true, event: (c) => ({ requestId: `authz-training-${c.n}`, allianceId: allianceOf(c), title: '核对培训', hours: 2 }) },
  { action: 'merchant.trainings', merchants: true, allowed: onAlliance('viewHouseholds'), scoped: true, event: (c) => ({ allianceId: allianceOf(c) }) },
  { action: 'merchant.signIn', merchants: true, allowed: MERCHANT_OWNERS, scoped: false, event: (c) => ({ requestId: `authz-sign-in-${c.n}`, code: c.fx.trainingCode }) },
  { action: 'merchant.concern', merchants: true, allowed: ALL, scoped: false, event: (c) => ({ requestId: `authz-concern-${c.n}`, merchantId: 'm-danghu-01', text: '核对反映的问题' }) },
  { action: 'merchant.year', merchants: true, allowed: onAlliance('viewHouseholds'), scoped: true, event: (c) => ({ allianceId: allianceOf(c), year: 2026 }) },
  { action: 'merchant.exportYear', merchants: true, allowed: onAlliance('viewHouseholds'), scoped: true, event: (c) => ({ allianceId: allianceOf(c), year: 2026 }) },
  { action: 'merchant.concerns', merchants: true, allowed: onAlliance('viewHouseholds'), scoped: true, event: (c) => ({ allianceId: allianceOf(c) }) },
  // After everything: 解除绑定 ends the caller's own binding, which the villagers' rows above need. Only a bound
  // member has a binding to end: anyone else is told there is none (NOT_FOUND), and nothing changes.
  { action: 'account.withdraw', allowed: VILLAGERS, scoped: false, event: (c) => ({ requestId: `authz-withdraw-${c.n}` }), refusals: ['NOT_FOUND'] },
  // 解除店铺绑定 likewise ends the owner's own binding to his shop: anyone without one is told there is none.
  { action: 'account.leaveMerchant', allowed: MERCHANT_OWNERS, scoped: false, event: (c) => ({ requestId: `authz-leave-shop-${c.n}` }), refusals: ['NOT_FOUND'] },
]

describeOnServer('authorization.reliability.ts')('who may do what, through the real gateway (PostgreSQL)', () => {
  const world = startServerGateway(figures)
  const rules = new Map<string, number>()
  let fx: Fixtures

  beforeAll(async () => {
    for (const village of ['v-zjq', 'v-tj']) {
      const set = dataOf(await post<RuleSetView>(world.gateway.baseUrl, 'demo-cadre' + (village === 'v-tj' ? '-other' : ''), 'score', { action: 'rules', orgId: village }))
      rules.set(village, set.rules.find((r) => r.code === 'custom-lavish')!.id)
    }
    fx = await arrange(world.gateway.baseUrl)
  }, 180_000)


  it('When a cloud function gains an action, then the table must say who may do it', () => {
    const registered = Object.values(cloudFunctions).flatMap((fn) => fn.actions.map((action) => `${fn.name}.${action}`))
    expect(TABLE.map((row) => row.action).sort()).toEqual(registered.sort())
  })

  it('When every demo role tries each action of the table in its own place and in a place outside it, then exactly the expected ones are allowed and the rest are FORBIDDEN', async () => {
    let n = 0
    const ruleOf = (household: string) => rules.get(household.startsWith('h-tj') ? 'v-tj' : 'v-zjq')!
    const disagreements: string[] = []
    const escalations: string[] = []
    for (const row of TABLE) {
      const [fn, action] = row.action.split('.')
      // Refusals first, then the allowed cells: an allowed call that uses the record up (decide, verify,
      // publish, revoke) comes after every cell that must be refused on it, and a second allowed call on
      // a used record answers a state error (ALREADY_DECIDED, NOTICE_STATE…), which is not a refusal.
      const cells = ROLES.flatMap((role) => (['own', 'other'] as const).map((where) => ({ role, where })))
      const expected = (cell: { role: string; where: string }) => cell.where === 'own' && row.allowed.includes(cell.role)
      cells.sort((a, b) => Number(expected(a)) - Number(expected(b)))
      for (const { role, where } of cells) {
        {
          const place = SCOPES[role][where]
          if (!place || (where === 'other' && !row.scoped)) continue
          // A household row is never tried in an alliance, which holds no households; a merchant row is tried
          // from every place (its event names the alliance the place stands for).
          if (inAlliance(place) && !row.merchants) continue
          const event = await row.event({ place, ruleOf, n: n++, fx })
          if (!event) continue
          figures.requests++
          const answer = await post(world.gateway.baseUrl, role, fn, { action, ...event })
          const outcome = outcomeOf(answer)
          const refused = outcome === 'FORBIDDEN' || outcome === 'NOT_REGISTERED' || (row.refusals ?? []).includes(outcome)
          const expectAllowed = where === 'own' && row.allowed.includes(role)
          if (outcome === 'INTERNAL' || outcome === 'NO_ANSWER' || outcome === 'INVALID_INPUT') {
            disagreements.push(`${row.action} as ${role} (${where}): ${outcome}`)
          } else if (expectAllowed && refused) {
            disagreements.push(`${row.action} as ${role} (${where}): expected allowed, got ${outcome}`)
          } else if (!expectAllowed && !refused) {
            escalations.push(`${row.action} as ${role} (${where}): expected FORBIDDEN, got ${outcome}`)
          }
        }
      }
    }
    figures.add('cells', figures.requests)
    figures.add('escalations', escalations.length)
    figures.add('wrongly refused', disagreements.length)
    figures.failures += escalations.length + disagreements.length
    expect({ escalations, disagreements }).toEqual({ escalations: [], disagreements: [] })
  }, 300_000)

  // The clock (issue 26): only WeChat's timer trigger runs it. The gateway serves no such function; the deployed
  // one refuses any call that carries a user's OPENID (scripts/cloud-bundle.test.ts).
  it('When any demo role, or no one, calls the clock (timer) through the gateway, then it is refused', async () => {
    const outcomes: string[] = []
    for (const openid of [...ROLES, null]) {
      figures.requests++
      const event = { Type: 'Timer', TriggerName: 'everyTenMinutes', Time: new Date().toISOString() }
      outcomes.push(`${openid ?? '(no identity)'}: ${outcomeOf(await post(world.gateway.baseUrl, openid, 'timer', event))}`)
    }
    expect(outcomes.filter((line) => !line.endsWith(': NOT_FOUND') && !line.endsWith(': NOT_REGISTERED'))).toEqual([])
  })

  it('When a staff role is added to the policy, then the matrix has a demo identity holding it (its rows follow PERMISSIONS)', () => {
    expect([...STAFF_ROLES].filter((role) => !Object.values(ROLE_OF).includes(role))).toEqual([])
  })

  // Issue 22: a relocated household sits in its residence community too, and a community's staff could
  // reverse, decide and verify the points its village gave it. Their power is over what they scored.
  it('When a community scorer or a cadre of the community acts on the points 通界村 gave a household living in 东湖社区, then it is FORBIDDEN; on the entries the community scored, the community cadre may, and so may the village cadre', async () => {
    const base = world.gateway.baseUrl
    const asAdmin = async <T>(body: Record<string, unknown>) => dataOf(await post<T>(base, 'demo-admin', 'org', body))
    const code = (await asAdmin<IssuedStaffInvite>({ action: 'issueStaffInvite', requestId: 'authz-community-cadre-code', role: 'cadre', orgId: 'c-donghu' })).code
    dataOf(await post(base, 'authz-community-cadre', 'org', { action: 'bindStaff', requestId: 'authz-community-cadre-bind', code, displayName: '社区干部' }))
    const village = { entries: fx.entries.get('h-tj-06')!, notices: fx.notices.get('h-tj-06')! }
    const appeal = dataOf(await post<AppealView>(base, 'authz-member-h-tj-06', 'score', { action: 'appeal', requestId: 'authz-community-appeal', entryId: village.entries.appeal, reason: '不是我家的' }))
    const outcomes: string[] = []
    for (const openid of ['demo-community', 'authz-community-cadre']) {
      const attempt = async (fn: string, body: Record<string, unknown>) => {
        figures.requests++
        outcomes.push(`${openid} ${fn}.${body.action}: ${outcomeOf(await post(base, openid, fn, { requestId: `authz-community-${openid}-${body.action}`, ...body }))}`)
      }
      await attempt('score', { action: 'reverse', entryId: village.entries.reverse, reason: '社区撤销' })
      await attempt('score', { action: 'decideAppeal', appealId: appeal.id, overturn: true, note: '社区改判' })
      await attempt('notice', { action: 'open', entryId: village.entries.open, days: 7 })
      await attempt('notice', { action: 'verify', noticeId: village.notices.verify, accept: true })
      await attempt('notice', { action: 'extend', noticeId: village.notices.extend, days: 30 })
    }
    expect(outcomes.filter((line) => !line.endsWith(': FORBIDDEN'))).toEqual([])
    figures.add('community attempts on village points refused', outcomes.length)

    const own = fx.communityEntries.get('h-tj-06')!
    expect(outcomeOf(await post(base, 'authz-community-cadre', 'score', { action: 'reverse', requestId: 'authz-community-own', entryId: own.reverse, reason: '社区自己撤销' }))).toBe('ok')
    expect(outcomeOf(await post(base, 'demo-cadre-other', 'score', { action: 'reverse', requestId: 'authz-village-community-entry', entryId: own.appeal, reason: '村里撤销' }))).toBe('ok')
  }, 120_000)

  // An offline walk is an ordinary submit with its observed time: replayed from another leader's phone (the
  // queue's contents copied, same requestId), it is judged by that caller's own scope and changes nothing.
  it("When another leader's phone replays a walk kept offline, then it is FORBIDDEN; the leader's own retry returns the first answer and the walk is one record", async () => {
    // The rule in force now: the matrix above publishes the village's rules again.
    const inForce = dataOf(await post<RuleSetView>(world.gateway.baseUrl, 'demo-grid-leader', 'score', { action: 'rules', orgId: 'v-zjq' }))
    const ruleId = inForce.rules.find((r) => r.code === 'custom-lavish')!.id
    const walk = { action: 'submit', requestId: 'authz-offline-walk', householdIds: ['h-zjq-03'], ruleId, observedAt: new Date(Date.now() - 3_600_000).toISOString() }
    const first = dataOf(await post<SubmitResult>(world.gateway.baseUrl, 'demo-grid-leader', 'score', walk))
    for (const other of ['demo-grid-leader-tj', 'demo-cadre-other', 'demo-villager']) {
      expect(outcomeOf(await post(world.gateway.baseUrl, other, 'score', walk))).toBe('FORBIDDEN')
    }
    const again = dataOf(await post<SubmitResult>(world.gateway.baseUrl, 'demo-grid-leader', 'score', walk))
    expect(again).toEqual(first)
    const mine = dataOf(await post<ScoreRecordView[]>(world.gateway.baseUrl, 'demo-grid-leader', 'score', { action: 'myInspections', limit: 50 }))
    expect(mine.filter((record) => record.id === first.results[0].recordId)).toHaveLength(1)
  })

  // 3.0: 东湖社区 scores 通界村's relocated households, so it reads 通界村's channels (others masked).
  it('When the community scorer opens the channel of the village whose relocated households it scores, then it is allowed', async () => {
    const answer = await post(world.gateway.baseUrl, 'demo-community', 'notice', { action: 'channel', orgId: 'v-tj' })
    expect(outcomeOf(answer)).toBe('ok')
  })
})

/** Makes the records the record-specific rows act on, each as a role that may make it. */
async function arrange(baseUrl: string): Promise<Fixtures> {
  const call = async <T>(openid: string, name: string, body: Record<string, unknown>) => dataOf(await post<T>(baseUrl, openid, name, body))
  const villages = [
    { village: 'v-zjq', cadre: 'demo-cadre', households: ['h-zjq-01', 'h-zjq-02', 'h-zjq-03', 'h-zjq-10', 'h-zjq-20'] },
    { village: 'v-tj', cadre: 'demo-cadre-other', households: ['h-tj-02', 'h-tj-06'] },
  ]
  const fx: Fixtures = {
    entries: new Map(), notices: new Map(), communityEntries: new Map(), communityNotices: new Map(), pending: new Map(), appeals: new Map(), bulletins: new Map(), postable: new Map(),
    claimRules: new Map(), ruleSets: new Map(), published: new Map(), drafts: new Map(), invites: new Map(), members: new Map(),
    details: new Map(), receipts: new Map(), goods: new Map(), rosterDigests: new Map(), pointsImports: new Map(), pointsDrafts: new Map(), card: null, matters: new Map(), villageMatters: new Map(),
    units: new Map(), spareUnits: new Map(), treeDigests: new Map(), staffInvites: new Map(), staffGrants: new Map(), certificates: new Map(), otherBank: '', plates: new Map(),
    otherAlliance: '', trainingCode: '',
    token: async () => (await call<MyCardToken>('demo-villager', 'card', { action: 'cardToken' })).token,
    cardCode: async () => (await call<MyCardToken>('demo-villager', 'card', { action: 'cardToken' })).code,
  }
  // Receipts first, while the household still has its points: one to read, one to reverse.
  const noodle = (await call<{ goods: GoodsView[] }>('demo-shop', 'card', { action: 'goods' })).goods.find((g) => g.name === '面券')!
  fx.goods.set('shop-zjq', noodle.id)
  const receipts: string[] = []
  for (const i of [0, 1]) {
    const token = await fx.token()
    receipts.push((await call<Redemption>('demo-shop', 'card', { action: 'redeem', requestId: `authz-fx-redeem-${i}`, token, items: [{ goodsId: noodle.id, quantity: 1 }] })).receiptId)
  }
  fx.receipts.set('shop-zjq', receipts)
  fx.card = { number: (await call<{ cardNumber: string }>('demo-cadre', 'card', { action: 'setCardPin', requestId: 'authz-fx-pin', householdId: 'h-zjq-02', pin: '270418' })).cardNumber, pin: '270418' }

  for (const { village, cadre, households } of villages) {
    const set = await call<RuleSetView>(cadre, 'score', { action: 'rules', orgId: village })
    fx.ruleSets.set(village, set)
    const ruleId = (code: string) => set.rules.find((r) => r.code === code)!.id
    fx.claimRules.set(village, ruleId('volunteer-service'))
    const submit = async (code: string, key: string, ids = households) =>
      (await call<SubmitResult>(cadre, 'score', { action: 'submit', requestId: `authz-fx-${key}-${village}`, householdIds: ids, ruleId: ruleId(code), photos: [PHOTO] })).results
    const lavish = [await submit('custom-lavish', 'l0'), await submit('custom-lavish', 'l1'), await submit('custom-lavish', 'l2')]
    for (const h of households) {
      const [reverse, appeal, open] = lavish.map((r) => r.find((x) => x.householdId === h)!.entryId!)
      fx.entries.set(h, { reverse, appeal, open })
    }
    const clutter = [await submit('env-clutter', 'c0'), await submit('env-clutter', 'c1'), await submit('env-clutter', 'c2')]
    const extra = [await submit('env-clutter', 'c3', [REP[village]]), await submit('env-clutter', 'c4', [REP[village]])]
    const open = await call<NoticeView[]>(cadre, 'notice', { action: 'candidates', orgId: village })
    const noticeOf = (entryId: number | null) => open.find((n) => n.deductionEntryId === entryId)!.id
    for (const h of households) {
      const [read, verify, extend] = clutter.map((r) => noticeOf(r.find((x) => x.householdId === h)!.entryId))
      fx.notices.set(h, { read, verify, extend })
    }
    if (village === 'v-tj') {
      // 东湖社区's own deductions on the relocated households living there, under the same (street's) rule set.
      const resident = ['h-tj-06']
      const byCommunity = async (code: string, key: string) =>
        (await call<SubmitResult>('demo-community', 'score', { action: 'submit', requestId: `authz-fx-community-${key}`, householdIds: resident, ruleId: ruleId(code), photos: [PHOTO] })).results[0].entryId!
      const [reverse, appeal, opened] = [await byCommunity('custom-lavish', 'l0'), await byCommunity('custom-lavish', 'l1'), await byCommunity('custom-lavish', 'l2')]
      fx.communityEntries.set('h-tj-06', { reverse, appeal, open: opened })
      const [read, verify, extend] = [await byCommunity('env-clutter', 'c0'), await byCommunity('env-clutter', 'c1'), await byCommunity('env-clutter', 'c2')]
      const all = await call<NoticeView[]>(cadre, 'notice', { action: 'candidates', orgId: village })
      const noticeOfCommunity = (entryId: number) => all.find((n) => n.deductionEntryId === entryId)!.id
      fx.communityNotices.set('h-tj-06', { read: noticeOfCommunity(read), verify: noticeOfCommunity(verify), extend: noticeOfCommunity(extend) })
    }
    fx.bulletins.set(village, (await call<BulletinView>(cadre, 'notice', { action: 'postBulletin', requestId: `authz-fx-bulletin-${village}`, orgId: village, noticeIds: [noticeOf(extra[0][0].entryId)] })).id)
    fx.postable.set(village, noticeOf(extra[1][0].entryId))

    // Dividends: a published run (2021) to read and export, a draft (2023) to publish (years the living demo leaves alone).
    const runner = village === 'v-zjq' ? 'demo-accountant' : cadre
    const settings = { orgId: village, totalFen: 600_000, incentiveFen: 0, method: 'proportional' }
    const draft = await call<RunSummary>(runner, 'dividend', { action: 'saveDraft', requestId: `authz-fx-run-${village}`, ...settings, year: 2021 })
    fx.published.set(village, (await call<RunSummary>(runner, 'dividend', { action: 'publish', requestId: `authz-fx-pub-${village}`, runId: draft.id })).id)
    fx.drafts.set(village, (await call<RunSummary>(runner, 'dividend', { action: 'saveDraft', requestId: `authz-fx-draft-${village}`, ...settings, year: 2023 })).id)

    fx.rosterDigests.set(village, (await call<{ digest: string }>('demo-admin', 'account', { action: 'rosterPreview', orgId: village, file: ROSTER_FILE })).digest)
    // Roster: each household's details, a member of its own to unbind, an active invite to revoke.
    for (const h of households) {
      fx.details.set(h, await call<HouseholdDetail>('demo-admin', 'account', { action: 'householdDetail', householdId: h }))
      const code = (await call<{ code: string }>('demo-admin', 'account', { action: 'issueInvite', requestId: `authz-fx-bindcode-${h}`, householdId: h })).code
      await call('authz-member-' + h, 'account', { action: 'bind', requestId: `authz-fx-bind-${h}`, code, displayName: '核对成员' })
      const members = await call<MemberView[]>('demo-admin', 'account', { action: 'members', householdId: h })
      fx.members.set(h, members.find((m) => m.displayName === '核对成员' && !m.unboundAt)!.id)
      fx.invites.set(h, (await call<InviteView>('demo-admin', 'account', { action: 'issueInvite', requestId: `authz-fx-invite-${h}`, householdId: h })).id)
    }
  }
  // The tree and its people, arranged by the street's admin: units to rename and retire, a tree preview,
  // an unused accountant's code, and a grid leader (a fresh WeChat user) whose role can be revoked.
  for (const [village, microGrid] of [['v-zjq', 'mg-zjq-1-2'], ['v-tj', 'mg-tj-1-1']]) {
    const unit = (key: string, name: string) => call<UnitView>('demo-admin', 'org', { action: 'addUnit', requestId: `authz-fx-${key}-${village}`, parentId: village, kind: 'villager_group', name })
    fx.units.set(village, (await unit('rename', '核对改名组')).id)
    fx.spareUnits.set(village, (await unit('retire', '核对撤销组')).id)
    fx.treeDigests.set(village, (await call<TreePreview>('demo-admin', 'org', { action: 'treePreview', orgId: village, file: TREE_FILE })).digest)
    fx.staffInvites.set(village, (await call<IssuedStaffInvite>('demo-admin', 'org', { action: 'issueStaffInvite', requestId: `authz-fx-staff-${village}`, role: 'accountant', orgId: village })).id)
    const leaderCode = await call<IssuedStaffInvite>('demo-admin', 'org', { action: 'issueStaffInvite', requestId: `authz-fx-leader-${village}`, role: 'grid_leader', orgId: microGrid })
    await call(`authz-leader-${village}`, 'org', { action: 'bindStaff', requestId: `authz-fx-leader-bind-${village}`, code: leaderCode.code, displayName: '核对网格长' })
    const people = (await call<StaffList>('demo-admin', 'org', { action: 'staff', orgId: village })).people
    fx.staffGrants.set(village, people.find((p) => p.displayName === '核对网格长')!.grantId)
    // A second cadre drafts the village's paper points import, so that the demo cadre may confirm it.
    const cadreCode = await call<IssuedStaffInvite>('demo-admin', 'org', { action: 'issueStaffInvite', requestId: `authz-fx-points-cadre-${village}`, role: 'cadre', orgId: village })
    await call(`authz-points-cadre-${village}`, 'org', { action: 'bindStaff', requestId: `authz-fx-points-cadre-bind-${village}`, code: cadreCode.code, displayName: '核对村干部' })
    const file = pointsFile(village)
    const draft = await call<PointsImportView>(`authz-points-cadre-${village}`, 'score', { action: 'pointsImportDraft', requestId: `authz-fx-points-${village}`, orgId: village, asOf: localDay(new Date()), file, fileSha256: sha256Of(file) })
    fx.pointsImports.set(village, draft.id)
    const spare = await call<PointsImportView>(`authz-points-cadre-${village}`, 'score', { action: 'pointsImportDraft', requestId: `authz-fx-points-spare-${village}`, orgId: village, asOf: localDay(new Date()), file, fileSha256: sha256Of(file) })
    fx.pointsDrafts.set(village, spare.id)
  }
  // 赵家桥村's villagers: a claim waiting for a decision, and an appeal of a deduction of their own.
  // 善治贷: another bank under the street, and a certificate for each household, asked for by its own member.
  fx.otherBank = (await call<UnitView>('demo-admin', 'org', { action: 'addUnit', requestId: 'authz-fx-bank', parentId: 'st-danghu', kind: 'bank', name: '核对银行' })).id
  // Each household's own member: the demo villagers, or the one bound above.
  const memberOf = (h: string) => (h === 'h-zjq-01' ? 'demo-villager' : h === 'h-zjq-02' ? 'demo-villager-2' : `authz-member-${h}`)
  for (const { households } of villages) {
    for (const h of households) {
      const bankId = h === 'h-zjq-20' ? fx.otherBank : 'bk-pinghu'
      const cert = await call<MyCertificateView>(memberOf(h), 'credit', { action: 'issue', requestId: `authz-fx-cert-${h}`, bankId })
      fx.certificates.set(h, { id: cert.id, qrText: cert.qrText! })
    }
  }
  for (const { village, cadre } of villages) {
    const sheet = await call<PlateSheet>(cadre, 'account', { action: 'printPlates', requestId: `authz-fx-plates-${village}`, orgId: village })
    for (const plate of sheet.plates) fx.plates.set(plate.householdId, plate.signed)
  }
  // 商家自治联盟: another alliance of the street, with star terms so its rating is possible, and a session of the demo alliance.
  fx.otherAlliance = (await call<UnitView>('demo-admin', 'org', { action: 'addUnit', requestId: 'authz-fx-alliance', parentId: 'st-danghu', kind: 'alliance', name: '核对商家联盟' })).id
  await call('demo-admin', 'merchant', { action: 'publishStarTerms', requestId: 'authz-fx-star-terms', allianceId: fx.otherAlliance, effectiveFrom: localDay(new Date()), windowMonths: 3, bands: [{ minPoints: 0, stars: 3 }], redMinStars: 3, blackLine: -20 })
  fx.trainingCode = (await call<{ code: string }>('demo-alliance', 'merchant', { action: 'openTraining', requestId: 'authz-fx-training', allianceId: 'al-danghu', title: '核对培训', hours: 3 })).code
  fx.pending.set('v-zjq', (await call<ScoreRecordView>('demo-villager', 'score', { action: 'claim', requestId: 'authz-fx-claim', ruleId: fx.claimRules.get('v-zjq')!, photos: [PHOTO] })).id)
  const lavish = await call<SubmitResult>('demo-cadre', 'score', { action: 'submit', requestId: 'authz-fx-appealed', householdIds: ['h-zjq-01'], ruleId: fx.ruleSets.get('v-zjq')!.rules.find((r) => r.code === 'custom-lavish')!.id })
  fx.appeals.set('v-zjq', (await call<AppealView>('demo-villager', 'score', { action: 'appeal', requestId: 'authz-fx-appeal', entryId: lavish.results[0].entryId!, reason: '不是我家的' })).id)

  // 连心议站: each household raises its matters (through a member bound above, or the demo villager), and the
  // village's cadre takes them to the state each row needs.
  let k = 0
  const raise = async (h: string) => (await call<MatterDetail>(memberOf(h), 'matter', { action: 'raise', requestId: `authz-fx-matter-${k++}`, text: `核对议事 ${k}`, photos: [] })).id
  const step = (cadre: string, action: string, matterId: number, input: Record<string, unknown>) => call(cadre, 'matter', { action, requestId: `authz-fx-mstep-${k++}`, matterId, ...input })
  for (const { village, cadre, households } of villages) {
    fx.villageMatters.set(village, { read: await raise(REP[village]), into: await raise(REP[village]) })
    for (const h of households) {
      const [accept, merge, decline, assign, handle, rate] = [await raise(h), await raise(h), await raise(h), await raise(h), await raise(h), await raise(h)]
      for (const id of [assign, handle, rate]) await step(cadre, 'accept', id, {})
      for (const id of [handle, rate]) await step(cadre, 'assign', id, { to: 'street', days: 7 })
      await step(cadre, 'feedback', rate, { outcome: '核对结果', photos: [] })
      fx.matters.set(h, { accept, merge, decline, assign, handle, rate })
    }
  }
  return fx
}
