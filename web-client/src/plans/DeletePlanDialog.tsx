import { useState } from 'react';
import { Text } from '@mantine/core';
import { useMutation } from 'urql';
import { fieldErrors } from '../api/errors';
import { ConfirmDialog } from '../components/ConfirmDialog';
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
    <ConfirmDialog
      title={`Delete ${plan.name}?`}
      consequence={
        <Text size="sm">
          The plan is deleted and its PPP profile <code>{plan.profileName}</code> is removed from your routers. A plan that
          subscribers are on, or that is another plan&apos;s grace plan, cannot be deleted: move them first.
        </Text>
      }
      confirmLabel="Delete plan"
      busy={running}
      error={refusal ? { title: 'Not deleted', message: refusal } : null}
      onClose={onClose}
      onConfirm={async () => {
        const outcome = await run(
          'Delete plan',
          () => deletePlan({ input: { id: plan.id } }, DELETE_CONTEXT),
          (data) => data.deletePlan.errors,
          `${plan.name} is deleted.`,
        );
        if (outcome.ok) onClose();
        else setRefusal(Object.values(fieldErrors(outcome.fieldErrors)).join(' ') || null);
      }}
    />
  );
}
