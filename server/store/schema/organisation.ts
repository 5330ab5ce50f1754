import { sql } from 'drizzle-orm'
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, serial, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'

/** Streets, villages (cooperatives), communities, villager groups, grids, micro-grids, shops. */
export const orgs = pgTable(
  'orgs',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    parentId: text('parent_id').references((): any => orgs.id),
    /** "/street/village/…/self/": scope tests are prefix tests. */
    path: text('path').notNull().unique(),
    /** Per-organisation settings, e.g. a village's cooperative name. */
    settings: jsonb('settings').notNull().default({}),
    /** Set when the unit is retired (撤销): it stays for the records it holds, but takes nothing new. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('orgs_parent_idx').on(t.parentId)],
)

export const users = pgTable('users', {
  openid: text('openid').primaryKey(),
  displayName: text('display_name').notNull(),
  elderMode: boolean('elder_mode').notNull().default(false),
  createdAt: createdAt(),
})

export const roleGrants = pgTable(
  'role_grants',
  {
    id: serial('id').primaryKey(),
    openid: text('openid')
      .notNull()
      .references(() => users.openid),
    role: text('role').notNull(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    createdAt: createdAt(),
    /** A revoked role stays as a row (who held what, until when); only live rows give power. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('role_grants_unique')
      .on(t.openid, t.role, t.orgId)
      .where(sql`${t.revokedAt} is null`),
    index('role_grants_org_idx').on(t.orgId),
  ],
)

/**
 * A scored member: a shareholder household (`memberKind` 'household') or a merchant of a 商家自治联盟
 * ('merchant', src/core/member-kind.ts), on the same ledger, rules and notices. For a household
 * `villageId` is the cooperative that holds its shares and pays it; `communityId` is where a relocated
 * household now lives (村社联动, version 3.0). For a merchant `villageId` is its alliance, `headName` its
 * owner (never shown publicly), `houseNo` its number in the alliance, `tradeName` (字号, public) and
 * `category` (业态) its own; it holds no shares.
 * `balance` is kept in step with the ledger inside the same transaction as every entry.
 */
export const households = pgTable(
  'households',
  {
    id: text('id').primaryKey(),
    villageId: text('village_id')
      .notNull()
      .references(() => orgs.id),
    groupId: text('group_id').references(() => orgs.id),
    microGridId: text('micro_grid_id').references(() => orgs.id),
    communityId: text('community_id').references(() => orgs.id),
    headName: text('head_name').notNull(),
    houseNo: text('house_no').notNull(),
    shares: integer('shares').notNull(),
    /** Family members' names as listed in the roster (成员); binding WeChat users is separate. */
    memberNames: text('member_names').array().notNull().default(sql`'{}'::text[]`),
    balance: integer('balance').notNull().default(0),
    memberKind: text('member_kind').notNull().default('household'),
    tradeName: text('trade_name'),
    category: text('category'),
    createdAt: createdAt(),
  },
  (t) => [
    index('households_village_idx').on(t.villageId),
    // With the micro-grid and community indexes below: how householdsUnder (household-views.ts) finds them.
    index('households_group_idx').on(t.groupId),
    // A roster re-import matches households by (village, 门牌).
    uniqueIndex('households_village_house_no').on(t.villageId, t.houseNo),
    index('households_micro_grid_idx').on(t.microGridId),
    index('households_community_idx').on(t.communityId),
    check('households_shares_nonneg', sql`${t.shares} >= 0`),
    check('households_member_kind', sql`${t.memberKind} in ('household', 'merchant')`),
    // What household_members' kind refers to: a membership's kind is its member's.
    unique('households_id_kind').on(t.id, t.memberKind),
    check(
      'households_merchant_fields',
      sql`(${t.memberKind} = 'merchant') = (${t.tradeName} is not null and ${t.category} is not null) and (${t.memberKind} = 'household' or ${t.shares} = 0)`,
    ),
  ],
)

/**
 * A WeChat user bound to a household or to a merchant (its owner). An openid belongs to at most one
 * household and at most one merchant at a time: `memberKind` copies the member's kind (set on binding)
 * so the unique index can say so.
 */
export const householdMembers = pgTable(
  'household_members',
  {
    id: serial('id').primaryKey(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    openid: text('openid')
      .notNull()
      .references(() => users.openid),
    boundAt: timestamp('bound_at', { withTimezone: true }).notNull().defaultNow(),
    unboundAt: timestamp('unbound_at', { withTimezone: true }),
    memberKind: text('member_kind').notNull().default('household'),
  },
  (t) => [
    foreignKey({ name: 'household_members_kind_fk', columns: [t.householdId, t.memberKind], foreignColumns: [households.id, households.memberKind] }),
    uniqueIndex('household_members_active_openid_kind')
      .on(t.openid, t.memberKind)
      .where(sql`${t.unboundAt} is null`),
    index('household_members_household_idx').on(t.householdId),
  ],
)


/**
 * Households per organisational unit they count in (village, community (3.0), micro-grid and its
 * grid, as household_units says, migration 0024), those with a bound WeChat user, and bound users:
 * the street's view reads one row per unit, never its households. Kept by triggers (migration
 * 0021) when a household is added or moves, a member binds or unbinds, or a micro-grid is hung under
 * another grid.
 */
export const unitRoster = pgTable('unit_roster', {
  orgId: text('org_id').primaryKey(),
  households: integer('households').notNull().default(0),
  boundHouseholds: integer('bound_households').notNull().default(0),
  boundMembers: integer('bound_members').notNull().default(0),
})
