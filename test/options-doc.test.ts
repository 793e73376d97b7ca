import {readdirSync, readFileSync} from 'node:fs'
import * as path from 'node:path'
import {Ajv} from 'ajv'
import type {PostmortemRule} from 'mdast-util-postmortem'
import remarkParse from 'remark-parse'
import {rules} from 'remark-preset-lint-postmortem'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
// @ts-expect-error: plain JavaScript module, also run as a script.
import {generatedFiles, remarkrcSchema} from '../scripts/options-doc.js'

// The options each rule declares are the one source of the docs' options
// tables and of the JSON schema of `.remarkrc.json`: these files must be as
// generated, the schema must be one, every config the docs show must pass
// it, and it must accept exactly what the rules accept.

const root = path.resolve(import.meta.dirname, '..')

describe('generated from the declared options', () => {
  for (const file of generatedFiles() as Array<{path: string; text: string; next: string}>) {
    it(`${file.path} is up to date`, () => {
      expect(file.text, 'run `node scripts/options-doc.js`').toBe(file.next)
    })
  }
})

// Strict, but for tuples: `[name]` and `[name, options]` are both entries.
const ajv = new Ajv({allErrors: true, strict: true, strictTuples: false})
// VS Code shows it in place of `description`; Ajv has no use for it.
ajv.addKeyword('markdownDescription')
const validate = ajv.compile(remarkrcSchema())

/** Ajv's complaints about a config, one line each, or none. */
function schemaErrors(config: unknown): string[] {
  if (validate(config)) return []
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`)
}

/** A rule's config in a `.remarkrc.json`, the way users write it. */
function withRule(rule: PostmortemRule, config: unknown): unknown {
  return {plugins: ['remark-preset-lint-postmortem', [`remark-lint-${rule.ruleId}`, config]]}
}

/** The `json` blocks of the docs that are remark configs. */
function docConfigs(): Array<{where: string; config: unknown}> {
  const pages = ['README.md', ...markdownUnder('docs')]
  const found: Array<{where: string; config: unknown}> = []
  for (const page of pages) {
    const text = readFileSync(path.join(root, page), 'utf8')
    for (const match of text.matchAll(/^```json\n([\s\S]*?)^```$/gm)) {
      const body = match[1] as string
      const config = JSON.parse(body) as unknown
      if (typeof config === 'object' && config !== null && 'plugins' in config) {
        const line = text.slice(0, match.index).split('\n').length
        found.push({where: `${page}:${line}`, config})
      }
    }
  }
  return found
}

function markdownUnder(folder: string): string[] {
  return readdirSync(path.join(root, folder), {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(folder, name))
    .sort()
}

/** The `Options:` lines of the docs' rule examples, by rule. */
function docExampleOptions(rule: PostmortemRule): unknown[] {
  const page = readFileSync(path.join(root, 'docs/rules', `${rule.ruleId.slice('postmortem-'.length)}.md`), 'utf8')
  return [...page.matchAll(/^Options: `(.*)`$/gm)].map((match) => JSON.parse(match[1] as string))
}

describe('the JSON schema of .remarkrc.json', () => {
  it('is a valid draft-07 schema, with an id editors can fetch', () => {
    const schema = remarkrcSchema()
    expect(ajv.validateSchema(schema), ajv.errorsText(ajv.errors)).toBe(true)
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#')
    expect(schema.$id).toBe(
      'https://raw.githubusercontent.com/postmortem-lint/postmortem-lint/main/packages/remark-preset-lint-postmortem/remarkrc.schema.json'
    )
  })

  it('accepts every remark config the docs show', () => {
    const configs = docConfigs()
    expect(configs.length).toBeGreaterThanOrEqual(5)
    for (const {where, config} of configs) expect(schemaErrors(config), where).toEqual([])
  })

  for (const rule of rules) {
    it(`accepts the options of every example of docs for ${rule.ruleId}`, () => {
      const examples = docExampleOptions(rule)
      expect(examples.length).toBeGreaterThan(0)
      for (const options of examples) {
        expect(schemaErrors(withRule(rule, options)), JSON.stringify(options)).toEqual([])
        expect(schemaErrors(withRule(rule, ['error', options])), JSON.stringify(options)).toEqual([])
      }
    })
  }

  it('takes a rule by severity, [severity, options], in a map, and without the remark- prefix', () => {
    for (const config of [
      {plugins: [['remark-lint-postmortem-timeline-order', [2, {minimumEntries: 3}]]]},
      {plugins: [['remark-lint-postmortem-timeline-order', 'warn']]},
      {plugins: [['remark-lint-postmortem-timeline-order', false]]},
      {plugins: [['lint-postmortem-timeline-order', {duplicates: true}]]},
      {plugins: {'remark-lint-postmortem-timeline-order': ['error', {duplicates: true}]}},
      {plugins: {'remark-preset-lint-postmortem': {profile: 'pagerduty'}, 'remark-gfm': {}}},
      {$schema: './node_modules/remark-preset-lint-postmortem/remarkrc.schema.json', plugins: []},
      {plugins: ['remark-gfm', ['remark-lint-maximum-line-length', [1, 80]]], settings: {bullet: '-'}}
    ]) {
      expect(schemaErrors(config), JSON.stringify(config)).toEqual([])
    }
  })

  it('refuses what the rules and the preset refuse, pointing at the value', () => {
    const cases: Array<[unknown, string]> = [
      [
        {plugins: [['remark-lint-postmortem-timeline-order', [2, {minimumEntries: -1}]]]},
        '/plugins/0/1/1/minimumEntries must be >= 0'
      ],
      [
        {plugins: [['remark-lint-postmortem-timeline-order', {minimumEntrie: 3}]]},
        '/plugins/0/1 must NOT have additional properties'
      ],
      [
        {plugins: [['lint-postmortem-timeline-timezone', {ambiguous: 'yes'}]]},
        '/plugins/0/1/ambiguous must be boolean'
      ],
      [
        {plugins: [['remark-lint-postmortem-timeline-order', [3, {}]]]},
        '/plugins/0/1/0 must be equal to one of the allowed values'
      ],
      [
        {plugins: {'remark-lint-postmortem-actionable-tasks': {require: ['boss']}}},
        '/plugins/remark-lint-postmortem-actionable-tasks/require/0 must be equal to one of the allowed values'
      ],
      [
        {plugins: [['remark-preset-lint-postmortem', {profile: 'holbertn'}]]},
        '/plugins/0/1/profile must be equal to one of the allowed values'
      ],
      [
        {plugins: [['remark-preset-lint-postmortem', {profile: 'generic', order: true}]]},
        '/plugins/0/1 must NOT have additional properties'
      ],
      [{plugin: ['remark-preset-lint-postmortem']}, '/ must NOT have additional properties']
    ]
    for (const [config, error] of cases) expect(schemaErrors(config), JSON.stringify(config)).toContain(error)
  })
})

/** Values of every JSON shape an option may be given, right for some options, wrong for others. */
const values: readonly unknown[] = [
  null,
  true,
  false,
  0,
  2,
  -1,
  42.5,
  '',
  'UTC',
  'Europe/Paris',
  'Mars/Olympus',
  'generic',
  'holberton',
  'not-a-known-value',
  [],
  ['owner'],
  ['owner', 'owner'],
  ['users', 'duration'],
  ['quiesce', 'roll out'],
  [''],
  [42],
  {},
  {notAKey: 42},
  {opsVerbs: ['quiesce']},
  {goalVerbs: {add: ['curb'], remove: ['limit']}},
  {goalVerbs: {add: 'curb'}},
  {goalVerbs: {keep: ['curb']}},
  {sections: [{id: 'timeline'}, {id: 'cost', title: 'Cost', required: false}]},
  {extends: 'holberton', sections: []},
  {extends: 'holberton', languages: ['en'], sections: [{id: 'impact', required: false}]},
  {sections: []},
  {sections: [{id: 'Timeline'}]},
  {extends: 'nope', sections: [{id: 'timeline'}]}
]

/** Whether the rule takes these options when it is attached. */
function parses(rule: PostmortemRule, options: unknown): boolean {
  try {
    unified().use(remarkParse).use(rule, options).freeze()
    return true
  } catch (error) {
    if ((error as Error).name !== 'OptionError') throw error
    return false
  }
}

describe('the schema and the rules agree on each option', () => {
  for (const rule of rules) {
    for (const name of rule.optionNames) {
      it(`${rule.ruleId}: \`${name}\``, () => {
        const disagreements: string[] = []
        // A custom option's check (a timezone) says more than a schema can.
        const custom = name === 'zone'
        for (const value of values) {
          const options = {[name]: value}
          const accepted = parses(rule, options)
          const valid = schemaErrors(withRule(rule, options)).length === 0
          if (accepted && !valid) disagreements.push(`the schema refuses ${JSON.stringify(value)}`)
          if (!accepted && valid && !custom) disagreements.push(`the schema accepts ${JSON.stringify(value)}`)
        }
        expect(disagreements).toEqual([])
      })
    }
  }
})
