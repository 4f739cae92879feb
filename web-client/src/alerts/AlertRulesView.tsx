import { useState } from 'react';
import { Button, Group, Modal, NumberInput, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { fieldErrors } from '../api/errors';
import { Can, useCan } from '../auth/Me';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { useAction } from '../hooks/useAction';
import { RoutersQuery } from '../routers/documents';
import type { AlertRuleType, AlertRulesQuery as AlertRulesResult, AlertSeverity } from '../gql/graphql';
import { SeverityBadge } from './AlertsView';
import { AlertRulesQuery, CreateAlertRule, DeleteAlertRule, UpdateAlertRule } from './documents';
import { NEW_RULE, RULE_TYPES, toInput, validateRule, type RuleDraft } from './ruleForm';

type Rule = AlertRulesResult['alertRules'][number];

function draftOf(rule: Rule): RuleDraft {
  return {
    type: rule.type,
    name: rule.name,
    severity: rule.severity,
    enabled: rule.enabled,
    routerId: rule.router?.id ?? '',
    threshold: rule.threshold ?? '',
    forSeconds: rule.forSeconds,
    clearSeconds: rule.clearSeconds,
    windowSeconds: rule.windowSeconds ?? '',
    minimumVersion: rule.minimumVersion ?? '',
    notifyOnResolve: rule.notifyOnResolve,
  };
}

/** The tenant's alert rules; tenant admins add, change and delete them. */
export default function AlertRulesView() {
  const [result, reexecute] = useQuery({ query: AlertRulesQuery });
  const [editing, setEditing] = useState<{ id: string | null; draft: RuleDraft } | null>(null);
  const [, deleteRule] = useMutation(DeleteAlertRule);
  const { run, running } = useAction();
  const rules = result.data?.alertRules;
  return (
    <Page
      title="Alert rules"
      actions={
        <Can capability="administer">
          <Button onClick={() => setEditing({ id: null, draft: NEW_RULE })}>New rule</Button>
        </Can>
      }
    >
      {!rules ? (
        <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : (
        <Table striped highlightOnHover aria-label="Alert rules">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rule</Table.Th>
              <Table.Th>Watches</Table.Th>
              <Table.Th style={{ minWidth: 110 }}>Severity</Table.Th>
              <Table.Th>Condition</Table.Th>
              <Table.Th>On</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.map((rule) => (
              <Table.Tr key={rule.id}>
                <Table.Td>{rule.name}</Table.Td>
                <Table.Td>
                  {RULE_TYPES[rule.type].label}
                  <Text size="xs" c="dimmed">
                    {rule.router ? rule.router.name : 'every router'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <SeverityBadge severity={rule.severity} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {rule.threshold != null ? `${rule.threshold} %, ` : ''}
                    {rule.minimumVersion ? `below ${rule.minimumVersion}, ` : ''}
                    for {rule.forSeconds} s, clears after {rule.clearSeconds} s
                  </Text>
                </Table.Td>
                <Table.Td>{rule.enabled ? 'yes' : 'no'}</Table.Td>
                <Table.Td>
                  <Can capability="administer">
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="subtle" onClick={() => setEditing({ id: rule.id, draft: draftOf(rule) })}>
                        Edit
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        loading={running}
                        onClick={() => void run('Delete rule', () => deleteRule({ input: { id: rule.id } }), (d) => d.deleteAlertRule.errors, 'Deleted; its alerts are resolved.')}
                      >
                        Delete
                      </Button>
                    </Group>
                  </Can>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <RuleEditor id={editing.id} initial={editing.draft} onClose={() => setEditing(null)} />}
    </Page>
  );
}

function RuleEditor({ id, initial, onClose }: { id: string | null; initial: RuleDraft; onClose: () => void }) {
  const [draft, setDraft] = useState(initial);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState(false);
  const [routers] = useQuery({ query: RoutersQuery, variables: { first: 100 } });
  const [, create] = useMutation(CreateAlertRule);
  const [, update] = useMutation(UpdateAlertRule);
  const { run, running } = useAction();
  const administer = useCan('administer');
  const kind = RULE_TYPES[draft.type];
  const local = validateRule(draft);
  const errors = touched ? { ...serverErrors, ...local } : serverErrors;
  const change = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setServerErrors((current) => ({ ...current, [key]: '' }));
  };
  const number = (value: string | number): number | '' => (value === '' ? '' : Number(value));
  return (
    <Modal opened onClose={onClose} title={id ? `Edit “${initial.name}”` : 'New alert rule'} size="lg">
      <Stack>
        <Select
          label="Watches"
          disabled={id != null}
          value={draft.type}
          onChange={(value) => value && change('type', value as AlertRuleType)}
          data={Object.entries(RULE_TYPES).map(([value, type]) => ({ value, label: type.label }))}
          description={id != null ? 'A rule’s type cannot change; create a new rule instead.' : undefined}
        />
        <TextInput label="Name" value={draft.name} onChange={(event) => change('name', event.currentTarget.value)} error={errors.name || undefined} />
        <Group grow>
          <Select
            label="Severity"
            value={draft.severity}
            onChange={(value) => value && change('severity', value as AlertSeverity)}
            data={[
              { value: 'CRITICAL', label: 'Critical' },
              { value: 'WARNING', label: 'Warning' },
              { value: 'INFO', label: 'Info' },
            ]}
          />
          <Select
            label="Router"
            placeholder="Every router"
            clearable
            value={draft.routerId || null}
            onChange={(value) => change('routerId', value ?? '')}
            data={(routers.data?.routers.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name }))}
            error={errors.routerId || undefined}
          />
        </Group>
        {kind.threshold && (
          <NumberInput clampBehavior="none" label={kind.threshold} min={1} max={100} value={draft.threshold} onChange={(value) => change('threshold', number(value))} error={errors.threshold || undefined} />
        )}
        {kind.window && (
          <NumberInput clampBehavior="none" label="Within (seconds)" min={60} max={86400} value={draft.windowSeconds} onChange={(value) => change('windowSeconds', number(value))} error={errors.windowSeconds || undefined} />
        )}
        {kind.version && (
          <TextInput label="Lowest RouterOS version accepted" placeholder="7.12" value={draft.minimumVersion} onChange={(event) => change('minimumVersion', event.currentTarget.value)} error={errors.minimumVersion || undefined} />
        )}
        <Group grow>
          <NumberInput clampBehavior="none" label="Holds for (seconds) before it opens" min={0} value={draft.forSeconds} onChange={(value) => change('forSeconds', number(value))} error={errors.forSeconds || undefined} />
          <NumberInput clampBehavior="none" label="Clear for (seconds) before it resolves" min={0} value={draft.clearSeconds} onChange={(value) => change('clearSeconds', number(value))} error={errors.clearSeconds || undefined} />
        </Group>
        <Switch label="Evaluated" checked={draft.enabled} onChange={(event) => change('enabled', event.currentTarget.checked)} />
        <Switch label="Notify when it resolves too" checked={draft.notifyOnResolve} onChange={(event) => change('notifyOnResolve', event.currentTarget.checked)} />
        {errors._form && (
          <Text size="sm" c="red" role="alert">
            {errors._form}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            loading={running}
            disabled={!administer}
            onClick={async () => {
              setTouched(true);
              if (Object.keys(validateRule(draft)).length) return;
              const input = toInput(draft);
              const outcome = id
                ? await run('Save rule', () => update({ input: { id, rule: input } }), (d) => d.updateAlertRule.errors, 'Saved.')
                : await run('Add rule', () => create({ input }), (d) => d.createAlertRule.errors, 'Added.');
              if (outcome.ok) onClose();
              else setServerErrors(fieldErrors(outcome.fieldErrors));
            }}
          >
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
