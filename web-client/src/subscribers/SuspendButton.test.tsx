import { fireEvent, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it, vi } from 'vitest';
import { SuspendButton } from './SuspendButton';

function show(onSuspend: () => void) {
  render(
    <MantineProvider>
      <SuspendButton username="alice" running={false} onSuspend={onSuspend} />
    </MantineProvider>,
  );
}

describe('SuspendButton', () => {
  it('does not suspend on the first click: it first says the subscriber loses service', async () => {
    const onSuspend = vi.fn();
    show(onSuspend);
    fireEvent.click(screen.getByRole('button', { name: 'Suspend' }));

    expect(await screen.findByRole('dialog', { name: 'Suspend alice?' })).toBeInTheDocument();
    expect(screen.getByText(/loses service/)).toBeInTheDocument();
    expect(screen.getByText(/session is ended at once/)).toBeInTheDocument();
    expect(onSuspend).not.toHaveBeenCalled();
  });

  it('suspends once when confirmed', async () => {
    const onSuspend = vi.fn();
    show(onSuspend);
    fireEvent.click(screen.getByRole('button', { name: 'Suspend' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Suspend alice' }));

    expect(onSuspend).toHaveBeenCalledTimes(1);
  });

  it('leaves the subscriber alone when cancelled', async () => {
    const onSuspend = vi.fn();
    show(onSuspend);
    fireEvent.click(screen.getByRole('button', { name: 'Suspend' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));

    expect(onSuspend).not.toHaveBeenCalled();
  });
});
