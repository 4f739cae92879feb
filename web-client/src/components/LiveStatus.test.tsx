import { act, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { liveConnection } from '../api/liveConnection';
import { LiveStatus } from './LiveStatus';

describe('LiveStatus', () => {
  it('says the live updates ended, and what brings them back, after a close the client does not retry', () => {
    render(
      <MantineProvider>
        <LiveStatus />
      </MantineProvider>,
    );
    act(() => {
      liveConnection.connecting();
      liveConnection.connected();
      liveConnection.closed(4401);
    });
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting…');
    act(() => liveConnection.gaveUp(4401));
    expect(screen.getByRole('status')).toHaveTextContent('Disconnected — sign in again');
    act(() => liveConnection.connecting());
    act(() => liveConnection.closed(4500));
    act(() => liveConnection.gaveUp(4500));
    expect(screen.getByRole('status')).toHaveTextContent('Disconnected — reload the page');
  });
});
