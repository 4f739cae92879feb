import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { useDraft } from '../hooks/useDraft';
import { useAction } from '../hooks/useAction';
import { fieldErrors } from '../api/errors';
import { urls } from '../urls';
import { ChoicesQuery, CreateSubscriber } from './documents';
import { EMPTY_SUBSCRIBER, optional, SubscriberForm, validateSubscriber } from './SubscriberForm';

export default function SubscriberFormView() {
  const navigate = useNavigate();
  const [choices, reexecute] = useQuery({ query: ChoicesQuery });
  const [values, update, clear] = useDraft('subscriber-new', EMPTY_SUBSCRIBER);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [, create] = useMutation(CreateSubscriber);
  const { run, running } = useAction();

  if (!choices.data) {
    return <QueryState fetching={choices.fetching} error={choices.error} onRetry={() => reexecute()} />;
  }
  const submit = async () => {
    const local = validateSubscriber(values, false);
    setErrors(local);
    if (Object.keys(local).length) {
      return;
    }
    const outcome = await run(
      'Create subscriber',
      () =>
        create({
          input: {
            username: values.username.trim(),
            password: values.password,
            planId: values.planId,
            routerId: values.routerId,
            fullName: optional(values.fullName),
            email: optional(values.email),
            phone: optional(values.phone),
            address: optional(values.address),
            expiresOn: optional(values.expiresOn),
            notes: optional(values.notes),
          },
        }),
      (data) => data.createSubscriber.errors,
      `${values.username} is recorded; its secret is on the way to the router.`,
    );
    setErrors(fieldErrors(outcome.fieldErrors));
    const id = outcome.data?.createSubscriber.subscriber?.id;
    if (outcome.ok && id) {
      clear();
      // the detail page follows this operation even if it finished before the page loaded
      navigate(urls.subscriber(id), { state: { operationId: outcome.data?.createSubscriber.operation?.id ?? null } });
    }
  };
  return (
    <Page title="New subscriber">
      <SubscriberForm
        values={values}
        onChange={update}
        onSubmit={() => void submit()}
        plans={choices.data.plans.edges.map(({ node }) => ({ value: node.id, label: node.name }))}
        routers={choices.data.routers.edges.map(({ node }) => ({ value: node.id, label: node.name }))}
        errors={errors}
        submitting={running}
      />
    </Page>
  );
}
