import type { ReportKind } from '../gql/graphql';

export const REPORT_KINDS: readonly { value: ReportKind; label: string; usage: boolean }[] = [
  { value: 'USAGE_BY_SUBSCRIBER', label: 'Usage by subscriber', usage: true },
  { value: 'USAGE_BY_PLAN', label: 'Usage by plan', usage: true },
  { value: 'USAGE_BY_ROUTER', label: 'Usage by router', usage: true },
  { value: 'USAGE_BY_POP', label: 'Usage by POP', usage: true },
  { value: 'TOP_USERS', label: 'Top users', usage: true },
  { value: 'SUSPENSIONS_AND_RESTORES', label: 'Suspensions and restores', usage: false },
  { value: 'PLAN_CHANGES', label: 'Plan changes', usage: false },
];

export function isUsageReport(kind: ReportKind): boolean {
  return REPORT_KINDS.find((each) => each.value === kind)?.usage ?? false;
}

export const FINISHED = new Set(['SUCCEEDED', 'FAILED']);
