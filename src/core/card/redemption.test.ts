import { basketTotal, clerkMayReverse, mergeBasket } from './redemption'

describe('baskets', () => {
  it('When a basket names a goods twice, then it becomes one line, in goods-id order', () => {
    expect(
      mergeBasket([
        { goodsId: 5, quantity: 1 },
        { goodsId: 2, quantity: 3 },
        { goodsId: 5, quantity: 2 },
      ]),
    ).toEqual([
      { goodsId: 2, quantity: 3 },
      { goodsId: 5, quantity: 3 },
    ])
    expect(basketTotal([{ unitPoints: 10, quantity: 3 }, { unitPoints: 15, quantity: 1 }])).toBe(45)
  })
})

describe('the shop day (Asia/Shanghai)', () => {
  it('When a redemption was made at 23:50 Shanghai time, then the clerk may reverse it at 23:59 but not at 00:01', () => {
    const redeemed = new Date('2026-11-24T15:50:00Z')
    expect(clerkMayReverse(redeemed, new Date('2026-11-24T15:59:00Z'))).toBe(true)
    expect(clerkMayReverse(redeemed, new Date('2026-11-24T16:01:00Z'))).toBe(false)
  })
})
