import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MantineProvider, TextInput } from '@mantine/core';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog, type ConfirmDialogProps } from './ConfirmDialog';

function show(props: Partial<ConfirmDialogProps> = {}) {
  const onConfirm = vi.fn();
  const onClose = vi.fn();
  const view = (more: Partial<ConfirmDialogProps>) => (
    <MantineProvider>
      <ConfirmDialog
        title="Delete core-1?"
        consequence="The router is forgotten; nothing on it is changed."
        confirmLabel="Delete router"
        onConfirm={onConfirm}
        onClose={onClose}
        {...props}
        {...more}
      />
    </MantineProvider>
  );
  const { rerender } = render(view({}));
  return { onConfirm, onClose, rerender: (more: Partial<ConfirmDialogProps>) => rerender(view(more)) };
}

describe('ConfirmDialog', () => {
  it('is named by its question, described by what happens, and its buttons by what they do', async () => {
    show();
    const dialog = await screen.findByRole('dialog', { name: 'Delete core-1?' });
    expect(dialog).toHaveAccessibleDescription(/The router is forgotten; nothing on it is changed\./);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Delete router' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeInTheDocument();
  });

  it('focuses Cancel first, so a stray Enter never confirms', async () => {
    show();
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    await waitFor(() => expect(cancel).toHaveFocus());
  });

  it('focuses the field the operator must fill in first when asked to', async () => {
    show({ children: <TextInput label="Type RESTORE core-1" data-autofocus /> });
    const field = await screen.findByLabelText('Type RESTORE core-1');
    await waitFor(() => expect(field).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Cancel' })).not.toHaveFocus();
  });

  it('confirms once on the action and only there; Cancel, Escape and the close button cancel', async () => {
    const { onConfirm, onClose } = show();
    const dialog = await screen.findByRole('dialog', { name: 'Delete core-1?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(3);
    expect(onConfirm).not.toHaveBeenCalled();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete router' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(3);
  });

  it('cannot be confirmed twice while the mutation runs, and can be again once it is done', async () => {
    const { onConfirm, rerender } = show({ busy: true });
    const confirm = await screen.findByRole('button', { name: 'Delete router' });
    expect(confirm).toBeDisabled();
    fireEvent.click(confirm);
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeEnabled();

    rerender({ busy: false });
    fireEvent.click(screen.getByRole('button', { name: 'Delete router' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('waits for what must be done first', async () => {
    const { onConfirm, rerender } = show({ confirmDisabled: true });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete router' }));
    expect(onConfirm).not.toHaveBeenCalled();
    rerender({ confirmDisabled: false });
    fireEvent.click(screen.getByRole('button', { name: 'Delete router' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it("keeps the API's refusal on screen inside the dialog, apart from the consequence", async () => {
    const { rerender } = show({ consequenceTitle: 'Nothing on the router changes' });
    const dialog = await screen.findByRole('dialog', { name: 'Delete core-1?' });
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();

    rerender({ consequenceTitle: 'Nothing on the router changes', error: { title: 'Not deleted', message: 'core-1 still has 3 subscribers' } });
    const alert = within(dialog).getByRole('alert');
    expect(alert).toHaveTextContent('Not deleted');
    expect(alert).toHaveTextContent('core-1 still has 3 subscribers');
    expect(within(dialog).getByRole('note')).toHaveTextContent('Nothing on the router changes');
    expect(within(dialog).getByRole('button', { name: 'Delete router' })).toBeEnabled();
  });

  it.each([
    ['danger', 'red'],
    ['caution', 'orange'],
  ] as const)('colours the action and its warning by the tone: %s is %s', async (tone, color) => {
    show({ tone, consequenceTitle: 'alice loses service' });
    const confirm = await screen.findByRole('button', { name: 'Delete router' });
    expect(confirm.getAttribute('style')).toContain(`--mantine-color-${color}-filled`);
    expect(screen.getByRole('note').getAttribute('style')).toContain(`--mantine-color-${color}-`);
  });
});
