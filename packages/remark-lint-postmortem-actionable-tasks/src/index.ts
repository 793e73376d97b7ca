/**
 * ## When should I use this?
 *
 * You want the follow-ups of every postmortem to be tasks someone can pick
 * up and close: a list, one task per item, each starting with a verb, naming
 * what it changes, with an end (and an owner, a due date or a ticket, when
 * your team asks for them).
 *
 * ## What is this?
 *
 * This rule reads the follow-up section (action items, corrective and
 * preventative measures, next steps, improvements, tasks, ...; all of its
 * parts together) and reports:
 *
 * - a postmortem with no follow-up section, at its end, unless
 *   `postmortem-required-sections` ran first and reported the section
 *   missing (one message per missing section);
 * - a follow-up section with no list of tasks (only prose, or lines that are
 *   not list items), once, at its heading;
 * - a line written as a list item that Markdown does not read as one
 *   (`-Patch the server`, `• Patch`, `1.Patch`, `1, Patch`), with the fix and
 *   the corrected line in `message.expected`;
 * - a task that does not start with a verb in the imperative (`We need
 *   monitoring`, `Implementation of ...`, `Patched the server`), or whose
 *   first word is the subject of a verb (`Script needs to be updated`);
 * - a vague task: a vague verb with no concrete object (`Improve monitoring`,
 *   `Enhance testing`), an object that names nothing (`Add monitoring
 *   system`), a qualifier that specifies nothing (`for certain users`);
 * - a wish (`Be more careful`, `Communicate better`);
 * - a goal with no mechanism (`Prevent outages`, `Reduce latency`), a
 *   standing policy with nothing that enforces it (`Ensure backups work`,
 *   `Always run …`);
 * - an open-ended task: `Continue to ...`, `Maintain ...`, `Consider ...`,
 *   `Investigate ...` with no deliverable, `regularly` with no cadence, an
 *   open question;
 * - with `require`, a task without an owner (`@name`), a due date, or a
 *   ticket (a link, `#123`, `OPS-123`).
 *
 * Lists, GFM task-list items (done ones, `- [x]`, are not judged), table
 * rows and HTML `<li>` items are tasks; several task lines in one list item
 * are several tasks. An item with sub-items is a group: its sub-items are
 * the tasks. A task is judged as it renders (inline HTML left out), by its
 * text after a title (`**Monitoring:** Add an alert on ...`); the title
 * counts when the text is no task at all. Whether a task starts with a verb
 * is decided by part-of-speech tags (a lexicon generated from the
 * `compromise` tagger), helped by word lists (data a team can change with
 * `vocabulary`).
 *
 * ## Options
 *
 * `profile` (the template) and the options declared once in `options`
 * below, with their types, defaults and meanings; the docs' options table
 * and the JSON schema of `.remarkrc.json` are generated from them
 * (`node scripts/options-doc.js`).
 *
 * The examples live in `docs/rules/actionable-tasks.md` and are tested.
 */
import {
  type BaseSettings,
  buildTaskVocabulary,
  defaultTaskVocabulary,
  definePostmortemRule,
  type FixEdit,
  type FollowUps,
  findInSource,
  getTasks,
  integerOption,
  judgeTask,
  listOfOption,
  type MalformedListLine,
  missingRequirements,
  type OptionsOf,
  type Postmortem,
  report,
  type Task,
  type TaskProblem,
  type TaskRequirement,
  type TaskVocabulary,
  type TaskVocabularyKey,
  taskRequirements,
  taskVocabularyKeys,
  wordListsOption,
  wordsOption
} from 'mdast-util-postmortem'
import type {Position} from 'unist'
import type {VFile} from 'vfile'

/** The built-in word lists, as the judgement reads them. */
const wordLists = Object.fromEntries(taskVocabularyKeys.map((key) => [key, [...defaultTaskVocabulary[key]]])) as Record<
  TaskVocabularyKey,
  string[]
>

const options = {
  require: listOfOption(taskRequirements, {description: 'what each open task must carry'}),
  vagueVerbs: wordsOption({
    description: 'more verbs (or phrases) that need a concrete object (short for `vocabulary.vagueVerbs.add`)',
    builtIn: wordLists.vagueVerbs
  }),
  minWords: integerOption({minimum: 1, default: 2, description: 'fewest words a task may have'}),
  vocabulary: wordListsOption(wordLists, {
    description: 'changes to the word lists below: a plain list adds, `remove` trims',
    lists: {
      opsVerbs: {
        meaning: 'operations verbs the tagger reads as nouns: a task may start with one',
        examples: ['backfill', 'cordon', 'deprovision', 'roll back', 'back up']
      },
      vagueVerbs: {meaning: 'need a concrete object', examples: ['improve', 'enhance', 'strengthen', 'focus on']},
      goalVerbs: {
        meaning: 'need a mechanism or a concrete object',
        examples: ['prevent', 'reduce', 'mitigate', 'harden', 'optimise']
      },
      policyVerbs: {meaning: 'need what enforces them', examples: ['ensure', 'make sure', 'always', 'never']},
      inquiryVerbs: {
        meaning: 'need a deliverable',
        examples: ['investigate', 'look into', 'explore', 'revisit', 'discuss']
      },
      ongoingVerbs: {
        meaning: 'never end (a number bounds them)',
        examples: ['continue', 'maintain', 'monitor', 'work on']
      },
      deferringVerbs: {meaning: 'defer the decision', examples: ['consider', 'reconsider']},
      wishes: {
        meaning: 'name no action, wherever they are',
        examples: ['be more careful', 'learn from', 'communicate better']
      },
      wishAdverbs: {
        meaning: 'a verb with one and no object is a wish',
        examples: ['better', 'carefully', 'thoroughly']
      },
      unspecificWords: {
        meaning: 'specify nothing',
        examples: ['certain', 'some', 'similar', 'proper', 'sane', 'stricter', 'best']
      },
      deliverables: {
        meaning: 'what an inquiry can deliver',
        examples: ['decide', 'write', 'rfc', 'ticket', 'document']
      },
      mechanisms: {
        meaning: 'what can enforce a policy',
        examples: ['check', 'test', 'alert', 'hook', 'ci', 'pipeline']
      },
      mechanismWords: {meaning: 'introduce a mechanism', examples: ['by', 'with', 'via', 'using', 'through']}
    }
  })
}

/** Options of `remark-lint-postmortem-actionable-tasks`. */
export type Options = OptionsOf<typeof options>

interface Settings extends BaseSettings {
  readonly require: readonly TaskRequirement[]
  readonly minWords: number
  readonly vocabulary: TaskVocabulary
}

const section = 'action-items'

const remarkLintPostmortemActionableTasks = definePostmortemRule({
  name: 'actionable-tasks',
  options,
  settings(checked, profile): Settings {
    const changes = {...checked.vocabulary}
    // `vagueVerbs` is the short form of `vocabulary.vagueVerbs.add`.
    const vague = changes.vagueVerbs
    changes.vagueVerbs = {add: [...(vague?.add ?? []), ...checked.vagueVerbs], remove: vague?.remove ?? []}
    return {profile, require: checked.require, minWords: checked.minWords, vocabulary: buildTaskVocabulary(changes)}
  },
  check(postmortem, file, settings) {
    if (!postmortem.looksLikePostmortem) return
    const followUps = getTasks(postmortem)
    if (followUps.sections.length === 0) {
      reportNoFollowUps(postmortem, file, settings)
      return
    }
    if (followUps.tasks.length === 0) {
      reportNoList(followUps, file)
      return
    }
    reportMalformed(followUps, file)
    for (const task of followUps.tasks) {
      if (task.checked === true) continue
      const problem = judgeTask(task, settings)
      if (problem) reportProblem(postmortem, task, problem, file)
      const missing = missingRequirements(task, settings.require)
      if (missing.length > 0) reportMissing(task, missing, file)
    }
  }
})

export default remarkLintPostmortemActionableTasks

/**
 * No follow-up section at all. `postmortem-required-sections` says so when
 * the profile requires the section and it ran first (as in the preset): then
 * this rule does not say it again.
 */
function reportNoFollowUps(postmortem: Postmortem, file: VFile, settings: Settings): void {
  const said = file.messages.some(
    (message) =>
      message.ruleId === 'postmortem-required-sections' && (message as {section?: unknown}).section === section
  )
  if (said) return
  const title = settings.profile.sections.find((spec) => spec.id === section)?.title ?? 'Action items'
  report(
    file,
    `Unexpected postmortem without follow-up tasks, expected a section such as \`## ${title}\` with one task per list item`,
    {
      place: postmortem.tree.position?.end,
      expected: [`## ${title}`],
      section,
      // An empty section moves the problem: for editors only.
      fix: {insertBlock: postmortem.tree.position?.end, block: `## ${title}`, safe: false}
    }
  )
}

function reportNoList(followUps: FollowUps, file: VFile): void {
  const first = followUps.sections[0]
  if (!first) return
  const title = first.heading.text || 'follow-ups'
  report(
    file,
    `Unexpected follow-up section \`${title}\` without a list of tasks, expected one task per list item, such as \`- Add an alert on …\``,
    {place: first.heading.position, section}
  )
}

function reportMalformed(followUps: FollowUps, file: VFile): void {
  for (const line of followUps.malformed) {
    report(
      file,
      `Unexpected line \`${quote(line.text)}\` that Markdown does not read as a list item, expected \`${quote(line.expected)}\` (${line.fix})`,
      {place: line.position, expected: [line.expected], section, actual: line.text, fix: listLineFix(line)}
    )
  }
}

/**
 * The line as a list item. Safe when the line in the source is its marker
 * and spaces, then the text that `expected` keeps: only the marker changes.
 * When the line is already what `expected` says (a numbered line that needs
 * a blank line before its list), there is no fix.
 */
function listLineFix(line: MalformedListLine): FixEdit {
  const kept = line.expected.slice(line.expected.indexOf(' ') + 1)
  const safe = (found: string) => {
    const marker = found.endsWith(kept) ? found.slice(0, found.length - kept.length) : undefined
    return marker !== undefined && kept.trim() !== '' && /^(?:[^\p{L}<>`[\]\\]|&[a-z]+;)*$/u.test(marker)
  }
  return {replace: line.position, text: line.expected, safe}
}

function reportProblem(postmortem: Postmortem, task: Task, problem: TaskProblem, file: VFile): void {
  const place = placeOfWord(postmortem, problem) ?? problem.part.position ?? task.position
  report(file, `Unexpected task \`${quote(problem.part.text)}\` that ${problem.found}, expected ${problem.expected}`, {
    place,
    section
  })
}

function placeOfWord(postmortem: Postmortem, problem: TaskProblem): Position | undefined {
  if (!problem.word) return undefined
  return findInSource(postmortem.source, problem.part.position, problem.word, true)
}

const requirementNames: Readonly<Record<TaskRequirement, [string, string]>> = {
  owner: ['an owner', '`@name`'],
  due: ['a due date', 'a date such as `by 2024-06-30`'],
  ticket: ['a ticket', 'a link or a key such as `OPS-123`']
}

function reportMissing(task: Task, missing: readonly TaskRequirement[], file: VFile): void {
  const found = missing.map((item) => requirementNames[item][0]).join(' or ')
  const expected = missing.map((item) => requirementNames[item][1]).join(' and ')
  report(file, `Unexpected task \`${quote(task.body.text)}\` without ${found}, expected ${expected}`, {
    place: task.position,
    section
  })
}

const quoteLength = 40

/** The start of a text, short enough for a message. */
function quote(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  if (line.length <= quoteLength) return line
  const cut = line.slice(0, quoteLength)
  const space = cut.lastIndexOf(' ')
  let end = space > 20 ? space : cut.length
  while (end > 0 && ' ,.;:'.includes(cut[end - 1] as string)) end--
  return `${cut.slice(0, end)}…`
}
