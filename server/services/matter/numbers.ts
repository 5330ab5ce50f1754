import { eq } from 'drizzle-orm'
import type { MatterNumbersReport } from '../../../src/core/contracts/matter'
import { matterNumbers } from '../../../src/core/matter-numbers'
import { pathCovers } from '../../../src/core/org'
import type { Db } from '../../store/database'
import { orgs } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { loadOrg, orgRef, ownBoardOrg, requireBoardReader } from './boards'
import { matterFacts, type MatterRow } from './access'
import { matterRowsUnder } from './views'

/**
 * The numbers that matter to the street, for an organisation and the units one level down that hold
 * matters: a street's villages, a village's micro-grids. Overdue is derived from due dates now.
 */
export async function matterNumbersReport(db: Db, openid: string, input: { orgId?: string }): Promise<MatterNumbersReport> {
  const caller = await loadCaller(db, openid)
  const org = input.orgId ? await loadOrg(db, input.orgId) : await ownBoardOrg(db, caller)
  await requireBoardReader(db, caller, org)
  const now = new Date()
  const rows = await matterRowsUnder(db, org.path)
  const unitKind = org.kind === 'street' ? 'village' : 'micro_grid'
  const units = org.kind === 'street' || org.kind === 'village' || org.kind === 'grid' ? await db.select().from(orgs).where(eq(orgs.kind, unitKind)) : []
  const under = units.filter((u) => pathCovers(org.path, u.path) && u.retiredAt === null).sort((a, b) => a.path.localeCompare(b.path))
  const facts = (keep: (row: MatterRow) => boolean) => matterNumbers(rows.filter(keep).map(matterFacts), now)
  return {
    total: { org: orgRef(org), numbers: facts(() => true) },
    rows: under.map((unit) => ({
      org: { id: unit.id, name: unit.name, kind: unitKind },
      numbers: facts((r) => (unitKind === 'village' ? r.villageId === unit.id : r.microGridId === unit.id)),
    })),
  }
}
