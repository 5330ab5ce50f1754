import type { ServerDatabase } from './server-database'

/** A digest of every table's rows (migrations' own table aside): equal digests, nothing was written. */
export async function tableDigests(database: ServerDatabase): Promise<Record<string, string>> {
  const tables = await database.rows<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )
  const query = tables
    .map(({ table_name: t }) => `select '${t}' as t, count(*)::text || ':' || md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as d from "${t}" x`)
    .join(' union all ')
  const rows = await database.rows<{ t: string; d: string }>(query)
  return Object.fromEntries(rows.map((r) => [r.t, r.d]))
}

/** The tables whose digest differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t])
}
