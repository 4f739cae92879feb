import { useEffect, useMemo, useRef } from 'react';
import { Alert, Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useSubscription } from 'urql';
import { BarChart } from '../charts/BarChart';
import { BINARY_BYTES, COUNT, binaryBytes } from '../format/units';
import { QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import { messageForCode } from '../api/errors';
import { ReportProgress, ReportQuery } from './documents';
import { downloadReportFile } from './download';
import { formatCount, formatPeriod } from './format';
import { FINISHED, isUsageReport } from './kinds';

const SERIES_COLORS = ['#1c7ed6', '#f08c00'];

/**
 * One report: live progress while it is generated, then its totals, chart and downloads. `onFinished` is called once
 * when it is seen to finish (as OperationProgress does), so what lists it can re-read at once.
 */
export function ReportPanel({ id, onFinished }: { id: string; onFinished?: () => void }) {
  const [result, reexecute] = useQuery({ query: ReportQuery, variables: { id }, requestPolicy: 'network-only' });
  const [live] = useSubscription({ query: ReportProgress, variables: { id } });
  const report = result.data?.report;
  const progress = live.data?.reportProgress ?? report;
  const status = progress?.status;
  const reread = useRef(false);
  useEffect(() => {
    // totals, chart and files exist once it has finished: read them once then
    if (status && FINISHED.has(status) && report && !FINISHED.has(report.status) && !reread.current) {
      reread.current = true;
      reexecute({ requestPolicy: 'network-only' });
      onFinished?.();
    }
  }, [status, report, reexecute, onFinished]);
  const usage = report ? isUsageReport(report.kind) : true;
  const format = useMemo(() => (usage ? binaryBytes : formatCount), [usage]);
  const chart = useMemo(() => {
    const bars = report?.chart ?? [];
    const series = (report?.chartSeries ?? []).map((label, index) => ({ label, color: SERIES_COLORS[index] ?? '#868e96' }));
    return {
      labels: bars.map((bar) => bar.label),
      series,
      values: series.map((_, index) => bars.map((bar) => bar.values[index] ?? 0)),
    };
  }, [report?.chart, report?.chartSeries]);
  if (!report || !progress) {
    return <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute()} />;
  }
  const total = progress.rowsTotal ?? 0;
  const download = async (path: string, fileName: string) => {
    try {
      await downloadReportFile(path, fileName);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Download failed', message: messageForCode((error as Error).message) });
    }
  };
  return (
    <Card withBorder padding="md" data-testid="report-panel" data-status={progress.status}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Stack gap={0}>
            <Title order={3}>
              {report.title}
              {report.limit ? ` (top ${report.limit})` : ''}
            </Title>
            <Text size="sm" c="dimmed">
              {formatPeriod(report.from, report.to)} (UTC)
            </Text>
          </Stack>
          <Group gap="xs">
            <StatusBadge value={progress.status} />
            {report.files.map((file) => (
              <Button
                key={file.format}
                variant="light"
                onClick={() => void download(file.downloadPath, file.fileName)}
                aria-label={`Download ${file.format}`}
              >
                {file.format} ({binaryBytes(file.size)})
              </Button>
            ))}
          </Group>
        </Group>
        {!FINISHED.has(progress.status) && (
          <Stack gap={4} aria-live="polite">
            <Text size="sm" data-testid="report-progress">
              {total > 0 ? `${formatCount(progress.rowsDone)} of ${formatCount(total)} rows` : 'Counting rows…'}
            </Text>
            <Progress value={total > 0 ? (100 * progress.rowsDone) / total : 100} animated striped={total === 0} aria-label="Report progress" />
          </Stack>
        )}
        {progress.status === 'FAILED' && (
          <Alert color="red" role="alert">
            {progress.failure ?? 'Generation failed.'}
          </Alert>
        )}
        {report.status === 'SUCCEEDED' && (
          <>
            <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="report-totals">
              {report.totals.map((figure) => (
                <Stack key={figure.name} gap={0}>
                  <Text size="xs" c="dimmed">
                    {figure.name}
                  </Text>
                  <Text fw={600} data-total={figure.name} title={formatCount(figure.value)}>
                    {figure.name.endsWith('bytes') ? binaryBytes(figure.value) : formatCount(figure.value)}
                  </Text>
                </Stack>
              ))}
            </SimpleGrid>
            {chart.labels.length > 0 ? (
              <BarChart
                labels={chart.labels}
                series={chart.series}
                values={chart.values}
                format={format}
                units={usage ? BINARY_BYTES : COUNT}
                label={usage ? `${report.title}: the biggest users of the period` : `${report.title} per day`}
              />
            ) : (
              <Text size="sm" c="dimmed">
                Nothing happened in this period.
              </Text>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
