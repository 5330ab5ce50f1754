import { z } from 'zod'
import { recordIdSchema } from './record-id'
import type { MerchantCategory } from '../member-kind'
import type { BoardReason } from '../merchant/red-black-board'
import { ORG_KINDS, type OrgKind } from '../org'
import { PERMISSIONS, type Permission } from '../policy'
import type { ShownNoticeStatus } from '../rectification'
import type { Role } from '../roles'
import type { RosterProblem } from '../roster/roster-rows'
import { villageSettingsSchema, type VillageSettings } from '../village-settings'
import { requestIdSchema } from './request-id'
import type { ShownOnce } from './shown-once'

/** A spreadsheet (roster, village tree) as the client sends it: the name (for its type) and the bytes in base64. */
export const ROSTER_FILE_MAX_BYTES = 2 * 1024 * 1024
export const rosterFile = z.object({
  fileName: z.string().trim().min(1).max(200).regex(/\.(xlsx|csv)$/i, '只能导入 .xlsx 或 .csv 文件'),
  contentBase64: z
    .string()
    .min(1, '文件是空的')
    .max(Math.ceil(ROSTER_FILE_MAX_BYTES / 3) * 4, '文件不能超过 2 MB')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容不完整，请重新选择'),
})
const orgId = z.string().min(1).max(64)
const householdId = z.string().min(1).max(64)
const rowId = recordIdSchema
export const personName = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `请填写${what}`)
    .max(20, `${what}最多 20 个字`)
    .regex(/^[^\p{C}<>]+$/u, `${what}里有不能用的符号`)

/** Inputs of the `account` cloud function. The front end imports these as types only. */
export const accountInputs = {
  whoami: z.object({}),
  /** What waits for the caller: the household's open 整改, news of its matters, a certificate about to expire, and per staff role the work waiting there. */
  waiting: z.object({}),
  /** The units a page working on `kinds` may act on for the caller (its picker when there are several). */
  workUnits: z.object({
    permission: z.enum(Object.keys(PERMISSIONS) as [Permission, ...Permission[]]),
    kinds: z.array(z.enum(ORG_KINDS)).min(1).max(ORG_KINDS.length),
  }),
  setElderMode: z.object({ requestId: requestIdSchema, on: z.boolean() }),
  households: z.object({
    orgId: z.string().min(1).max(64),
    search: z.string().max(20).optional(),
  }),
  rosterPreview: z.object({ orgId, file: rosterFile }),
  /** Imports the rows the preview showed as valid; `digest` is the preview's, so nothing else goes in. */
  rosterImport: z.object({ requestId: requestIdSchema, orgId, file: rosterFile, digest: z.string().regex(/^[a-f0-9]{64}$/) }),
  householdDetail: z.object({ householdId }),
  updateHousehold: z.object({
    requestId: requestIdSchema,
    householdId,
    headName: personName('户主姓名'),
    houseNo: z.string().trim().min(1, '请填写门牌').max(30, '门牌最多 30 个字'),
    shares: z.number().int('股数应为整数').min(0, '股数不能小于 0').max(1000, '股数最多 1000'),
    groupId: z.string().min(1).max(64).nullable(),
    microGridId: z.string().min(1).max(64).nullable(),
    memberNames: z.array(personName('成员姓名')).max(30, '成员最多 30 人'),
  }),
  issueInvite: z.object({ requestId: requestIdSchema, householdId }),
  revokeInvite: z.object({ requestId: requestIdSchema, inviteId: rowId }),
  invites: z.object({ householdId }),
  /** A wrong, used, expired or revoked code is answered (not thrown) so the failed try is kept. */
  bind: z.object({ requestId: requestIdSchema, code: z.string().trim().min(1, '请填写邀请码').max(20, '邀请码是 8 位'), displayName: personName('您的名字') }),
  members: z.object({ householdId }),
  unbind: z.object({ requestId: requestIdSchema, memberId: rowId }),
  /** Cadre or admin: the village's own settings. */
  villageSettings: z.object({ orgId }),
  /** 我的信息: what the app holds about the caller and their household; the same as one .xlsx file. */
  myData: z.object({}),
  exportMyData: z.object({}),
  /** 解除绑定 by the member themselves: their binding and their own data go, the household's records stay. */
  withdraw: z.object({ requestId: requestIdSchema }),
  /** 解除店铺绑定: a merchant's owner ends his own binding to the shop; the shop, its points and his household stay. */
  leaveMerchant: z.object({ requestId: requestIdSchema }),
  /** A save that leaves out photoKeptDays keeps the village's present choice. */
  /** 印门牌: a cadre's sheet of the door plates of a group or micro-grid; a household without a plate gets one. */
  printPlates: z.object({ requestId: requestIdSchema, orgId }),
  /** 补门牌: a new plate for a household; the old plate's code stops working. */
  reissuePlate: z.object({ requestId: requestIdSchema, householdId }),
  /** A scanned plate (its QR's text or link) or its typed code, opened as the caller may see it. */
  openPlate: z.object({ plate: z.string().trim().min(1, '请扫门牌上的二维码，或输入门牌码').max(300, '门牌码太长了，请核对') }),
  saveVillageSettings: villageSettingsSchema.extend({ requestId: requestIdSchema, orgId, photoKeptDays: villageSettingsSchema.shape.photoKeptDays.optional() }),
}

export type OrgRef = { id: string; name: string; kind: OrgKind }
/** A button on 首页 that opens a piece of work for one role on one organisation (core/work-entries.ts). */
export type WorkEntry = { key: string; label: string; url: string }
/** One of the caller's roles, with the work it opens from 首页. */
export type RoleView = { role: Role; label: string; org: OrgRef; entries: WorkEntry[] }
/** One of the household's rectification notices still waiting for it: to fix (待整改/逾期) or to be checked (待核验). */
export type WaitingNotice = { id: number; problem: string; ruleTitle: string | null; points: number; status: ShownNoticeStatus; deadline: string }
/** The home page's work buttons whose work waits: keyed like them (core/work-entries.ts), per organisation. */
export type WaitingWorkKey = 'review' | 'notice-verify' | 'matter-work'
/** Work of one kind waiting on one organisation: how many, how many overdue, and since when the oldest has waited. */
export type WaitingWork = { orgId: string; key: WaitingWorkKey; count: number; overdue: number; oldestAt: string }
/** A matter the household raised or said 我也遇到 to, answered lately (raisedByUs: theirs to rate). */
export type WaitingAnswer = { id: number; text: string; outcome: string; answeredAt: string; raisedByUs: boolean }
/** The household's 积分证明 in force that expires within a few days. */
export type ExpiringCertificate = { bankName: string; expiresAt: string }
/**
 * What waits for the caller on 首页: for a household member, its notices not yet rectified, the
 * answers that are news to it and a certificate about to expire; for staff, the work waiting per
 * organisation of their roles.
 */
export type Waiting = { notices: WaitingNotice[]; answers: WaitingAnswer[]; certificates: ExpiringCertificate[]; work: WaitingWork[] }
export type HouseholdView = {
  id: string
  /** The head of the household, or a merchant's owner. */
  name: string
  /** A merchant's 字号 (public), by which inspectors find it; null for a household. */
  tradeName: string | null
  houseNo: string
  shares: number
  balance: number
  village: OrgRef
  group: OrgRef | null
  microGrid: OrgRef | null
}

export type WhoAmI =
  | { registered: false; openid: string }
  | {
      registered: true
      openid: string
      displayName: string
      /** 长辈模式: larger type, fewer items per screen; kept per user. */
      elderMode: boolean
      roles: RoleView[]
      household: HouseholdView | null
      /** The merchant the caller owns (商家自治联盟), beside their household: one of each at most. */
      merchant: MerchantView | null
      /** The cloud-storage folder the caller's photos upload to: a case may name only photos from it. */
      photoFolder: string
    }

/** A merchant of a 商家自治联盟 as its committee and its owner see it (the owner's name is never public). */
export type MerchantView = {
  id: string
  tradeName: string
  trade: MerchantCategory
  ownerName: string
  address: string
  balance: number
  alliance: OrgRef
}

export type HouseholdList = { org: OrgRef; households: HouseholdView[] }

/** A valid roster row as the preview shows it: new household, or an update of the one with this 门牌. */
export type RosterPreviewRow = {
  line: number
  headName: string
  houseNo: string
  shares: number
  group: string | null
  microGrid: string | null
  memberNames: string[]
  change: 'new' | 'update'
}
export type RosterPreview = {
  village: OrgRef
  fileName: string
  rows: RosterPreviewRow[]
  problems: RosterProblem[]
  newCount: number
  updateCount: number
  /** Names exactly these valid rows; the import refuses if the file no longer gives the same ones. */
  digest: string
}
export type RosterImportResult = { village: OrgRef; created: number; updated: number; skipped: number }

export type HouseholdDetail = {
  household: HouseholdView & { memberNames: string[] }
  groups: OrgRef[]
  microGrids: OrgRef[]
  /** 村社联动 (3.0): the community the household now lives in, and the street's communities to choose from. */
  community: OrgRef | null
  communities: OrgRef[]
}

export type InviteStatus = 'active' | 'used' | 'revoked' | 'expired'
export type InviteView = {
  id: number
  householdId: string
  /** The code's last 2 characters: the code itself is shown once, when it is issued. */
  tail: string
  status: InviteStatus
  issuedAt: string
  expiresAt: string
  usedAt: string | null
  usedBy: string | null
}
export type IssuedInvite = InviteView & { code: string }

export type MemberView = { id: number; householdId: string; displayName: string; boundAt: string; unboundAt: string | null }

/**
 * A bind either binds, or says why the code did not work and how many tries are left this hour.
 * A refused code is an answer, not an error, so the failed try is recorded with it.
 */
export type BindResult =
  | { bound: true; household: HouseholdView }
  | { bound: false; reason: 'wrong' | 'used' | 'expired' | 'revoked'; message: string; triesLeft: number }

export type VillageSettingsView = VillageSettings & {
  village: OrgRef
  /** The latest change: who and when (null while the village runs on the defaults). */
  lastChange: { byName: string; at: string } | null
}

/** One household's door plate on a printed sheet: what the plate shows (no name) and its signed QR text. */
export type DoorPlateView = {
  householdId: string
  houseNo: string
  village: string
  group: string | null
  /** The plate's code as printed under the QR ("7KQ2M-XD4PA"). */
  code: string
  /** The QR's signed plate; the page puts it in the plate link (core/plates/plate-code.ts). */
  signed: string
  issuedAt: string
  /** A merchant's plate is its storefront sign (店招牌): what the print shows instead of a door plate; null for a household. */
  storefront: StorefrontSign | null
}

/** The storefront sign's words as printed: trade name, 业态, stars and red/black standing on the day it was printed. */
export type StorefrontSign = { tradeName: string; trade: MerchantCategory; stars: number | null; list: 'red' | 'black' | null; asOf: string }

export type PlateSheet = { unit: OrgRef; village: OrgRef; plates: DoorPlateView[]; newlyIssued: number }

/**
 * What a scanned plate opens for the caller: for staff who score the household, 入户评分 on the
 * organisation their role covers it from; for the household's own members, their home; for anyone
 * else, what the village already publishes of it (its 门牌, group, and its notices now on the board,
 * masked as the board masks them, for the village's own people only).
 */
/** A merchant's storefront sign opened by anyone (a customer): stars, where it stands on the 红黑榜, the last inspection. No person's name. */
export type StorefrontView = {
  merchantId: string
  tradeName: string
  trade: MerchantCategory
  alliance: string
  stars: number | null
  list: 'red' | 'black' | null
  /** Since when it is on that list (Asia/Shanghai day). */
  since: string | null
  reasons: BoardReason[]
  /** The day of its latest inspection; null before the first. */
  lastInspection: string | null
}

export type PlateOpening =
  | { open: 'inspect'; orgId: string; household: HouseholdView }
  | { open: 'home' }
  | { open: 'storefront'; storefront: StorefrontView }
  | {
      open: 'public'
      houseNo: string
      village: string
      group: string | null
      /** As the notice board shows it: "1组 张**". */
      label: string
      /** The household's notices on the board now; null when the caller is not of the village (the board is the village's). */
      notices: { rule: string | null; problem: string; statusLabel: string; deadline: string }[] | null
    }

/** 我的信息: everything the app holds about the caller, and about their household while they are bound to it. */
export type MyData = {
  me: {
    displayName: string
    elderMode: boolean
    firstSeenAt: string
    /** Staff roles held now, by label and organisation. */
    roles: { label: string; org: string }[]
    messages: number
    subscriptions: number
  }
  household: {
    name: string
    houseNo: string
    village: string
    group: string | null
    shares: number
    memberNames: string[]
    /** Who is bound to it on WeChat now (the caller among them), and since when. */
    boundMembers: { displayName: string; boundAt: string; me: boolean }[]
    balance: number
    ledger: { entries: number; earned: number; deducted: number; firstAt: string | null; lastAt: string | null }
    notices: { total: number; open: number }
    claims: number
    appeals: number
    redemptions: { count: number; points: number }
    dividends: { year: number; amountFen: number }[]
    certificates: { bankName: string; issuedAt: string; status: string; lookedAt: string[] }[]
  } | null
  matters: { raised: number; open: number }
  photos: { uploaded: number; checking: number; hidden: number; deleted: number }
  /** WeChat groups where the caller first opened a 通报 card (the group's village). */
  groups: { village: string; at: string }[]
  withdraw: { possible: boolean; goes: readonly string[]; stays: readonly string[] }
}

/** 我的信息 as one file (the shape of the other exports: an .xlsx, base64). */
export type MyDataExport = { fileName: string; mimeType: string; base64: string }

export type WithdrawResult = { household: string; unboundAt: string; goes: readonly string[]; stays: readonly string[] }

export type LeftMerchant = { tradeName: string; unboundAt: string }

export type AccountOutputs = {
  whoami: WhoAmI
  waiting: Waiting
  workUnits: OrgRef[]
  setElderMode: { elderMode: boolean }
  households: HouseholdList
  rosterPreview: RosterPreview
  rosterImport: RosterImportResult
  householdDetail: HouseholdDetail
  updateHousehold: HouseholdDetail
  issueInvite: ShownOnce<IssuedInvite>
  revokeInvite: InviteView
  invites: InviteView[]
  bind: BindResult
  members: MemberView[]
  unbind: MemberView
  villageSettings: VillageSettingsView
  saveVillageSettings: VillageSettingsView
  myData: MyData
  exportMyData: MyDataExport
  withdraw: WithdrawResult
  leaveMerchant: LeftMerchant
  printPlates: PlateSheet
  reissuePlate: DoorPlateView
  openPlate: PlateOpening
}
