import type {Task, TaskColumn} from './items.js'

/** What a team can ask every task to carry. */
export type TaskRequirement = TaskColumn

export const taskRequirements: readonly TaskRequirement[] = ['owner', 'due', 'ticket']

const owner =
  /(?:^|[\s([,;])@[\p{L}\p{N}][\p{L}\p{N}_.-]*|\b(?:owner|owners|assignee|assigned to|dri)\b[\s:=-]*[^\s:=-]/iu
// A date (`2024-06-30`, `6/30/24`, `Jun 30th`, `30 June`, `Q3 2024`), a
// `due:`/`ETA` field, or a bound (`by end of`, `within 2 weeks`).
const due =
  /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)[a-z]*\b|\bq[1-4] ?\d{4}\b|\b(?:due|deadline|eta|target date)\b[\s:=-]*[^\s:=-]|\bby (?:the )?(?:end of|next|eo[dwmq]\b|monday|tuesday|wednesday|thursday|friday)|\b(?:within|in) \d+ (?:days?|weeks?|months?|sprints?)\b/i
const ticket = /https?:\/\/\S|(?:^|[\s([])#\d+\b|\b[A-Z][A-Z0-9]+-\d+\b|\b(?:ticket|issue|jira|pr)\s*[:#]\s*\S/

/** Whether a task names its owner, its due date or its ticket. */
export function taskHas(task: Task, requirement: TaskRequirement): boolean {
  if (task.columns[requirement]) return true
  const text = task.details
  if (requirement === 'owner') return owner.test(text)
  if (requirement === 'due') return due.test(text)
  return task.linked || ticket.test(text)
}

/** The requirements a task lacks, in the order they were asked for. */
export function missingRequirements(task: Task, required: readonly TaskRequirement[]): TaskRequirement[] {
  return required.filter((requirement) => !taskHas(task, requirement))
}
