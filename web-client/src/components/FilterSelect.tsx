import { lazy, Suspense, useCallback, useState, type KeyboardEvent } from 'react';
import { CloseButton, InputBase } from '@mantine/core';

export type FilterOption = string | { value: string; label: string };

interface Props {
  label: string;
  placeholder: string;
  data: readonly FilterOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  searchable?: boolean;
  clearable?: boolean;
  w?: number;
}

const loadSelect = () => import('./LoadedSelect');
const LoadedSelect = lazy(loadSelect);

const OPEN_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Enter', ' ']);

/**
 * A list filter that looks and answers like Mantine's Select but carries none of its code until first used: the
 * Combobox and floating-ui (tens of KB of script, and a render of three comboboxes) were the largest part of a list's
 * first load. Hovering or focusing fetches the real Select; clicking or an opening key swaps it in with its dropdown
 * open. Clearing a filter set by a deep link needs no Select at all.
 */
export function FilterSelect({ label, placeholder, data, value, onChange, searchable = false, clearable = false, w }: Props) {
  const [used, setUsed] = useState(false);
  // controlled: the first use asks for the dropdown, which opens once the Select is on the page
  const [opened, setOpened] = useState(false);
  const [openOnMount, setOpenOnMount] = useState(false);
  const onMounted = useCallback(() => setOpened(openOnMount), [openOnMount]);
  const trigger = (
    <FilterTrigger
      label={label}
      placeholder={placeholder}
      selected={labelOf(data, value)}
      clearable={clearable && value !== null}
      onClear={() => onChange(null)}
      onOpen={() => {
        setUsed(true);
        setOpenOnMount(true);
      }}
      w={w}
    />
  );
  if (!used) {
    return trigger;
  }
  return (
    <Suspense fallback={trigger}>
      <LoadedSelect
        label={label}
        placeholder={placeholder}
        data={data as (string | { value: string; label: string })[]}
        value={value}
        onChange={(next) => onChange(next)}
        searchable={searchable}
        clearable={clearable}
        onMounted={onMounted}
        dropdownOpened={opened}
        onDropdownOpen={() => setOpened(true)}
        onDropdownClose={() => setOpened(false)}
        autoFocus
        w={w}
      />
    </Suspense>
  );
}

/** The label shown for the chosen value (the value itself when the options do not name it, e.g. not loaded yet). */
export function labelOf(data: readonly FilterOption[], value: string | null): string | null {
  if (value === null) {
    return null;
  }
  for (const option of data) {
    if (typeof option === 'string' ? option === value : option.value === value) {
      return typeof option === 'string' ? option : option.label;
    }
  }
  return value;
}

interface TriggerProps {
  label: string;
  placeholder: string;
  selected: string | null;
  clearable: boolean;
  onClear: () => void;
  onOpen: () => void;
  w?: number;
}

function FilterTrigger({ label, placeholder, selected, clearable, onClear, onOpen, w }: TriggerProps) {
  const preload = () => void loadSelect();
  const onKeyDown = (event: KeyboardEvent) => {
    if (OPEN_KEYS.has(event.key)) {
      event.preventDefault();
      onOpen();
    }
  };
  return (
    <InputBase
      readOnly
      value={selected ?? ''}
      placeholder={placeholder}
      role="combobox"
      aria-haspopup="listbox"
      aria-expanded={false}
      label={label}
      pointer
      w={w}
      onPointerEnter={preload}
      onFocus={preload}
      onClick={onOpen}
      onKeyDown={onKeyDown}
      rightSection={
        clearable ? (
          <CloseButton size="sm" aria-label={`Clear ${label.toLowerCase()}`} onClick={onClear} />
        ) : (
          <Chevron />
        )
      }
      rightSectionPointerEvents={clearable ? 'all' : 'none'}
    />
  );
}

/** The chevron Mantine's Select draws (its own lives in the Combobox module). */
function Chevron() {
  return (
    <svg width={15} height={15} viewBox="0 0 15 15" fill="none" aria-hidden style={{ color: 'var(--mantine-color-dimmed)' }}>
      <path
        d="M4.93179 5.43179C4.75605 5.60753 4.75605 5.89245 4.93179 6.06819C5.10753 6.24392 5.39245 6.24392 5.56819 6.06819L7.49999 4.13638L9.43179 6.06819C9.60753 6.24392 9.89245 6.24392 10.0682 6.06819C10.2439 5.89245 10.2439 5.60753 10.0682 5.43179L7.81819 3.18179C7.73379 3.0974 7.61933 3.04999 7.49999 3.04999C7.38064 3.04999 7.26618 3.0974 7.18179 3.18179L4.93179 5.43179ZM10.0682 9.56819C10.2439 9.39245 10.2439 9.10753 10.0682 8.93179C9.89245 8.75606 9.60753 8.75606 9.43179 8.93179L7.49999 10.8636L5.56819 8.93179C5.39245 8.75606 5.10753 8.75606 4.93179 8.93179C4.75605 9.10753 4.75605 9.39245 4.93179 9.56819L7.18179 11.8182C7.35753 11.9939 7.64245 11.9939 7.81819 11.8182L10.0682 9.56819Z"
        fill="currentColor"
        fillRule="evenodd"
        clipRule="evenodd"
      />
    </svg>
  );
}
