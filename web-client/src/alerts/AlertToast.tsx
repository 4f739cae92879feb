import { useEffect, useRef } from 'react';
import { Anchor, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useSubscription } from 'urql';
import { useCan } from '../auth/Me';
import { urls } from '../urls';
import { AlertRaised } from './documents';

const COLORS = { CRITICAL: 'red', WARNING: 'orange', INFO: 'blue' } as const;

/**
 * A toast for every alert of the tenant as it opens, pushed over graphql-ws (mounted once, in the app's shell).
 * Platform admins without tenant access get no stream.
 */
export function AlertToast() {
  const reads = useCan('read');
  return reads ? <AlertStream /> : null;
}

function AlertStream() {
  const [live] = useSubscription({ query: AlertRaised, variables: { minimumSeverity: 'INFO' } });
  const alert = live.data?.alertRaised;
  const shown = useRef(new Set<string>());
  const navigate = useNavigate();
  useEffect(() => {
    if (!alert || shown.current.has(alert.id)) return;
    shown.current.add(alert.id);
    notifications.show({
      id: `alert-${alert.id}`,
      color: COLORS[alert.severity],
      title: `Alert: ${alert.ruleName}`,
      autoClose: alert.severity === 'CRITICAL' ? false : 15000,
      message: (
        <>
          <Text size="sm">
            {alert.router ? `${alert.router.name}: ` : ''}
            {alert.summary}
          </Text>
          {/* the toasts render outside the router, so the link navigates through this component's router */}
          <Anchor
            href={urls.alerts({ state: 'open' })}
            size="sm"
            onClick={(event) => {
              event.preventDefault();
              notifications.hide(`alert-${alert.id}`);
              navigate(urls.alerts({ state: 'open' }));
            }}
          >
            Open alerts
          </Anchor>
        </>
      ),
    });
  }, [alert, navigate]);
  return null;
}
