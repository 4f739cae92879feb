import { act, renderHook } from '@testing-library/react';
import type { OperationResult } from 'urql';
import type { FieldProblem } from '../api/errors';
import { useAction } from './useAction';

const shown = vi.hoisted(() => ({ next: 0, hidden: [] as string[], colors: new Map<string, string>() }));

vi.mock('@mantine/notifications', () => ({
  notifications: {
    show: () => `notice-${++shown.next}`,
    update: ({ id, color }: { id: string; color: string }) => shown.colors.set(id, color),
    hide: (id: string) => shown.hidden.push(id),
  },
}));

type Payload = { save: { errors: readonly FieldProblem[] } };

function answer(errors: Payload['save']['errors']): () => Promise<OperationResult<Payload>> {
  return () => Promise.resolve({ data: { save: { errors } } } as unknown as OperationResult<Payload>);
}

const problem: readonly FieldProblem[] = [{ field: 'name', code: 'VALIDATION_FAILED', message: 'Name is required.' }];

describe('useAction', () => {
  beforeEach(() => {
    shown.hidden.length = 0;
    shown.colors.clear();
  });

  it('takes down the failure of the last try when the action is tried again', async () => {
    const { result } = renderHook(() => useAction());
    await act(async () => {
      await result.current.run('Save plan', answer(problem), (d) => d.save.errors, 'Saved.');
    });
    const failed = `notice-${shown.next}`;
    expect(shown.colors.get(failed)).toBe('red');
    await act(async () => {
      await result.current.run('Save plan', answer([]), (d) => d.save.errors, 'Saved.');
    });
    expect(shown.hidden).toEqual([failed]);
    expect(shown.colors.get(`notice-${shown.next}`)).toBe('green');
  });

  it('leaves the failure of another action on screen', async () => {
    const { result } = renderHook(() => useAction());
    await act(async () => {
      await result.current.run('Import subscribers', answer(problem), (d) => d.save.errors, 'Imported.');
    });
    await act(async () => {
      await result.current.run('Save plan', answer([]), (d) => d.save.errors, 'Saved.');
    });
    expect(shown.hidden).toEqual([]);
  });
});
