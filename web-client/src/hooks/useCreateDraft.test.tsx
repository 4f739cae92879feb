import { act, renderHook } from '@testing-library/react';
import type { OperationResult } from 'urql';
import type { FieldProblem } from '../api/errors';
import { useCreateDraft } from './useCreateDraft';

vi.mock('@mantine/notifications', () => ({ notifications: { show: () => 'notice', update: () => undefined, hide: () => undefined } }));

type Payload = { createPlan: { errors: readonly FieldProblem[] } };
const answer = (errors: readonly FieldProblem[]) => Promise.resolve({ data: { createPlan: { errors } } } as unknown as OperationResult<Payload>);
const taken: readonly FieldProblem[] = [{ field: 'name', code: 'DUPLICATE', message: 'Gold is taken.' }];

function draft(errors: readonly FieldProblem[]) {
  const sent: { name: string }[] = [];
  const created: string[] = [];
  const hook = renderHook(() =>
    useCreateDraft('plan-test', { name: '' }, {
      label: 'Create plan',
      send: (values) => {
        sent.push(values);
        return answer(errors);
      },
      errorsOf: (data) => data.createPlan.errors,
      success: (values) => `${values.name} is created.`,
      onCreated: (_, values) => created.push(values.name),
    }),
  );
  return { hook, sent, created };
}

describe('useCreateDraft', () => {
  beforeEach(() => sessionStorage.clear());

  it('sends what was typed and, once created, clears the draft and hands over what was sent', async () => {
    const { hook, sent, created } = draft([]);
    act(() => hook.result.current.update({ name: 'Gold' }));
    await act(() => hook.result.current.submit());
    expect(sent).toEqual([{ name: 'Gold' }]);
    expect(created).toEqual(['Gold']);
    expect(hook.result.current.values).toEqual({ name: '' });
    expect(hook.result.current.errors).toEqual({});
  });

  it('keeps the draft and shows the payload errors on their fields when it was refused', async () => {
    const { hook, created } = draft(taken);
    act(() => hook.result.current.update({ name: 'Gold' }));
    await act(() => hook.result.current.submit());
    expect(created).toEqual([]);
    expect(hook.result.current.values).toEqual({ name: 'Gold' });
    expect(hook.result.current.errors).toEqual({ name: 'Gold is taken.' });
  });
});
