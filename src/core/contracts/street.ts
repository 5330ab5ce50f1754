import { z } from 'zod'
import type { MatterNumbers } from '../matter-numbers'
import type { OrgRef } from './account'
import type { DividendExport, RunStatus } from './dividend'

const orgId = z.string().min(1).max(64)
/** An Asia/Shanghai month ("2026-11") or year ("2026"). */
const period = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, '请选择月份或年份')

/**
 * Inputs of the `street` cloud function: the street's view (街道总览), read-only. `orgId` is the
 * street (left out: the admin's own street) or, to drill down, one of its villages or grids.
 */
export const streetInputs = {
  overview: z.object({ orgId: orgId.optional(), period }),
  exportOverview: z.object({ orgId: orgId.optional(), period }),
}

/** Earned points of one rule category: scores given and deducted, corrections, points given back after rectification. */
export type CategoryPoints = { category: string; given: number; deducted: number; corrected: number; restored: number }

export type RectificationNumbers = {
  opened: number
  rectified: number
  /** Open notices past their deadline now. */
  overdue: number
  /** rectified / opened, 0..1; null when none was opened. */
  rate: number | null
  medianHoursToRectify: number | null
}

/** What waits for a cadre now, with the oldest one's age in hours (null when nothing waits). */
export type Waiting = { count: number; oldestHours: number | null }

export type DividendFigure = {
  year: number
  status: RunStatus
  totalFen: number
  incentiveFen: number
  /** incentiveFen / totalFen, 0..1. */
  incentiveShare: number
  publishedAt: string | null
}

/** One village, community, grid or micro-grid, for the period. */
export type StreetRow = {
  org: OrgRef
  households: number
  /** Households with at least one bound WeChat user, and how many users are bound. */
  boundHouseholds: number
  boundMembers: number
  given: number
  deducted: number
  /** given − deducted + corrections + points given back: what the households earned. */
  net: number
  categories: CategoryPoints[]
  rectification: RectificationNumbers
  claims: Waiting
  appeals: Waiting
  /** Points spent at the shops by these households, less reversed receipts. */
  spent: number
  /** The cooperative's latest dividend run up to the period's year (villages only). */
  dividend: DividendFigure | null
  matters: MatterNumbers
  /** The twelve months up to the period's last: given and deducted each month (trend charts). */
  trend: { given: number[]; deducted: number[] }
  /** The 美丽积分图 row: average earned points per household, each of the twelve months, one decimal. */
  beauty: number[]
}

/** 3.0 at the street: the shareholders of one home village a community scores, and what flowed to the village's accounts. */
export type CommunityFlow = { community: OrgRef; village: OrgRef; households: number; points: number }

export type StreetOverview = {
  org: OrgRef
  period: string
  /** The twelve months of the trends and the 美丽积分图, oldest first. */
  months: string[]
  /** Each unit one level down: a street's villages and communities, a village's grids, a grid's micro-grids. */
  rows: StreetRow[]
  /** Where a street's relocated shareholders are scored (empty below the street). */
  flows: CommunityFlow[]
  /** The street's 商家自治联盟 (empty below the street): apart from the villages, never in their figures. */
  alliances: AllianceFigures[]
}

/** A 商家自治联盟 of the street: its merchants, owners bound, where they stand on the 红黑榜 now, its points in the period. */
export type AllianceFigures = { org: OrgRef; merchants: number; boundOwners: number; red: number; black: number; given: number; deducted: number }

/** The .xlsx, as the dividend export hands over its file. */
export type StreetExport = DividendExport

export type StreetOutputs = {
  overview: StreetOverview
  exportOverview: StreetExport
}
