import { accountInputs } from '../../src/core/contracts/account'
import { listHouseholds, setElderMode, whoami } from '../services/account/account'
import { issueInvite, listInvites, revokeInvite } from '../services/account/invites'
import { bindHousehold, listMembers, unbindMember } from '../services/account/membership'
import { householdDetail, importRoster, previewRoster, updateHousehold } from '../services/account/roster'
import { saveVillageSettings, villageSettings } from '../services/account/village-settings'
import { whatWaits } from '../services/account/waiting'
import { listWorkUnits } from '../services/account/work-units'
import { leaveMerchant } from '../services/account/leave-merchant'
import { myData, withdraw } from '../services/account/my-data'
import { exportMyData } from '../services/account/my-data-export'
import { openPlate, printPlates, reissuePlate } from '../services/account/door-plates'
import { action, defineFunction } from './define-function'

export const accountFunction = defineFunction('account', {
  whoami: action({ input: accountInputs.whoami, run: ({ db, openid }) => whoami(db, openid) }),
  waiting: action({ input: accountInputs.waiting, run: ({ db, openid }) => whatWaits(db, openid) }),
  workUnits: action({ input: accountInputs.workUnits, run: ({ db, openid }, input) => listWorkUnits(db, openid, input) }),
  setElderMode: action({ input: accountInputs.setElderMode, mutates: true, run: ({ db, openid }, input) => setElderMode(db, openid, input.on) }),
  households: action({ input: accountInputs.households, run: ({ db, openid }, input) => listHouseholds(db, openid, input) }),
  rosterPreview: action({ input: accountInputs.rosterPreview, run: ({ db, openid }, input) => previewRoster(db, openid, input) }),
  rosterImport: action({ input: accountInputs.rosterImport, mutates: true, run: ({ db, openid }, input) => importRoster(db, openid, input) }),
  householdDetail: action({ input: accountInputs.householdDetail, run: ({ db, openid }, input) => householdDetail(db, openid, input) }),
  updateHousehold: action({ input: accountInputs.updateHousehold, mutates: true, run: ({ db, openid }, input) => updateHousehold(db, openid, input) }),
  issueInvite: action({ input: accountInputs.issueInvite, mutates: true, secretOutputs: ['code'], run: ({ db, openid }, input) => issueInvite(db, openid, input) }),
  revokeInvite: action({ input: accountInputs.revokeInvite, mutates: true, run: ({ db, openid }, input) => revokeInvite(db, openid, input) }),
  invites: action({ input: accountInputs.invites, run: ({ db, openid }, input) => listInvites(db, openid, input) }),
  bind: action({ input: accountInputs.bind, mutates: true, secretFields: ['code'], run: ({ db, openid, platform }, input) => bindHousehold(db, openid, input, platform) }),
  members: action({ input: accountInputs.members, run: ({ db, openid }, input) => listMembers(db, openid, input) }),
  unbind: action({ input: accountInputs.unbind, mutates: true, run: ({ db, openid }, input) => unbindMember(db, openid, input) }),
  villageSettings: action({ input: accountInputs.villageSettings, run: ({ db, openid }, input) => villageSettings(db, openid, input) }),
  saveVillageSettings: action({
    input: accountInputs.saveVillageSettings,
    mutates: true,
    run: ({ db, openid }, input) => saveVillageSettings(db, openid, input),
  }),
  myData: action({ input: accountInputs.myData, run: ({ db, openid }) => myData(db, openid) }),
  exportMyData: action({ input: accountInputs.exportMyData, run: ({ db, openid }) => exportMyData(db, openid) }),
  withdraw: action({ input: accountInputs.withdraw, mutates: true, run: ({ db, openid }) => withdraw(db, openid) }),
  leaveMerchant: action({ input: accountInputs.leaveMerchant, mutates: true, run: ({ db, openid }) => leaveMerchant(db, openid) }),
  printPlates: action({ input: accountInputs.printPlates, mutates: true, run: ({ db, openid }, input) => printPlates(db, openid, input) }),
  reissuePlate: action({ input: accountInputs.reissuePlate, mutates: true, run: ({ db, openid }, input) => reissuePlate(db, openid, input) }),
  openPlate: action({ input: accountInputs.openPlate, run: ({ db, openid }, input) => openPlate(db, openid, input) }),
})
