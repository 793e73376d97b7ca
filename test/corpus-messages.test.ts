import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
// @ts-expect-error: plain JavaScript module shared with `pnpm corpus`.
import * as corpus from '../scripts/corpus-evaluation.js'
// @ts-expect-error: plain JavaScript module, the recorder of the digests.
import * as recorded from '../scripts/corpus-messages.js'

// Work on speed must not buy its figures by doing less: every message on the
// real postmortems stays the same (place, text, fix), as recorded per rule
// in test/corpus-messages.json. A change of the rules' accuracy changes the
// record on purpose: `node scripts/corpus-messages.js --print` before and
// after shows what changed, `--write` records it.

interface Result {
  name: string
  profile: string
  file: VFile
  messages: VFile['messages']
}

const available: boolean = corpus.corpusAvailable()
if (!available) console.warn(`Corpus message tests skipped: no corpus at ${corpus.corpusDir}.`)

describe.runIf(available)('the messages on ../shared/corpus', async () => {
  const results: Result[] = available ? await corpus.lintCorpus() : []
  const lines: string[] = recorded.messageLines(results)

  it('are those recorded, rule by rule', () => {
    expect(lines.length).toBeGreaterThan(500)
    expect(recorded.digests(lines)).toEqual(recorded.readRecord())
  })

  it('are the same when one processor per profile lints every file in turn, as an editor reuses it', async () => {
    const processors = new Map<string, ReturnType<typeof unified>>()
    const reused: Result[] = []
    // Twice over, so that whatever a file leaves cached meets every other file.
    for (const round of [0, 1]) {
      for (const result of results) {
        let processor = processors.get(result.profile)
        if (!processor) {
          processor = unified().use(remarkParse).use(remarkPresetLintPostmortem, {profile: result.profile}).freeze()
          processors.set(result.profile, processor)
        }
        const file = new VFile({path: result.file.path, value: result.file.value})
        await processor.run(processor.parse(file), file)
        if (round === 1) reused.push({...result, file, messages: file.messages})
      }
    }
    expect(recorded.messageLines(reused)).toEqual(lines)
  })
})
