import { useState } from 'react';
import { Button, Card, Group, NumberInput, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { useAction } from '../hooks/useAction';

const SettingsQuery = graphql(`
  query Settings {
    operationPolicy {
      routerWaitSeconds
      isDefault
      defaultRouterWaitSeconds
    }
    driftSettings {
      automaticRepair
      updatedBy
      updatedAt
    }
  }
`);

const SetPolicy = graphql(`
  mutation SetOperationPolicy($input: SetOperationPolicyInput!) {
    setOperationPolicy(input: $input) {
      policy {
        routerWaitSeconds
        isDefault
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

const SetRepair = graphql(`
  mutation SetAutomaticDriftRepair($input: SetAutomaticDriftRepairInput!) {
    setAutomaticDriftRepair(input: $input) {
      settings {
        automaticRepair
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export default function SettingsView() {
  const [result, reexecute] = useQuery({ query: SettingsQuery });
  const [hours, setHours] = useState<number | string>('');
  const [, setPolicy] = useMutation(SetPolicy);
  const [, setRepair] = useMutation(SetRepair);
  const { run, running } = useAction();
  if (!result.data) {
    return <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute()} />;
  }
  const { operationPolicy, driftSettings } = result.data;
  return (
    <Page title="Settings">
      <Card withBorder maw={640}>
        <Stack>
          <Title order={3} size="h5">
            Waiting for routers
          </Title>
          <Text size="sm">
            Changes for a router that is down wait {Math.round(operationPolicy.routerWaitSeconds / 3600)} hours
            {operationPolicy.isDefault ? ' (the default)' : ''} before they fail.
          </Text>
          <Group align="flex-end">
            <NumberInput label="Hours to wait" min={1} value={hours} onChange={setHours} w={160} />
            <Button
              loading={running}
              disabled={hours === ''}
              onClick={() =>
                void run(
                  'Save waiting time',
                  () => setPolicy({ input: { routerWaitSeconds: Number(hours) * 3600 } }),
                  (d) => d.setOperationPolicy.errors,
                  'Saved.',
                )
              }
            >
              Save
            </Button>
            <Button
              variant="subtle"
              loading={running}
              onClick={() => void run('Reset waiting time', () => setPolicy({ input: { routerWaitSeconds: null } }), (d) => d.setOperationPolicy.errors, 'Back to the default.')}
            >
              Use the default
            </Button>
          </Group>
        </Stack>
      </Card>
      <Card withBorder maw={640}>
        <Switch
          label="Repair drift automatically (push Towerline's state to routers after each check)"
          checked={driftSettings.automaticRepair}
          disabled={running}
          onChange={(event) => {
            const enabled = event.currentTarget.checked;
            void run('Automatic drift repair', () => setRepair({ input: { enabled } }), (d) => d.setAutomaticDriftRepair.errors, enabled ? 'On.' : 'Off.');
          }}
        />
      </Card>
    </Page>
  );
}
