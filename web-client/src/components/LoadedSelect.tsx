import { useEffect } from 'react';
import { Select, type SelectProps } from '@mantine/core';

/**
 * Mantine's Select on its own module, so FilterSelect can load it (and floating-ui with it) on first use. `onMounted`
 * runs once it is on the page: a dropdown opened before its target is mounted stays hidden.
 */
export default function LoadedSelect({ onMounted, ...props }: SelectProps & { onMounted: () => void }) {
  useEffect(() => onMounted(), [onMounted]);
  return <Select {...props} />;
}
