import type { ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';

/** `danger` (red) for what cannot be undone or cuts service off; `caution` (orange) for what can be undone. */
export type ConfirmTone = 'danger' | 'caution';

const TONE_COLOR: Record<ConfirmTone, string> = { danger: 'red', caution: 'orange' };

export interface ConfirmDialogProps {
  /** The question, which also names the dialog: "Delete Home 30?". */
  title: string;
  /** What happens once confirmed, said before anything does. */
  consequence: ReactNode;
  /** When set, the consequence is a warning in the tone's colour headed by this title ("alice loses service"). */
  consequenceTitle?: string;
  /** The confirm button's label and accessible name: the action, never "OK". */
  confirmLabel: string;
  tone?: ConfirmTone;
  opened?: boolean;
  /** The mutation is running: the confirm button shows it and cannot be pressed twice. */
  busy?: boolean;
  /** Something the operator must do before confirming (a typed confirmation); confirm stays disabled meanwhile. */
  confirmDisabled?: boolean;
  /** The API's refusal, kept on screen until the dialog closes (a notification would fade). */
  error?: { title: string; message: string } | null;
  /**
   * What goes between the consequence and the buttons (a typed confirmation). A field here marked `data-autofocus`
   * takes the focus instead of Cancel: it comes first in the dialog, and the first marked element is focused.
   */
  children?: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * The one confirmation layout of the app: the question, what happens, the API's refusal, then Cancel and the
 * action's button in the tone's colour. Cancel has the focus first, so a stray Enter never confirms; Escape and the
 * close button cancel.
 */
export function ConfirmDialog({
  title,
  consequence,
  consequenceTitle,
  confirmLabel,
  tone = 'danger',
  opened = true,
  busy = false,
  confirmDisabled = false,
  error,
  children,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const color = TONE_COLOR[tone];
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack>
        {consequenceTitle ? (
          <Alert color={color} title={consequenceTitle} role="note">
            {typeof consequence === 'string' ? <Text size="sm">{consequence}</Text> : consequence}
          </Alert>
        ) : typeof consequence === 'string' ? (
          <Text size="sm">{consequence}</Text>
        ) : (
          consequence
        )}
        {children}
        {error && (
          <Alert color="red" title={error.title} role="alert">
            {error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button color={color} loading={busy} disabled={confirmDisabled} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
