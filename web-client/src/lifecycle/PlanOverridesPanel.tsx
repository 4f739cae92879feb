import { useState } from 'react';
import { Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { fieldErrors } from '../api/errors';
import { Can } from '../auth/Me';
import { QueryState } from '../components/QueryState';
import { useAction } from '../hooks/useAction';
import { PlanOverridesQuery, SetPlanLifecycleOverride } from './documents';
import { describeDays, toPlanOverrideInput, validatePlanOverride, type PlanOverrideDraft } from './planOverrideForm';

const EMPTY: PlanOverrideDraft = { planId: '', noticeDays: '', graceDays: '' };

/** Plans that send their own notices or give their own grace: a table of overrides and one form to set or clear one. */
export function PlanOverridesPanel() {
  const [result, reexecute] = useQuery({ query: PlanOverridesQuery });
  const [draft, setDraft] = useState<PlanOverrideDraft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [, save] = useMutation(SetPlanLifecycleOverride);
  const { run, running } = useAction();
  if (!result.data) {
    return <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  const { noticeDays, graceDays, planOverrides } = result.data.lifecyclePolicy;
  const plans = result.data.plans.edges.map(({ node }) => ({ value: node.id, label: node.name }));
  const submit = async (next: PlanOverrideDraft, success: string) => {
    const problems = validatePlanOverride(next);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const outcome = await run('Plan override', () => save({ input: toPlanOverrideInput(next) }), (d) => d.setPlanLifecycleOverride.errors, success);
    setErrors(fieldErrors(outcome.fieldErrors));
    if (outcome.ok) {
      setDraft(EMPTY);
      reexecute({ requestPolicy: 'network-only' });
    }
  };
  const planName = (id: string) => plans.find((plan) => plan.value === id)?.label ?? 'the plan';
  return (
    <Stack maw={980}>
      <Text size="sm" c="dimmed">
        The tenant&apos;s policy sends notices {noticeDays.join(', ')} days before the expiry and gives {graceDays} days of grace. A plan below
        does otherwise; a blank field keeps the policy&apos;s value.
      </Text>
      {planOverrides.length === 0 ? (
        <Text size="sm">No plan has its own values.</Text>
      ) : (
        <Table aria-label="Plan overrides">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Plan</Table.Th>
              <Table.Th>Notices (days before)</Table.Th>
              <Table.Th>Grace days</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {planOverrides.map((override) => (
              <Table.Tr key={override.plan.id}>
                <Table.Td>{override.plan.name}</Table.Td>
                <Table.Td>{describeDays(override.noticeDays, noticeDays)}</Table.Td>
                <Table.Td>{override.graceDays ?? `tenant's (${graceDays})`}</Table.Td>
                <Table.Td>
                  <Can capability="administer">
                    <Group gap="xs" justify="flex-end">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() =>
                          setDraft({
                            planId: override.plan.id,
                            noticeDays: override.noticeDays?.join(', ') ?? '',
                            graceDays: override.graceDays != null ? String(override.graceDays) : '',
                          })
                        }
                      >
                        Edit
                      </Button>
                      <Button
                        size="xs"
                        color="red"
                        variant="light"
                        loading={running}
                        onClick={() => void submit({ planId: override.plan.id, noticeDays: '', graceDays: '' }, `${override.plan.name} follows the policy again.`)}
                      >
                        Remove
                      </Button>
                    </Group>
                  </Can>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Can capability="administer">
        <Card withBorder>
          <form
            aria-label="Plan override"
            onSubmit={(event) => {
              event.preventDefault();
              void submit(draft, `${planName(draft.planId)} has its own values.`);
            }}
          >
            <Stack gap="sm">
              <Title order={3} size="h5">
                Set a plan&apos;s own values
              </Title>
              <Select label="Plan" data={plans} value={draft.planId || null} error={errors.planId} searchable onChange={(planId) => setDraft({ ...draft, planId: planId ?? '' })} />
              <Group grow align="flex-start">
                <TextInput
                  label="Notices (days before the expiry)"
                  placeholder={`policy: ${noticeDays.join(', ')}`}
                  value={draft.noticeDays}
                  error={errors.noticeDays}
                  onChange={(event) => setDraft({ ...draft, noticeDays: event.currentTarget.value })}
                />
                <TextInput
                  label="Grace days"
                  placeholder={`policy: ${graceDays}`}
                  value={draft.graceDays}
                  error={errors.graceDays}
                  onChange={(event) => setDraft({ ...draft, graceDays: event.currentTarget.value })}
                />
              </Group>
              <Group>
                <Button type="submit" loading={running}>
                  Save plan override
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      </Can>
    </Stack>
  );
}
