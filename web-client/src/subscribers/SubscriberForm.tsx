import { Button, Group, PasswordInput, Select, SimpleGrid, Stack, Textarea, TextInput, Alert } from '@mantine/core';
import type { FormEvent } from 'react';

export interface SubscriberValues {
  username: string;
  password: string;
  planId: string;
  routerId: string;
  fullName: string;
  email: string;
  phone: string;
  address: string;
  expiresOn: string;
  notes: string;
}

export const EMPTY_SUBSCRIBER: SubscriberValues = {
  username: '',
  password: '',
  planId: '',
  routerId: '',
  fullName: '',
  email: '',
  phone: '',
  address: '',
  expiresOn: '',
  notes: '',
};

interface Option {
  value: string;
  label: string;
}

interface Props {
  values: SubscriberValues;
  onChange: (next: Partial<SubscriberValues>) => void;
  onSubmit: () => void;
  plans: Option[];
  routers: Option[];
  /** Field → message, from the server's payload errors (`_form` for the form as a whole). */
  errors: Record<string, string>;
  submitting: boolean;
  /** Editing an existing subscriber: username, password, plan and router change through their own actions. */
  editing?: boolean;
}

/** What the form can tell before asking the server (the server checks everything again). */
export function validateSubscriber(values: SubscriberValues, editing: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!editing) {
    if (!values.username.trim()) errors.username = 'Enter a username.';
    if (!values.password) errors.password = 'Enter a password.';
    if (!values.planId) errors.planId = 'Choose a plan.';
    if (!values.routerId) errors.routerId = 'Choose a router.';
  }
  if (values.email && !/^[^@\s]+@[^@\s]+$/.test(values.email)) errors.email = 'Enter an e-mail address like name@example.com.';
  if (values.expiresOn && !/^\d{4}-\d{2}-\d{2}$/.test(values.expiresOn)) errors.expiresOn = 'Use the form 2026-12-31.';
  return errors;
}

export function SubscriberForm({ values, onChange, onSubmit, plans, routers, errors, submitting, editing = false }: Props) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const text = (field: keyof SubscriberValues) => ({
    value: values[field],
    onChange: (event: { currentTarget: { value: string } }) => onChange({ [field]: event.currentTarget.value }),
    error: errors[field],
  });
  return (
    <form onSubmit={submit} noValidate aria-label={editing ? 'Edit subscriber' : 'New subscriber'}>
      <Stack maw={720}>
        {errors._form && (
          <Alert color="red" role="alert">
            {errors._form}
          </Alert>
        )}
        {!editing && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Username" required autoComplete="off" {...text('username')} />
            <PasswordInput label="PPPoE password" required autoComplete="new-password" {...text('password')} />
            <Select
              label="Plan"
              required
              data={plans}
              value={values.planId || null}
              onChange={(value) => onChange({ planId: value ?? '' })}
              error={errors.planId}
              searchable
            />
            <Select
              label="Router"
              required
              data={routers}
              value={values.routerId || null}
              onChange={(value) => onChange({ routerId: value ?? '' })}
              error={errors.routerId}
              searchable
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Full name" {...text('fullName')} />
          <TextInput label="E-mail" type="email" {...text('email')} />
          <TextInput label="Phone" type="tel" {...text('phone')} />
          <TextInput label="Expires on" placeholder="2026-12-31" {...text('expiresOn')} />
        </SimpleGrid>
        <TextInput label="Address" {...text('address')} />
        <Textarea label="Notes" autosize minRows={2} {...text('notes')} />
        <Group>
          <Button type="submit" loading={submitting}>
            {editing ? 'Save changes' : 'Create subscriber'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Optional text fields go to the API as null when empty. */
export function optional(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}
