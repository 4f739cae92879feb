import { useEffect, useRef } from 'react';
import { Anchor, Table, Text } from '@mantine/core';
import { useQuery } from 'urql';
import { EmptyState, QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import { useInterval } from '../hooks/useInterval';
import { ReportsQuery } from './documents';
import { formatCount, formatPeriod } from './format';
import { FINISHED } from './kinds';
import { dateTime, calendarDate } from '../format/time';

/**
 * The tenant's reports until their retention ends, newest first; re-read while one is missing or running, and at once
 * when `finished` changes (the open report was seen to finish: the poll alone left its row RUNNING for up to a poll).
 */
export function PastReports({
  selected,
  onSelect,
  finished,
}: {
  selected: string | null;
  onSelect: (id: string) => void;
  finished: number;
}) {
  const [result, reexecute] = useQuery({ query: ReportsQuery, variables: { limit: 50 } });
  const reread = useRef(0);
  useEffect(() => {
    if (finished !== reread.current) {
      reread.current = finished;
      reexecute({ requestPolicy: 'network-only' });
    }
  }, [finished, reexecute]);
  const reports = result.data?.reports ?? [];
  const running = reports.some((report) => !FINISHED.has(report.status));
  // a report just started is not in the list read before it: read again until it is, and while any runs
  const listed = selected === null || reports.some((report) => report.id === selected);
  useInterval(() => {
    if (running || !listed) reexecute({ requestPolicy: 'network-only' });
  }, 2000);
  if (!result.data) {
    return <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute()} />;
  }
  if (reports.length === 0) {
    return <EmptyState title="No reports yet" />;
  }
  return (
    <Table striped aria-label="Past reports">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Report</Table.Th>
          <Table.Th>Period (UTC)</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Rows</Table.Th>
          <Table.Th>Requested</Table.Th>
          <Table.Th>Kept until</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {reports.map((report) => (
          <Table.Tr key={report.id} bg={report.id === selected ? 'var(--mantine-color-blue-light)' : undefined}>
            <Table.Td>
              <Anchor component="button" type="button" onClick={() => onSelect(report.id)}>
                {report.title}
                {report.limit ? ` (top ${report.limit})` : ''}
              </Anchor>
            </Table.Td>
            <Table.Td>{formatPeriod(report.from, report.to)}</Table.Td>
            <Table.Td>
              <StatusBadge value={report.status} />
            </Table.Td>
            <Table.Td>
              {formatCount(report.rowsDone)}
              {report.rowsTotal != null && report.rowsTotal !== report.rowsDone ? ` / ${formatCount(report.rowsTotal)}` : ''}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{dateTime(report.requestedAt)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{calendarDate(report.expiresAt)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
