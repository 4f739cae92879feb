import type { SetPlanLifecycleOverrideInput } from '../gql/graphql';
import { parseNoticeDays } from './policyForm';

/** A plan's override as typed: blank fields mean "the tenant's policy". */
export interface PlanOverrideDraft {
  planId: string;
  noticeDays: string;
  graceDays: string;
}

/** The problems the server would report, on its field names. */
export function validatePlanOverride(draft: PlanOverrideDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.planId) errors.planId = 'Choose a plan.';
  if (draft.noticeDays.trim()) {
    const days = parseNoticeDays(draft.noticeDays);
    if (days == null || days.some((day) => day < 1 || day > 90)) errors.noticeDays = 'Whole days from 1 to 90, separated by commas.';
    else if (days.length > 10) errors.noticeDays = 'At most 10 notices.';
  }
  if (draft.graceDays.trim()) {
    const grace = Number(draft.graceDays.trim());
    if (!/^\d+$/.test(draft.graceDays.trim()) || grace > 90) errors.graceDays = 'From 0 to 90 days.';
  }
  return errors;
}

/** Blank fields become null ("the tenant's"); both blank removes the override. */
export function toPlanOverrideInput(draft: PlanOverrideDraft): SetPlanLifecycleOverrideInput {
  return {
    planId: draft.planId,
    noticeDays: draft.noticeDays.trim() ? (parseNoticeDays(draft.noticeDays) ?? []) : null,
    graceDays: draft.graceDays.trim() ? Number(draft.graceDays.trim()) : null,
  };
}

/** "7, 3, 1" or "the tenant's (…)" for a list of the override table. */
export function describeDays(own: readonly number[] | null | undefined, tenant: readonly number[]): string {
  return own ? own.join(', ') : `tenant's (${tenant.join(', ')})`;
}
