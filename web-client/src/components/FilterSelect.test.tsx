import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { FilterSelect as StaticFilterSelect, labelOf, type FilterOption } from './FilterSelect';

// Mantine's Select on the page (the trigger that stands in for it is not one)
const realSelect = () => document.querySelector('.mantine-Select-root');

const PLANS: FilterOption[] = [
  { value: 'p1', label: 'Home 20' },
  { value: 'p2', label: 'Business 100' },
];

// each opening case gets its own copy of the module (jsdom keeps a later Select's dropdown hidden once an earlier test
// loaded it; Chromium does not, see the journeys)
let FilterSelect = StaticFilterSelect;

function Filter({ initial, onChange }: { initial: string | null; onChange: (value: string | null) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <MantineProvider>
      <FilterSelect
        label="Plan"
        placeholder="Any plan"
        data={PLANS}
        value={value}
        clearable
        searchable
        onChange={(next) => {
          setValue(next);
          onChange(next);
        }}
      />
    </MantineProvider>
  );
}

describe('FilterSelect', () => {
  beforeEach(async () => {
    vi.resetModules();
    FilterSelect = (await import('./FilterSelect')).FilterSelect;
  });

  it('loads no Select until used, and shows the chosen label from a deep link', () => {
    render(<Filter initial="p2" onChange={() => undefined} />);
    expect(screen.getByRole('combobox', { name: 'Plan' })).toHaveValue('Business 100');
    expect(realSelect()).toBeNull();
    expect(realSelect()).toBeNull();
  });

  it('opens from the keyboard', async () => {
    render(<Filter initial={null} onChange={() => undefined} />);
    await userEvent.tab();
    expect(screen.getByRole('combobox', { name: 'Plan' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(await screen.findByRole('option', { name: 'Business 100' }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('opens the real Select with its options on the first click and reports the choice', async () => {
    const onChange = vi.fn();
    render(<Filter initial={null} onChange={onChange} />);
    expect(screen.getByRole('combobox', { name: 'Plan' })).toHaveAttribute('placeholder', 'Any plan');
    await userEvent.click(screen.getByRole('combobox', { name: 'Plan' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Home 20' }));
    expect(onChange).toHaveBeenCalledWith('p1');
    expect(screen.getByRole('combobox', { name: 'Plan' })).toHaveValue('Home 20');
    expect(realSelect()).not.toBeNull();
  });

  it('clears a filter set by a deep link without loading the Select', async () => {
    const onChange = vi.fn();
    render(<Filter initial="p1" onChange={onChange} />);
    await userEvent.click(screen.getByRole('button', { name: 'Clear plan' }));
    expect(onChange).toHaveBeenCalledWith(null);
    expect(screen.getByRole('combobox', { name: 'Plan' })).toHaveValue('');
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
    expect(realSelect()).toBeNull();
  });
});

describe('labelOf', () => {
  it('names plain and labelled options and falls back to the value', () => {
    expect(labelOf(['ACTIVE', 'SUSPENDED'], 'SUSPENDED')).toBe('SUSPENDED');
    expect(labelOf(PLANS, 'p1')).toBe('Home 20');
    expect(labelOf(PLANS, 'gone')).toBe('gone');
    expect(labelOf(PLANS, null)).toBeNull();
  });
});
