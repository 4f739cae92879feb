import type { SetLifecyclePolicyInput, SuspensionMode, Weekday } from '../gql/graphql';

export interface PolicyDraft {
  enabled: boolean;
  noticeDays: string;
  graceDays: number | '';
  gracePlanId: string;
  suspensionMode: SuspensionMode;
  suspendedPlanId: string;
  actionHour: number | '';
  timeZone: string;
  skipWeekdays: Weekday[];
  skipDates: string[];
}

/** "7, 3, 1" → [7, 3, 1], largest first, duplicates dropped; null when a part is not a whole number. */
export function parseNoticeDays(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (!parts.every((part) => /^\d+$/.test(part))) return null;
  return [...new Set(parts.map(Number))].sort((a, b) => b - a);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function realDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The problems the server would report, on its field names. */
export function validatePolicy(draft: PolicyDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  const days = parseNoticeDays(draft.noticeDays);
  if (days == null || days.some((day) => day < 1 || day > 90)) errors.noticeDays = 'Whole days from 1 to 90, separated by commas.';
  else if (days.length > 10) errors.noticeDays = 'At most 10 notices.';
  if (draft.graceDays === '' || !Number.isInteger(draft.graceDays) || draft.graceDays < 0 || draft.graceDays > 90) {
    errors.graceDays = 'From 0 to 90 days.';
  }
  if (draft.actionHour === '' || !Number.isInteger(draft.actionHour) || draft.actionHour < 0 || draft.actionHour > 23) {
    errors.actionHour = 'An hour from 0 to 23.';
  }
  if (!draft.timeZone.trim()) errors.timeZone = 'An IANA time zone, e.g. Europe/Berlin.';
  if (draft.suspensionMode === 'SUSPENDED_PLAN' && !draft.suspendedPlanId) errors.suspendedPlanId = 'Choose the plan suspended subscribers are moved to.';
  const bad = draft.skipDates.find((date) => !realDate(date));
  if (bad) errors.skipDates = `${bad} is not a date (YYYY-MM-DD).`;
  return errors;
}

export function toPolicyInput(draft: PolicyDraft): SetLifecyclePolicyInput {
  return {
    enabled: draft.enabled,
    noticeDays: parseNoticeDays(draft.noticeDays) ?? [],
    graceDays: Number(draft.graceDays),
    gracePlanId: draft.gracePlanId || null,
    suspensionMode: draft.suspensionMode,
    suspendedPlanId: draft.suspensionMode === 'SUSPENDED_PLAN' ? draft.suspendedPlanId || null : null,
    actionHour: Number(draft.actionHour),
    timeZone: draft.timeZone.trim(),
    skipWeekdays: draft.skipWeekdays,
    skipDates: [...new Set(draft.skipDates)].sort(),
  };
}
