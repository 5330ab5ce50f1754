import { sql } from 'drizzle-orm'
import { boolean, check, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { orgs } from './organisation'

/** Which villages' households a shop (积分超市) serves; a shop may serve more than one village. */
export const shopVillages = pgTable(
  'shop_villages',
  {
    shopId: text('shop_id')
      .notNull()
      .references(() => orgs.id),
    villageId: text('village_id')
      .notNull()
      .references(() => orgs.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.villageId] })],
)

/** A shop's goods. Stock only moves by conditional updates that keep it at zero or above. */
export const goods = pgTable(
  'goods',
  {
    id: serial('id').primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    pointsPrice: integer('points_price').notNull(),
    stock: integer('stock').notNull().default(0),
    onShelf: boolean('on_shelf').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('goods_shop_name').on(t.shopId, t.name),
    check('goods_price_positive', sql`${t.pointsPrice} > 0`),
    check('goods_stock_nonneg', sql`${t.stock} >= 0`),
  ],
)
