import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { fieldErrors } from '../api/errors';
import { QueryState } from '../components/QueryState';
import { useAction } from '../hooks/useAction';
import type { PlanForEditQuery, UpdatePlanInput, UpdatePlanMutation } from '../gql/graphql';
import { OperationProgress } from '../operations/OperationProgress';
import { PlanFields } from './PlanFields';
import { PlanForEditQuery as PlanForEdit, UpdatePlan } from './documents';
import { rateNotation } from './rates';

type EditablePlan = PlanForEditQuery['plan'];

type StartedOperation = UpdatePlanMutation['updatePlan']['operations'][number];

interface EditValues {
  name: string;
  profileName: string;
  downloadRate: string;
  uploadRate: string;
}

// the fields this dialog shows; an error on any other (burst, profile settings) is shown above the form
const SHOWN = new Set(['name', 'profileName', 'downloadRate', 'uploadRate']);

/**
 * Changes a plan's name, PPP profile name and rates. `updatePlan` replaces the whole plan, so what the dialog does not
 * show (burst, grace plan, profile settings) is sent back as read, never cleared. The edit carries the version it was
 * read at: when someone saved in between, the API refuses it and the dialog offers to load their plan. Once saved, the
 * dialog follows the operations that bring the routers in line.
 */
export function EditPlanDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const [result, reexecute] = useQuery({ query: PlanForEdit, variables: { id }, requestPolicy: 'network-only' });
  const [saved, setSaved] = useState<{ name: string; operations: StartedOperation[] } | null>(null);
  const plan = result.data?.plan;
  const title = saved ? `${saved.name} is saved` : plan ? `Edit ${plan.name}` : 'Edit plan';
  let body;
  if (saved) {
    body = <RoutersProgress operations={saved.operations} onClose={onClose} />;
  } else if (plan) {
    // a new version (loaded after a refusal) starts a new form from what is saved now
    body = (
      <EditPlanForm
        key={plan.version}
        plan={plan}
        onSaved={(name, operations) => (operations.length > 0 ? setSaved({ name, operations }) : onClose())}
        onReload={() => reexecute({ requestPolicy: 'network-only' })}
        onCancel={onClose}
      />
    );
  } else {
    body = <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute()} />;
  }
  return (
    <Modal opened onClose={onClose} title={title}>
      {body}
    </Modal>
  );
}

/** The edit's operations, one line each with the router it changes, followed until they finish. */
function RoutersProgress({ operations, onClose }: { operations: StartedOperation[]; onClose: () => void }) {
  return (
    <Stack>
      <Text size="sm">The routers serving the plan get the new profile:</Text>
      {operations.map((operation) => (
        <OperationProgress key={operation.id} id={operation.id} label={operation.router?.name ?? 'Router'} />
      ))}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Close
        </Button>
      </Group>
    </Stack>
  );
}

interface FormProps {
  plan: EditablePlan;
  onSaved: (name: string, operations: StartedOperation[]) => void;
  onReload: () => void;
  onCancel: () => void;
}

function EditPlanForm({ plan, onSaved, onReload, onCancel }: FormProps) {
  const [values, setValues] = useState<EditValues>({
    name: plan.name,
    profileName: plan.profileName,
    downloadRate: rateNotation(plan.downloadRate),
    uploadRate: rateNotation(plan.uploadRate),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [, updatePlan] = useMutation(UpdatePlan);
  const { run, running } = useAction();
  const update = (next: Partial<EditValues>) => setValues((current) => ({ ...current, ...next }));
  const others = Object.entries(errors).filter(([field]) => !SHOWN.has(field));
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        const outcome = await run(
          'Save plan',
          () => updatePlan({ input: updateInput(plan, values) }),
          (data) => data.updatePlan.errors,
          `${values.name} is saved; the routers serving it get the new profile through operations.`,
        );
        setErrors(fieldErrors(outcome.fieldErrors));
        if (outcome.ok) onSaved(values.name, outcome.data?.updatePlan.operations ?? []);
      }}
    >
      <Stack>
        {others.length > 0 && (
          <Alert color="red" role="alert">
            {others.map(([field, message]) => (
              <Text key={field} size="sm">
                {message}
              </Text>
            ))}
            {errors.version && (
              // someone saved since this form was read: their plan replaces the form, the edit is made again on it
              <Button size="xs" variant="white" color="red" mt="xs" onClick={onReload}>
                Load the current plan
              </Button>
            )}
          </Alert>
        )}
        <PlanFields values={values} errors={errors} update={update} />
        <TextInput
          label="PPP profile"
          description="Renaming it renames the profile on every router serving the plan."
          required
          value={values.profileName}
          error={errors.profileName}
          onChange={(e) => update({ profileName: e.currentTarget.value })}
        />
        <Text size="sm" c="dimmed">
          Saving changes the PPP profile on every router serving this plan; the dialog follows each router&apos;s change.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={running}>
            Save plan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The edited fields and, unchanged, everything else the plan has. */
export function updateInput(plan: EditablePlan, values: EditValues): UpdatePlanInput {
  const { burst, profile } = plan;
  return {
    id: plan.id,
    version: plan.version,
    ...values,
    burst: burst && {
      downloadRate: rateNotation(burst.downloadRate),
      uploadRate: rateNotation(burst.uploadRate),
      downloadThreshold: rateNotation(burst.downloadThreshold),
      uploadThreshold: rateNotation(burst.uploadThreshold),
      seconds: burst.seconds,
    },
    gracePlanId: plan.gracePlan?.id ?? null,
    profile: {
      localAddress: profile.localAddress,
      remoteAddress: profile.remoteAddress,
      poolRanges: profile.poolRanges,
      dnsServers: profile.dnsServers,
      onlyOne: profile.onlyOne,
      addressList: profile.addressList,
      parentQueue: profile.parentQueue,
      sessionTimeoutSeconds: profile.sessionTimeoutSeconds,
      idleTimeoutSeconds: profile.idleTimeoutSeconds,
    },
  };
}
