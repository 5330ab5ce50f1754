import { receiptProblems, type ReceiptToReconcile } from './reconciliation'

const good: ReceiptToReconcile = {
  receiptId: 'R000000000001',
  householdId: 'h-1',
  pointsSpent: 30,
  linesTotal: 30,
  entry: { id: 9, householdId: 'h-1', kind: 'redemption', points: -30 },
  reversal: { entry: { householdId: 'h-1', kind: 'redemption_reversal', points: 30, reversesEntryId: 9 } },
}

describe('reconciling a receipt with the ledger', () => {
  it('When the receipt, its lines, its entry and its reversal agree, then there is no problem', () => {
    expect(receiptProblems(good)).toEqual([])
    expect(receiptProblems({ ...good, reversal: null })).toEqual([])
  })

  it('When the entry is missing, of another amount, household or kind, then each is named', () => {
    expect(receiptProblems({ ...good, entry: null })).toEqual(['找不到对应的积分流水'])
    expect(receiptProblems({ ...good, entry: { ...good.entry!, points: -20 } })).toEqual(['流水扣了 20 分，小票记 30 分'])
    expect(receiptProblems({ ...good, entry: { ...good.entry!, householdId: 'h-2' } })).toEqual(['流水记在了别的户上'])
    expect(receiptProblems({ ...good, linesTotal: 25 })).toEqual(['商品合计 25 分，小票记 30 分'])
  })

  it('When the reversal gives back another amount or names another entry, then it is named', () => {
    const reversal = { entry: { ...good.reversal!.entry!, points: 20, reversesEntryId: 8 } }
    expect(receiptProblems({ ...good, reversal })).toEqual(['退回 20 分，小票记 30 分', '退回积分的流水没有指向原兑换'])
    expect(receiptProblems({ ...good, reversal: { entry: null } })).toEqual(['撤销了但找不到退回积分的流水'])
  })
})
