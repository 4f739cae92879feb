import { lazy, Suspense, useEffect, useMemo } from 'react';
import { MantineProvider } from '@mantine/core';
import { Provider } from 'urql';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { createApiClient } from './api/client';
import { MeProvider, useMe } from './auth/Me';
import { homeFor } from './auth/roles';
import { watchExpiry } from './auth/session';
import type { SignIn } from './auth/Boot';
import { Shell } from './components/Shell';
import { QueryState } from './components/QueryState';
import { cssVariablesResolver, theme } from './theme';
import { urls } from './urls';

// Each screen is its own chunk: the first screen loads the shell and one view, not the whole app.
const DashboardView = lazy(() => import('./dashboard/DashboardView'));
const SubscribersView = lazy(() => import('./subscribers/SubscribersView'));
const SubscriberFormView = lazy(() => import('./subscribers/SubscriberFormView'));
const SubscriberView = lazy(() => import('./subscribers/SubscriberView'));
const BulkImportView = lazy(() => import('./subscribers/BulkImportView'));
const RoutersView = lazy(() => import('./routers/RoutersView'));
const RouterView = lazy(() => import('./routers/RouterView'));
const PlansView = lazy(() => import('./plans/PlansView'));
const PopsView = lazy(() => import('./pops/PopsView'));
const OperationsView = lazy(() => import('./operations/OperationsView'));
const DriftView = lazy(() => import('./drift/DriftView'));
const AuditView = lazy(() => import('./audit/AuditView'));
const UsersView = lazy(() => import('./identity/UsersView'));
const ApiClientsView = lazy(() => import('./identity/ApiClientsView'));
const SecurityEventsView = lazy(() => import('./identity/SecurityEventsView'));
const SettingsView = lazy(() => import('./settings/SettingsView'));
const ConsoleView = lazy(() => import('./console/ConsoleView'));
// issue 13, who is online
const LiveView = lazy(() => import('./live/LiveView'));
// reports (issue 13)
const ReportsView = lazy(() => import('./reports/ReportsView'));
// network operations view (issue 13): alerts and lifecycle settings
const AlertsView = lazy(() => import('./alerts/AlertsView'));
const AlertRulesView = lazy(() => import('./alerts/AlertRulesView'));
const LifecycleSettingsView = lazy(() => import('./lifecycle/LifecycleSettingsView'));

// toasts render nothing until the first one: their container (with its transitions) and the alert stream that shows
// them follow the first screen instead of being part of its script
const Notifications = lazy(() => import('@mantine/notifications').then((module) => ({ default: module.Notifications })));
const AlertToast = lazy(() => import('./alerts/AlertToast').then((module) => ({ default: module.AlertToast })));

// the screens people open most, fetched once the first screen has settled, so a click does not wait for their code
function preloadCommonScreens() {
  void import('./subscribers/SubscribersView');
  void import('./subscribers/SubscriberView');
  void import('./routers/RoutersView');
  void import('./operations/OperationsView');
}

export function App({ session }: { session: SignIn }) {
  const client = useMemo(() => createApiClient(), []);
  useEffect(() => watchExpiry(), []);
  useEffect(() => {
    // late enough not to compete with the first screen's own work
    const timer = window.setTimeout(() => {
      const idle = window.requestIdleCallback ?? ((callback: () => void) => callback());
      idle(preloadCommonScreens);
    }, 4000);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Suspense fallback={null}>
        <Notifications position="bottom-right" />
      </Suspense>
      <Provider value={client}>
        <BrowserRouter>
          <MeProvider>
            <Shell session={session}>
              <Suspense fallback={null}>
                <AlertToast />
              </Suspense>
              <Suspense fallback={<QueryState fetching />}>
                <AppRoutes />
              </Suspense>
            </Shell>
          </MeProvider>
        </BrowserRouter>
      </Provider>
    </MantineProvider>
  );
}

function AppRoutes() {
  const me = useMe();
  const home = homeFor(me.roles);
  return (
    <Routes>
      <Route path={urls.dashboard()} element={home === 'console' ? <Navigate to={urls.console()} replace /> : <DashboardView />} />
      <Route path={urls.subscribers()} element={<SubscribersView />} />
      <Route path={urls.subscriberNew()} element={<SubscriberFormView />} />
      <Route path={urls.subscriberBulk()} element={<BulkImportView />} />
      <Route path="/subscribers/:id" element={<SubscriberView />} />
      <Route path={urls.routers()} element={<RoutersView />} />
      <Route path={urls.routerNew()} element={<RoutersView />} />
      <Route path="/routers/:id" element={<RouterView />} />
      <Route path={urls.plans()} element={<PlansView />} />
      <Route path={urls.pops()} element={<PopsView />} />
      <Route path={urls.operations()} element={<OperationsView />} />
      <Route path={urls.drift()} element={<DriftView />} />
      <Route path="/drift/:routerId" element={<DriftView />} />
      <Route path={urls.audit()} element={<AuditView />} />
      <Route path={urls.users()} element={<UsersView />} />
      <Route path={urls.apiClients()} element={<ApiClientsView />} />
      <Route path={urls.securityEvents()} element={<SecurityEventsView />} />
      <Route path={urls.settings()} element={<SettingsView />} />
      <Route path={urls.console()} element={<ConsoleView />} />
      <Route path={urls.consoleSecurityEvents()} element={<SecurityEventsView />} />
      {/* issue 13, who is online */}
      <Route path={urls.live()} element={<LiveView />} />
      {/* reports (issue 13) */}
      <Route path={urls.reports()} element={<ReportsView />} />
      {/* network operations view (issue 13): alerts and lifecycle settings */}
      <Route path={urls.alerts()} element={<AlertsView />} />
      <Route path={urls.alertRules()} element={<AlertRulesView />} />
      <Route path={urls.lifecycleSettings()} element={<LifecycleSettingsView />} />
      <Route path="/lifecycle/:tab" element={<LifecycleSettingsView />} />
      <Route path="*" element={<Navigate to={urls.dashboard()} replace />} />
    </Routes>
  );
}
