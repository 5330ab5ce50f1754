import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { structureOf } from './architecture'

const ROOT = path.resolve(__dirname, '..')

describe('the architecture drawn from the imports', () => {
  it.each(['server', 'src'] as const)('When %s/ is drawn, then every file sits in a layer, no import runs back up a layer and no files import each other in a cycle', (tree) => {
    const structure = structureOf(ROOT, tree)
    expect(structure.files.length).toBeGreaterThan(100)
    expect(structure.unplaced).toEqual([])
    expect(structure.upward).toEqual([])
    expect(structure.cycles).toEqual([])
  })

  it('When a store file imports a service, test support ships in the store and two services import each other, then each is named', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'layers-'))
    try {
      const write = (file: string, text: string) => {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
        writeFileSync(path.join(root, file), text)
      }
      write('server/store/ledger.ts', "import { submit } from '../services/score/submit'\nimport { db } from '../test-support/db'\n")
      write('server/services/score/submit.ts', "import { other } from './other'\nexport const submit = 1\n")
      write('server/services/score/other.ts', "import { submit } from './submit'\nexport const other = 2\n")
      write('server/test-support/db.ts', "import { submit } from '../services/score/submit'\nexport const db = 3\n")
      write('server/services/score/submit.test.ts', "import { db } from '../../test-support/db'\n")
      write('server/loose.ts', 'export const loose = 4\n')
      const structure = structureOf(root, 'server')
      expect(structure.upward).toEqual([
        'server/store/ledger.ts → server/services/score/submit.ts',
        'server/store/ledger.ts → server/test-support/db.ts (test support outside tests)',
      ])
      expect(structure.cycles).toEqual([['server/services/score/other.ts', 'server/services/score/submit.ts']])
      expect(structure.unplaced).toEqual(['server/loose.ts'])
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
