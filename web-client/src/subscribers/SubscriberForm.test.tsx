import { fireEvent, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { useState } from 'react';
import { EMPTY_SUBSCRIBER, SubscriberForm, validateSubscriber, type SubscriberValues } from './SubscriberForm';

function Harness({ onSubmit, errors = {} }: { onSubmit: (values: SubscriberValues) => void; errors?: Record<string, string> }) {
  const [values, setValues] = useState(EMPTY_SUBSCRIBER);
  return (
    <MantineProvider>
      <SubscriberForm
        values={values}
        onChange={(next) => setValues((current) => ({ ...current, ...next }))}
        onSubmit={() => onSubmit(values)}
        plans={[{ value: 'p1', label: 'Gold' }]}
        routers={[{ value: 'r1', label: 'core-1' }]}
        errors={errors}
        submitting={false}
      />
    </MantineProvider>
  );
}

describe('SubscriberForm', () => {
  it('submits what was typed', () => {
    const submitted: SubscriberValues[] = [];
    render(<Harness onSubmit={(values) => submitted.push(values)} />);
    fireEvent.change(screen.getByLabelText(/Username/), { target: { value: 'alice' } });
    fireEvent.change(screen.getByLabelText(/E-mail/), { target: { value: 'alice@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create subscriber' }));
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({ username: 'alice', email: 'alice@example.com' });
  });

  it('shows the server errors on their fields', () => {
    render(<Harness onSubmit={() => undefined} errors={{ username: 'username alice is taken', _form: 'Whole form problem' }} />);
    expect(screen.getByText('username alice is taken')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Whole form problem');
  });

  it('asks for what is required before calling the server', () => {
    expect(Object.keys(validateSubscriber(EMPTY_SUBSCRIBER, false)).sort()).toEqual(['password', 'planId', 'routerId', 'username']);
    expect(validateSubscriber({ ...EMPTY_SUBSCRIBER, email: 'nope' }, true)).toEqual({
      email: 'Enter an e-mail address like name@example.com.',
    });
    expect(validateSubscriber({ ...EMPTY_SUBSCRIBER, expiresOn: '31.12.2026' }, true)).toHaveProperty('expiresOn');
  });
});
