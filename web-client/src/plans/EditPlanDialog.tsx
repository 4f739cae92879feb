import { useState } from 'react';
import { Alert, Button, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { fieldErrors } from '../api/errors';
import { QueryState } from '../components/QueryState';
import { useAction } from '../hooks/useAction';
import type { PlanForEditQuery, UpdatePlanInput } from '../gql/graphql';
import { PlanFields } from './PlanFields';
import { PlanForEditQuery as PlanForEdit, UpdatePlan } from './documents';
import { rateNotation } from './rates';

type EditablePlan = PlanForEditQuery['plan'];

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
 * show (burst, grace plan, profile settings) is sent back as read, never cleared.
 */
export function EditPlanDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const [result, reexecute] = useQuery({ query: PlanForEdit, variables: { id }, requestPolicy: 'network-only' });
  const plan = result.data?.plan;
  return (
    <Modal opened onClose={onClose} title={plan ? `Edit ${plan.name}` : 'Edit plan'}>
      {plan ? <EditPlanForm plan={plan} onSaved={onClose} /> : <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute()} />}
    </Modal>
  );
}

function EditPlanForm({ plan, onSaved }: { plan: EditablePlan; onSaved: () => void }) {
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
        if (outcome.ok) onSaved();
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
          Saving changes the PPP profile on every router serving this plan, through operations you can follow on the Operations page.
        </Text>
        <Button type="submit" loading={running}>
          Save plan
        </Button>
      </Stack>
    </form>
  );
}

/** The edited fields and, unchanged, everything else the plan has. */
export function updateInput(plan: EditablePlan, values: EditValues): UpdatePlanInput {
  const { burst, profile } = plan;
  return {
    id: plan.id,
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
