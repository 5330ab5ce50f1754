import { Text, View } from '@tarojs/components'
import type { CertificateStatements } from '../../core/credit/certificate'

/** A certificate's statements, the same for the household and the bank: one plain line each. */
export function StatementsCard({ statements }: { statements: CertificateStatements }) {
  const lines: [string, string][] = [
    ['村', `${statements.village}（${statements.cooperative}）`],
    ['户主', statements.head],
    ['股数', `${statements.shares} 股`],
    [`${statements.thisYear.year} 年积分`, `${statements.thisYear.points} 分`],
    [`${statements.lastYear.year} 年积分`, `${statements.lastYear.points} 分`],
    ['本年积分在村里', statements.rankBand],
    ['逾期没整改的通报', statements.overdueRectifications === 0 ? '没有' : `有 ${statements.overdueRectifications} 条`],
    ['近 12 个月申诉后维持的扣分', statements.upheldDeductions === 0 ? '没有' : `有 ${statements.upheldDeductions} 笔`],
  ]
  return (
    <View className="credit__statements">
      {lines.map(([label, value]) => (
        <View key={label} className="credit__statement">
          <Text className="credit__statement-label">{label}</Text>
          <Text className="credit__statement-value">{value}</Text>
        </View>
      ))}
    </View>
  )
}
