import type { AlertRuleInput, AlertRuleType, AlertSeverity } from '../gql/graphql';

/** Which settings each rule type takes, as the API checks them (AlertRules on the server). */
export const RULE_TYPES: Record<AlertRuleType, { label: string; threshold?: string; window?: boolean; version?: boolean }> = {
  ROUTER_UNREACHABLE: { label: 'Router unreachable' },
  ROUTER_LOGIN_FAILING: { label: 'Router refuses the credentials' },
  CPU_HIGH: { label: 'CPU load high', threshold: 'CPU load above (%)' },
  MEMORY_LOW: { label: 'Free memory low', threshold: 'Free memory below (%)' },
  ROUTER_REBOOTED: { label: 'Router rebooted' },
  ROUTEROS_OUTDATED: { label: 'RouterOS outdated', version: true },
  OPERATION_FAILED: { label: 'Operation failed' },
  DRIFT_NOT_REPAIRED: { label: 'Drift not repaired' },
  BACKUP_FAILED: { label: 'Backup failed' },
  SESSIONS_DROPPED: { label: 'Online sessions dropped', threshold: 'Drop of more than (%)', window: true },
};

export const LONGEST_HOLD_SECONDS = 604_800;

/** The rule editor's fields, as typed (numbers may be empty while editing). */
export interface RuleDraft {
  type: AlertRuleType;
  name: string;
  severity: AlertSeverity;
  enabled: boolean;
  routerId: string;
  threshold: number | '';
  forSeconds: number | '';
  clearSeconds: number | '';
  windowSeconds: number | '';
  minimumVersion: string;
  notifyOnResolve: boolean;
}

export const NEW_RULE: RuleDraft = {
  type: 'CPU_HIGH',
  name: '',
  severity: 'WARNING',
  enabled: true,
  routerId: '',
  threshold: 90,
  forSeconds: 300,
  clearSeconds: 300,
  windowSeconds: '',
  minimumVersion: '',
  notifyOnResolve: false,
};

const between = (value: number | '', min: number, max: number) => value !== '' && Number.isInteger(value) && value >= min && value <= max;

/**
 * The problems the server would report, checked before sending so the form says them at once; field names are the
 * server's, so its answers land on the same fields.
 */
export function validateRule(draft: RuleDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  const kind = RULE_TYPES[draft.type];
  const name = draft.name.trim();
  if (name.length < 1 || name.length > 100) errors.name = 'A name has 1 to 100 characters.';
  if (kind.threshold && !between(draft.threshold, 1, 100)) errors.threshold = 'A percentage from 1 to 100.';
  if (!between(draft.forSeconds, 0, LONGEST_HOLD_SECONDS)) errors.forSeconds = 'From 0 to 604,800 seconds (7 days).';
  if (!between(draft.clearSeconds, 0, LONGEST_HOLD_SECONDS)) errors.clearSeconds = 'From 0 to 604,800 seconds (7 days).';
  if (kind.window && !between(draft.windowSeconds, 60, 86_400)) errors.windowSeconds = 'From 60 to 86,400 seconds.';
  if (kind.version && !/^\d+(\.\d+)*$/.test(draft.minimumVersion.trim())) errors.minimumVersion = 'Numbers and dots, e.g. 7.12.';
  return errors;
}

/** The API input: settings the type does not take are left out (the server refuses them). */
export function toInput(draft: RuleDraft): AlertRuleInput {
  const kind = RULE_TYPES[draft.type];
  return {
    type: draft.type,
    name: draft.name.trim(),
    severity: draft.severity,
    enabled: draft.enabled,
    routerId: draft.routerId || null,
    threshold: kind.threshold ? Number(draft.threshold) : null,
    forSeconds: Number(draft.forSeconds),
    clearSeconds: Number(draft.clearSeconds),
    windowSeconds: kind.window ? Number(draft.windowSeconds) : null,
    minimumVersion: kind.version ? draft.minimumVersion.trim() : null,
    notifyOnResolve: draft.notifyOnResolve,
  };
}
