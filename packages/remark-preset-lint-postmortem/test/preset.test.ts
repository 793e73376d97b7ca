import type {Root} from 'mdast'
import remarkLint from 'remark-lint'
import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem, {rules} from 'remark-preset-lint-postmortem'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'

const document = '## Summary\n\nx\n\n| Time | Event |\n| --- | --- |\n| 10:00 | alert |\n\n- [ ] Add an alert\n'

describe('remark-preset-lint-postmortem', () => {
  it('is a plugin usable with and without options', async () => {
    for (const options of [undefined, {}, {profile: 'holberton'}, {profile: 'generic'}]) {
      const file = await unified()
        .use(remarkParse)
        .use(remarkPresetLintPostmortem, options)
        .use(remarkStringify)
        .process(document)
      expect(file.messages.length).toBeGreaterThan(0)
    }
  })

  it('turns on GFM tables and task lists, and nothing else of GFM', () => {
    const processor = unified().use(remarkParse).use(remarkPresetLintPostmortem)
    const tree = processor.runSync(processor.parse(`${document}\nwww.example.com\n`)) as Root
    expect(tree.children.map((node) => node.type)).toEqual(['heading', 'paragraph', 'table', 'list', 'paragraph'])
    const list = tree.children[3]
    expect(list?.type === 'list' && list.children[0]?.checked).toBe(false)
    const last = tree.children[4]
    expect(last?.type === 'paragraph' && last.children.map((node) => node.type)).toEqual(['text'])
  })

  it('passes its profile to every rule', async () => {
    const file = await unified()
      .use(remarkParse)
      .use(remarkPresetLintPostmortem, {profile: 'holberton'})
      .use(remarkStringify)
      .process('## Summary\n\nThe blog was down for an hour.\n\n## Timeline\n\n- 10:00 UTC alert\n')
    const missing = file.messages.filter((message) => message.reason.startsWith('Unexpected missing section'))
    expect(missing.map((message) => message.reason)).toContain(
      'Unexpected missing section `Corrective and Preventative Measures`, expected a heading such as `## Corrective and Preventative Measures`'
    )
  })

  it('lets a rule listed after it be turned off', async () => {
    for (const rule of rules) {
      const file = await unified()
        .use(remarkParse)
        .use(remarkPresetLintPostmortem, {profile: 'holberton'})
        .use(rule, false)
        .use(remarkStringify)
        .process('A link.\n')
      expect(file.messages.filter((message) => message.ruleId === rule.ruleId)).toEqual([])
    }
  })

  describe('a rule the config lists itself', () => {
    const requiredSections = rules.find((rule) => rule.ruleId === 'postmortem-required-sections')
    if (!requiredSections) throw new Error('no required-sections rule')
    const text =
      '## Summary\n\nThe blog was down for an hour.\n\n## Timeline\n\n- 10:00 UTC alert\n\n## Root Cause\n\nx\n\n## Resolution\n\ny\n\n## Impact\n\n10 users.\n\n## Action Items\n\n- [ ] Add an alert\n'
    const lint = async (plugins: Array<[unknown, unknown?]>) => {
      const processor = unified().use(remarkParse)
      for (const [plugin, ...options] of plugins) processor.use(plugin as never, ...(options as []))
      const file = await processor.use(remarkStringify).process(text)
      return file.messages
        .filter((message) => message.ruleId === 'postmortem-required-sections')
        .map((message) => `${message.line}:${message.column} ${message.reason}`)
    }
    // Only a rule asked for `order` says it, naming the profile it lints with.
    const outOfOrder = (profile: string) =>
      `17:1 Unexpected section \`Impact\` after \`Resolution\`, expected it before, as in the \`${profile}\` profile`
    const preset: [unknown, unknown] = [remarkPresetLintPostmortem, {profile: 'holberton'}]

    it('gets the preset’s profile, listed after the preset or before it', async () => {
      expect(await lint([preset, [requiredSections, {order: true}]])).toEqual([outOfOrder('holberton')])
      expect(await lint([[requiredSections, {order: true}], preset])).toEqual([outOfOrder('holberton')])
      expect(await lint([[requiredSections, ['error', {order: true}]], preset])).toEqual([outOfOrder('holberton')])
    })

    it('keeps a profile its own options name', async () => {
      expect(await lint([preset, [requiredSections, {order: true, profile: 'generic'}]])).toEqual([
        outOfOrder('generic')
      ])
      expect(await lint([[requiredSections, {order: true, profile: 'generic'}], preset])).toEqual([
        outOfOrder('generic')
      ])
    })

    it('is turned off by `false`, listed after the preset or before it', async () => {
      expect(await lint([[requiredSections, {order: true}], preset, [requiredSections, false]])).toEqual([])
      expect(await lint([[requiredSections, false], preset])).toEqual([])
    })

    it('alone, lints with the default profile', async () => {
      expect(await lint([[requiredSections, {order: true}]])).toEqual([outOfOrder('generic')])
    })
  })

  it('tells later plugins, through the processor’s data, the rules it runs and its profile', () => {
    const processor = unified().use(remarkParse).use(remarkPresetLintPostmortem, {profile: 'holberton'}).freeze()
    expect(processor.data('postmortemProfile')).toBe('holberton')
    expect(processor.data('postmortemRules')).toEqual(rules.map((rule) => rule.ruleId))
  })

  it('fails at once on a bad option', () => {
    const attach = (options: unknown) =>
      unified()
        .use(remarkParse)
        .use(remarkPresetLintPostmortem, options as never)
        .freeze()
    expect(() => attach({profiles: 'generic'})).toThrow(
      "remark-preset-lint-postmortem: Unexpected option `profiles` for `remark-preset-lint-postmortem`, expected `'profile'`"
    )
    expect(() => attach({profile: 42})).toThrow('remark-preset-lint-postmortem: Unexpected value `42` for `profile`')
    expect(() => attach('holberton')).toThrow(
      'remark-preset-lint-postmortem: Unexpected value `"holberton"` for the options of `remark-preset-lint-postmortem`, expected an object'
    )
  })

  it('exports rules whose ids follow the naming contract', () => {
    for (const rule of rules) {
      expect(rule.ruleId).toMatch(/^postmortem-[a-z-]+$/)
      expect(rule.name).toBe(`remark-lint:${rule.ruleId}`)
    }
  })
})

describe('remark-preset-lint-postmortem comments', () => {
  const timeline = '## Timeline\n\n- 10:30 UTC rollback\n- 10:05 UTC deploy\n'
  const lint = async (value: string, before: Array<unknown> = []) => {
    const processor = unified().use(remarkParse)
    for (const plugin of before) processor.use(plugin as never)
    const file = await processor.use(remarkPresetLintPostmortem).use(remarkStringify).process(value)
    return file.messages
      .filter((message) => message.ruleId === 'postmortem-timeline-order')
      .map((message) => `${message.line}:${message.column} ${message.reason}`)
  }
  const reported = ['4:3 Unexpected `10:05 UTC` after `10:30 UTC`, expected entries in time order']

  it('reports in a file with no comment', async () => {
    expect(await lint(timeline)).toEqual(reported)
  })

  it('honours `lint disable`, `lint enable` and `lint ignore`', async () => {
    expect(await lint(`<!-- lint disable postmortem-timeline-order -->\n\n${timeline}`)).toEqual([])
    expect(
      await lint(
        `<!-- lint disable postmortem-timeline-order -->\n\n<!-- lint enable postmortem-timeline-order -->\n\n${timeline}`
      )
    ).toEqual(reported.map((line) => line.replace(/^4/, '8')))
    expect(
      await lint(timeline.replace('- 10:30', '<!-- lint ignore postmortem-timeline-order -->\n\n- 10:30'))
    ).toEqual([])
  })

  it('filters once when the config also lists remark-lint', async () => {
    expect(await lint(timeline, [remarkLint])).toEqual(reported)
    expect(await lint(`<!-- lint disable -->\n\n${timeline}`, [remarkLint])).toEqual([])
  })
})
