import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Group, Modal, SegmentedControl, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { Link } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useLiveConnection } from '../api/liveConnection';
import { Can } from '../auth/Me';
import { Page } from '../components/Page';
import { EmptyState, QueryState } from '../components/QueryState';
import { Pager, usePageArgs } from '../components/Pager';
import { StatusBadge } from '../components/StatusBadge';
import { useAction } from '../hooks/useAction';
import type { AlertSeverity, AlertState } from '../gql/graphql';
import { urls } from '../urls';
import { AcknowledgeAlert, AlertHistoryQuery, AlertRaised, AlertsQuery } from './documents';
import { asWords } from '../components/words';
import { useFilterParams } from '../hooks/useFilterParams';
import { dateTime } from '../format/time';

const SEVERITIES: readonly AlertSeverity[] = ['CRITICAL', 'WARNING', 'INFO'];
const ALERTS_SHOWN = ['open', 'acknowledged', 'unresolved', 'resolved', 'all'] as const;
type AlertsShown = (typeof ALERTS_SHOWN)[number];

const SEVERITY_COLORS: Record<AlertSeverity, string> = { CRITICAL: 'red', WARNING: 'orange', INFO: 'blue' };

export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  return (
    <Badge color={SEVERITY_COLORS[severity]} variant="light">
      {severity.toLowerCase()}
    </Badge>
  );
}

const STATES: Record<AlertsShown, AlertState[] | null> = {
  open: ['OPEN'],
  acknowledged: ['ACKNOWLEDGED'],
  unresolved: ['OPEN', 'ACKNOWLEDGED'],
  resolved: ['RESOLVED'],
  all: null,
};

/** The tenant's alerts with state and severity filters kept in the URL; acknowledge with a note, read the history. */
export default function AlertsView() {
  const { choice, set } = useFilterParams({ replace: true });
  const state = choice('state', ALERTS_SHOWN) ?? 'unresolved';
  const severity = choice('severity', SEVERITIES);
  const [result, reexecute] = useQuery({
    query: AlertsQuery,
    // pages of the list (cursors in the URL, like every list), not just the newest 100
    variables: { state: STATES[state], severity, ...usePageArgs() },
  });
  // the same operation as the toast's (same document and variables), so urql shares its one stream
  const [live] = useSubscription({ query: AlertRaised, variables: { minimumSeverity: 'INFO' } });
  const raised = live.data?.alertRaised.id;
  useEffect(() => {
    if (raised) reexecute({ requestPolicy: 'network-only' });
  }, [raised, reexecute]);
  // the stream reports alerts from when it started: one opened between the list's read and the stream's start (or
  // while the connection was down) is only seen by reading the list again once the stream is live
  const { epoch } = useLiveConnection();
  const seenEpoch = useRef(epoch);
  useEffect(() => {
    if (epoch === seenEpoch.current) return;
    seenEpoch.current = epoch;
    reexecute({ requestPolicy: 'network-only' });
  }, [epoch, reexecute]);
  const [acknowledging, setAcknowledging] = useState<{ id: string; ruleName: string } | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const alerts = result.data?.alerts;
  return (
    <Page
      title="Alerts"
      actions={
        <Button component={Link} to={urls.alertRules()} variant="default">
          Rules
        </Button>
      }
    >
      <Group>
        <SegmentedControl
          aria-label="State"
          value={state}
          onChange={(value) => set('state', value)}
          data={[
            { value: 'unresolved', label: 'Needs attention' },
            { value: 'open', label: 'Open' },
            { value: 'acknowledged', label: 'Acknowledged' },
            { value: 'resolved', label: 'Resolved' },
            { value: 'all', label: 'All' },
          ]}
        />
        <Select
          aria-label="Severity"
          placeholder="Any severity"
          clearable
          value={severity}
          onChange={(value) => set('severity', value)}
          data={[
            { value: 'CRITICAL', label: 'Critical' },
            { value: 'WARNING', label: 'Warning' },
            { value: 'INFO', label: 'Info' },
          ]}
          w={160}
        />
        {alerts && (
          <Text size="sm" c="dimmed">
            {alerts.totalCount} {alerts.totalCount === 1 ? 'alert' : 'alerts'}
          </Text>
        )}
      </Group>
      {!alerts ? (
        <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : alerts.edges.length === 0 ? (
        <EmptyState title="No alerts match" />
      ) : (
        <Table striped highlightOnHover aria-label="Alerts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={{ minWidth: 110 }}>Severity</Table.Th>
              <Table.Th>Alert</Table.Th>
              <Table.Th>Router</Table.Th>
              <Table.Th>Opened</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {alerts.edges.map(({ node: alert }) => (
              <Table.Tr key={alert.id} data-testid="alert-row" data-state={alert.state}>
                <Table.Td>
                  <SeverityBadge severity={alert.severity} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {alert.ruleName}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {alert.summary}
                  </Text>
                  {alert.acknowledgementNote && (
                    <Text size="sm" fs="italic">
                      “{alert.acknowledgementNote}” — {alert.acknowledgedBy}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{alert.router ? <Link to={urls.router(alert.router.id)}>{alert.router.name}</Link> : '—'}</Table.Td>
                <Table.Td>{dateTime(alert.openedAt)}</Table.Td>
                <Table.Td>
                  <StatusBadge value={alert.state} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => setHistory(alert.id)}>
                      History
                    </Button>
                    {alert.state === 'OPEN' && (
                      <Can capability="operate">
                        <Button size="xs" variant="light" onClick={() => setAcknowledging({ id: alert.id, ruleName: alert.ruleName })}>
                          Acknowledge
                        </Button>
                      </Can>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Pager pageInfo={alerts?.pageInfo} />
      {acknowledging && (
        <AcknowledgeDialog
          alertId={acknowledging.id}
          ruleName={acknowledging.ruleName}
          onClose={() => setAcknowledging(null)}
          onDone={() => {
            setAcknowledging(null);
            reexecute({ requestPolicy: 'network-only' });
          }}
        />
      )}
      <Modal opened={history != null} onClose={() => setHistory(null)} title="Alert history" size="lg">
        {history && <AlertHistory id={history} />}
      </Modal>
    </Page>
  );
}

function AcknowledgeDialog({ alertId, ruleName, onClose, onDone }: { alertId: string; ruleName: string; onClose: () => void; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [, acknowledge] = useMutation(AcknowledgeAlert);
  const { run, running } = useAction();
  const tooLong = note.length > 1000;
  return (
    <Modal opened onClose={onClose} title={`Acknowledge “${ruleName}”`}>
      <Stack>
        <Text size="sm">The alert stays until its condition clears; the note tells the others who is on it and what is being done.</Text>
        <Textarea
          label="Note"
          placeholder="e.g. Looking at the uplink, on site at 14:00"
          autosize
          minRows={3}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={tooLong ? 'At most 1,000 characters.' : undefined}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            loading={running}
            disabled={tooLong}
            onClick={async () => {
              const outcome = await run(
                'Acknowledge alert',
                () => acknowledge({ input: { id: alertId, note: note.trim() || null } }),
                (d) => d.acknowledgeAlert.errors,
                'Acknowledged.',
              );
              if (outcome.ok) onDone();
            }}
          >
            Acknowledge
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function AlertHistory({ id }: { id: string }) {
  const [result] = useQuery({ query: AlertHistoryQuery, variables: { id }, requestPolicy: 'network-only' });
  const entries = result.data?.alert.history;
  if (!entries) return <QueryState fetching={result.fetching} error={result.error} />;
  return (
    <Table aria-label="History">
      <Table.Tbody>
        {entries.map((entry, index) => (
          <Table.Tr key={`${entry.at}-${index}`}>
            <Table.Td>{dateTime(entry.at)}</Table.Td>
            <Table.Td>{asWords(entry.kind)}</Table.Td>
            <Table.Td>{entry.actor}</Table.Td>
            <Table.Td>{entry.note ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
