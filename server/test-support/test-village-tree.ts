import ExcelJS from 'exceljs'

/**
 * 赵家桥村's tree as a cadre would type it in Excel for the tests: groups, one grid with two
 * micro-grids, the shop, and one bad row (a micro-grid of a grid that does not exist, line 7).
 */
export const VILLAGE_TREE_ROWS: readonly (readonly string[])[] = [
  ['类型', '名称', '所属网格'],
  ['村民小组', '1组', ''],
  ['村民小组', '2组', ''],
  ['网格', '第一网格', ''],
  ['微网格', '第一网格1号微网格', '第一网格'],
  ['微网格', '第一网格2号微网格', '第一网格'],
  ['微网格', '无主微网格', '第九网格'],
  ['积分超市', '赵家桥村积分超市', ''],
]

/** The rows as the bytes of an .xlsx file with one worksheet. */
export async function xlsxOf(rows: readonly (readonly string[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('组织架构')
  for (const row of rows) sheet.addRow([...row])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
