import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { cloudFunctions } from '../server/functions'
import { functionPackageJson, functionConfigJson } from './cloud-function-folder'

/**
 * Bundles every cloud function into cloudfunctions/<name>/index.js: one self-contained file for
 * Node, with wx-server-sdk left as the runtime dependency its package.json names, beside the
 * deploy folder's package.json and config.json (written from scripts/cloud-function-folder.ts).
 */
async function main() {
  const root = path.resolve(__dirname, '..')
  for (const name of Object.keys(cloudFunctions)) {
    const folder = path.join(root, 'cloudfunctions', name)
    mkdirSync(folder, { recursive: true })
    for (const [file, content] of [
      ['package.json', functionPackageJson(name)],
      ['config.json', functionConfigJson(name)],
    ] as const) {
      writeFileSync(path.join(folder, file), `${JSON.stringify(content, null, 2)}\n`)
    }
    await build({
      stdin: {
        contents: [
          `import { cloudMain } from './server/functions/cloud-main'`,
          `import { cloudFunctions } from './server/functions'`,
          `export const main = cloudMain(cloudFunctions[${JSON.stringify(name)}])`,
        ].join('\n'),
        resolveDir: root,
        sourcefile: `cloudfunctions/${name}/entry.ts`,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      outfile: path.join(folder, 'index.js'),
      external: ['wx-server-sdk', 'pg-native'],
      logLevel: 'warning',
      legalComments: 'none',
    })
    console.log(`cloudfunctions/${name}/index.js built`)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
