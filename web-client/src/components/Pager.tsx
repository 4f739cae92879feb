import { Button, Group } from '@mantine/core';
import { useSearchParams } from 'react-router';

export const PAGE_SIZE = 50;

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

/** Cursor paging kept in the URL (`after`/`before`), so a page is a deep link. */
export function usePageArgs() {
  const [params] = useSearchParams();
  const after = params.get('after');
  const before = params.get('before');
  return before ? { last: PAGE_SIZE, before } : { first: PAGE_SIZE, after };
}

/** `forwardOnly`: the connection pages forwards only; going back returns to the first page. */
export function Pager({ pageInfo, forwardOnly = false }: { pageInfo: PageInfo | undefined; forwardOnly?: boolean }) {
  const [params, setParams] = useSearchParams();
  if (!pageInfo) {
    return null;
  }
  const backwards = params.has('before');
  const hasPrevious = backwards ? pageInfo.hasPreviousPage : params.has('after');
  const hasNext = backwards ? true : pageInfo.hasNextPage;
  if (!hasPrevious && !hasNext) {
    return null;
  }
  const go = (key: 'after' | 'before', cursor: string | null | undefined) => {
    const next = new URLSearchParams(params);
    next.delete('after');
    next.delete('before');
    if (cursor) {
      next.set(key, cursor);
    }
    setParams(next);
  };
  return (
    <Group justify="flex-end" gap="xs">
      <Button
        size="xs"
        variant="default"
        disabled={!hasPrevious}
        onClick={() => (forwardOnly ? go('after', null) : go('before', pageInfo.startCursor))}
      >
        {forwardOnly ? 'First page' : 'Previous'}
      </Button>
      <Button size="xs" variant="default" disabled={!hasNext} onClick={() => go('after', pageInfo.endCursor)}>
        Next
      </Button>
    </Group>
  );
}
