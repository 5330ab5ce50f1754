import type { Db } from '../store/database'
import { goods, shopVillages } from '../store/schema'

/**
 * The demo's 赵家桥村积分超市: it serves 赵家桥村 only (so a 通界村 card is refused there), and sells
 * noodle coupons (面券, as 堰头村's noodle shop takes them) and a few daily goods.
 */
export async function seedDemoShop(tx: Db): Promise<void> {
  await tx.insert(shopVillages).values({ shopId: 'shop-zjq', villageId: 'v-zjq' })
  await tx.insert(goods).values([
    { shopId: 'shop-zjq', name: '面券', pointsPrice: 10, stock: 200 },
    { shopId: 'shop-zjq', name: '酱油一瓶', pointsPrice: 15, stock: 40 },
    { shopId: 'shop-zjq', name: '洗衣粉一袋', pointsPrice: 20, stock: 30 },
    { shopId: 'shop-zjq', name: '毛巾一条', pointsPrice: 12, stock: 50 },
    { shopId: 'shop-zjq', name: '大米五斤', pointsPrice: 40, stock: 20 },
  ])
}
