import { act, renderHook } from '@testing-library/react';
import { useDraft } from './useDraft';

describe('useDraft', () => {
  beforeEach(() => sessionStorage.clear());

  it('keeps typed input across a remount (a reload after signing in again)', () => {
    const first = renderHook(() => useDraft('form', { name: '' }));
    act(() => first.result.current[1]({ name: 'half typed' }));
    first.unmount();
    const second = renderHook(() => useDraft('form', { name: '' }));
    expect(second.result.current[0].name).toBe('half typed');
  });

  it('forgets the draft once saved', () => {
    const hook = renderHook(() => useDraft('form', { name: '' }));
    act(() => hook.result.current[1]({ name: 'x' }));
    act(() => hook.result.current[2]());
    expect(hook.result.current[0].name).toBe('');
    expect(sessionStorage.getItem('towerline.draft.form')).toBe('{"name":""}');
  });
});
