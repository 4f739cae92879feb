import { Alert, Button, Checkbox, Group, NumberInput, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';

export interface RouterValues {
  name: string;
  host: string;
  port: number | '';
  apiSsl: boolean;
  popId: string;
  username: string;
  password: string;
  verifyConnection: boolean;
}

export const EMPTY_ROUTER: RouterValues = {
  name: '',
  host: '',
  port: '',
  apiSsl: false,
  popId: '',
  username: '',
  password: '',
  verifyConnection: true,
};

export function validateRouter(values: RouterValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = 'Enter a name.';
  if (!values.host.trim()) errors.host = 'Enter the host name or IP address.';
  if (values.port !== '' && (values.port < 1 || values.port > 65535)) errors.port = 'A port is 1–65535.';
  if (!values.username.trim()) errors.username = 'Enter the API user.';
  if (!values.password) errors.password = 'Enter the API password.';
  return errors;
}

interface Props {
  values: RouterValues;
  onChange: (next: Partial<RouterValues>) => void;
  onSubmit: () => void;
  pops: { value: string; label: string }[];
  errors: Record<string, string>;
  submitting: boolean;
}

export function RouterForm({ values, onChange, onSubmit, pops, errors, submitting }: Props) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="New router">
      <Stack>
        {errors._form && (
          <Alert color="red" role="alert">
            {errors._form}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" required value={values.name} error={errors.name} onChange={(e) => onChange({ name: e.currentTarget.value })} />
          <Select label="POP" data={pops} value={values.popId || null} clearable onChange={(value) => onChange({ popId: value ?? '' })} error={errors.popId} />
          <TextInput label="Host" required value={values.host} error={errors.host} onChange={(e) => onChange({ host: e.currentTarget.value })} />
          <NumberInput
            label="API port"
            placeholder={values.apiSsl ? '8729' : '8728'}
            value={values.port}
            error={errors.port}
            onChange={(value) => onChange({ port: typeof value === 'number' ? value : '' })}
            min={1}
            max={65535}
          />
          <TextInput label="API user" required value={values.username} error={errors.username} onChange={(e) => onChange({ username: e.currentTarget.value })} autoComplete="off" />
          <PasswordInput label="API password" required value={values.password} error={errors.password} onChange={(e) => onChange({ password: e.currentTarget.value })} autoComplete="new-password" />
        </SimpleGrid>
        <Checkbox label="API-SSL (TLS)" checked={values.apiSsl} onChange={(e) => onChange({ apiSsl: e.currentTarget.checked })} />
        <Checkbox
          label="Log in once to check the credentials before saving"
          checked={values.verifyConnection}
          onChange={(e) => onChange({ verifyConnection: e.currentTarget.checked })}
        />
        <Group>
          <Button type="submit" loading={submitting}>
            Add router
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
