import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from 'urql';
import { fieldErrors } from '../api/errors';
import { useAction } from '../hooks/useAction';
import { DeletePlan } from './documents';

// the payload carries only the deleted id, no Plan: name the typename so the list is read again
const DELETE_CONTEXT = { additionalTypenames: ['Plan'] };

/**
 * The confirmation of a delete: it says what happens on the routers and which plans the API refuses to delete, and
 * keeps the API's refusal (subscribers still on the plan, a grace plan) on screen until the dialog is closed.
 */
export function DeletePlanDialog({ plan, onClose }: { plan: { id: string; name: string; profileName: string }; onClose: () => void }) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const [, deletePlan] = useMutation(DeletePlan);
  const { run, running } = useAction();
  return (
    <Modal opened onClose={onClose} title={`Delete ${plan.name}?`}>
      <Stack>
        <Text size="sm">
          The plan is deleted and its PPP profile <code>{plan.profileName}</code> is removed from your routers. A plan that
          subscribers are on, or that is another plan&apos;s grace plan, cannot be deleted: move them first.
        </Text>
        {refusal && (
          <Alert color="red" title="Not deleted" role="alert">
            {refusal}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={running}
            onClick={async () => {
              const outcome = await run(
                'Delete plan',
                () => deletePlan({ input: { id: plan.id } }, DELETE_CONTEXT),
                (data) => data.deletePlan.errors,
                `${plan.name} is deleted.`,
              );
              if (outcome.ok) onClose();
              else setRefusal(Object.values(fieldErrors(outcome.fieldErrors)).join(' ') || null);
            }}
          >
            Delete plan
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
