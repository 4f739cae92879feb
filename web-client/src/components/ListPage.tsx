import type { ReactNode } from 'react';
import { Table } from '@mantine/core';
import type { CombinedError } from 'urql';
import { Page } from './Page';
import { Pager } from './Pager';
import { SortableTh } from './SortableTh';
import { EmptyState, QueryState } from './QueryState';

export interface Column<T> {
  /** The header; text when the column sorts. */
  header: ReactNode;
  /** The list order this column's header sorts by (a SortableTh). */
  sort?: { key: string; current: { sort: string; descending: boolean } };
  /** For a header that is not text (an actions column). */
  label?: string;
  cell: (row: T) => ReactNode;
}

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

export interface Connection<T> {
  edges: readonly { node: T }[];
  pageInfo: PageInfo;
}

interface Props<T extends { id: string }> {
  title: string;
  actions?: ReactNode;
  /** Shown above the list (a secret shown once, filters). */
  above?: ReactNode;
  /** The page of rows; undefined while there is no data yet. */
  connection: Connection<T> | undefined;
  fetching: boolean;
  error?: CombinedError | undefined;
  onRetry: () => void;
  columns: Column<T>[];
  empty: string;
  /** Dialogs the page opens. */
  children?: ReactNode;
}

/** A paged list screen: title and actions, loading/error/empty states, the table, the pager. */
export function ListPage<T extends { id: string }>({ title, actions, above, connection, fetching, error, onRetry, columns, empty, children }: Props<T>) {
  return (
    <Page title={title} actions={actions}>
      {above}
      {!connection ? (
        <QueryState fetching={fetching} error={error} onRetry={onRetry} />
      ) : connection.edges.length === 0 ? (
        <EmptyState title={empty} />
      ) : (
        <>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column, index) =>
                  column.sort ? (
                    <SortableTh key={index} label={String(column.header)} sortKey={column.sort.key} current={column.sort.current} />
                  ) : (
                    <Table.Th key={index} aria-label={column.label}>
                      {column.header}
                    </Table.Th>
                  ),
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {connection.edges.map(({ node }) => (
                <Table.Tr key={node.id}>
                  {columns.map((column, index) => (
                    <Table.Td key={index}>{column.cell(node)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager pageInfo={connection.pageInfo} />
        </>
      )}
      {children}
    </Page>
  );
}
