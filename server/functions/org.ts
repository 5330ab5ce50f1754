import { orgInputs } from '../../src/core/contracts/org'
import { auditTrail } from '../services/org/audit-trail'
import { listStaff, revokeRole } from '../services/org/staff'
import { setShopVillages } from '../services/org/shop-villages'
import { bindStaff } from '../services/org/staff-bind'
import { issueStaffInvite, listStaffInvites, revokeStaffInvite } from '../services/org/staff-invites'
import { importTree, previewTree } from '../services/org/tree-import'
import { addUnit, orgTree, renameUnit, retireUnit, setCommunity } from '../services/org/units'
import { action, defineFunction } from './define-function'

/** The organisation tree, staff codes and roles, and the audit trail of power. */
export const orgFunction = defineFunction('org', {
  tree: action({ input: orgInputs.tree, run: ({ db, openid }, input) => orgTree(db, openid, input) }),
  addUnit: action({ input: orgInputs.addUnit, mutates: true, run: ({ db, openid }, input) => addUnit(db, openid, input) }),
  renameUnit: action({ input: orgInputs.renameUnit, mutates: true, run: ({ db, openid }, input) => renameUnit(db, openid, input) }),
  retireUnit: action({ input: orgInputs.retireUnit, mutates: true, run: ({ db, openid }, input) => retireUnit(db, openid, input) }),
  setCommunity: action({ input: orgInputs.setCommunity, mutates: true, run: ({ db, openid }, input) => setCommunity(db, openid, input) }),
  setShopVillages: action({ input: orgInputs.setShopVillages, mutates: true, run: ({ db, openid }, input) => setShopVillages(db, openid, input) }),
  treePreview: action({ input: orgInputs.treePreview, run: ({ db, openid }, input) => previewTree(db, openid, input) }),
  treeImport: action({ input: orgInputs.treeImport, mutates: true, run: ({ db, openid }, input) => importTree(db, openid, input) }),
  issueStaffInvite: action({ input: orgInputs.issueStaffInvite, mutates: true, secretOutputs: ['code'], run: ({ db, openid }, input) => issueStaffInvite(db, openid, input) }),
  revokeStaffInvite: action({ input: orgInputs.revokeStaffInvite, mutates: true, run: ({ db, openid }, input) => revokeStaffInvite(db, openid, input) }),
  staffInvites: action({ input: orgInputs.staffInvites, run: ({ db, openid }, input) => listStaffInvites(db, openid, input) }),
  bindStaff: action({
    input: orgInputs.bindStaff,
    mutates: true,
    secretFields: ['code'],
    run: ({ db, openid, platform }, input) => bindStaff(db, openid, input, platform.contentCheck),
  }),
  staff: action({ input: orgInputs.staff, run: ({ db, openid }, input) => listStaff(db, openid, input) }),
  revokeRole: action({ input: orgInputs.revokeRole, mutates: true, run: ({ db, openid }, input) => revokeRole(db, openid, input) }),
  audit: action({ input: orgInputs.audit, run: ({ db, openid }, input) => auditTrail(db, openid, input) }),
})
