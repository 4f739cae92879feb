import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { Client } from 'urql';
import { fromValue, never } from 'wonka';
import { describe, expect, it } from 'vitest';
import { MeProvider } from '../auth/Me';
import type { Role } from '../gql/graphql';
import { renderWithClient } from '../test/withClient';
import PlansView from './PlansView';

const listed = { __typename: 'Plan', id: 'p1', name: 'Home 30', profileName: 'home-30', downloadRate: 30_000_000, uploadRate: 10_000_000, gracePlan: null };

// what the edit dialog reads: more than it shows, all of which an update must send back
const full = {
  ...listed,
  version: 7,
  burst: { __typename: 'Burst', downloadRate: 60_000_000, uploadRate: 20_000_000, downloadThreshold: 24_000_000, uploadThreshold: 8_000_000, seconds: 16 },
  gracePlan: { __typename: 'Plan', id: 'p0' },
  profile: {
    __typename: 'PlanProfileSettings',
    localAddress: '10.0.0.1',
    remoteAddress: 'home-pool',
    poolRanges: '10.1.0.0/24',
    dnsServers: ['1.1.1.1'],
    onlyOne: true,
    addressList: null,
    parentQueue: 'total',
    sessionTimeoutSeconds: null,
    idleTimeoutSeconds: 600,
  },
};

const profileInput = Object.fromEntries(Object.entries(full.profile).filter(([key]) => key !== '__typename'));

const pageInfo = { __typename: 'PageInfo', hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null };

/** A client answering every query from one object and every mutation with `answer`, keeping what was sent. */
function api(roles: Role[], answer: object = {}) {
  const sent: Record<string, unknown>[] = [];
  const data = {
    me: { __typename: 'Me', subject: 's', tenant: 't', roles },
    plans: { __typename: 'PlanConnection', edges: [{ __typename: 'PlanEdge', node: listed }], pageInfo },
    plan: full,
  };
  const client = {
    executeQuery: () => fromValue({ data, stale: false, hasNext: false }),
    executeSubscription: () => never,
    executeMutation: (request: { variables: Record<string, unknown> }) => {
      sent.push(request.variables);
      return fromValue({ data: answer, stale: false, hasNext: false });
    },
  } as unknown as Client;
  renderWithClient(
    client,
    <MeProvider>
      <MemoryRouter>
        <PlansView />
      </MemoryRouter>
    </MeProvider>,
  );
  return sent;
}

describe('editing a plan', () => {
  it('changes the rates from the list and sends back what the dialog does not show', async () => {
    const sent = api(['OPERATOR'], { updatePlan: { __typename: 'PlanPayload', plan: { ...listed, version: 8, downloadRate: 40_000_000 }, operations: [], errors: [] } });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Home 30' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Home 30' });
    expect(within(dialog).getByLabelText(/Name/)).toHaveValue('Home 30');
    expect(within(dialog).getByLabelText(/Upload/)).toHaveValue('10M');
    fireEvent.change(within(dialog).getByLabelText(/Download/), { target: { value: '40M' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save plan' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit Home 30' })).not.toBeInTheDocument());
    expect(sent).toEqual([
      {
        input: {
          id: 'p1',
          // the version read, so an edit of an older read is refused
          version: 7,
          name: 'Home 30',
          profileName: 'home-30',
          downloadRate: '40M',
          uploadRate: '10M',
          burst: { downloadRate: '60M', uploadRate: '20M', downloadThreshold: '24M', uploadThreshold: '8M', seconds: 16 },
          gracePlanId: 'p0',
          // the settings exactly as read, without the output type's name
          profile: profileInput,
        },
      },
    ]);
  });

  it("shows the API's coded errors on their fields and keeps the dialog open", async () => {
    api(['OPERATOR'], {
      updatePlan: {
        __typename: 'PlanPayload',
        plan: null,
        operations: [],
        errors: [
          { __typename: 'UserError', field: 'name', code: 'DUPLICATE', message: "A plan named 'Slow' already exists" },
          { __typename: 'UserError', field: 'uploadRate', code: 'VALIDATION_FAILED', message: "'fast' is not a rate" },
          { __typename: 'UserError', field: 'profile.dnsServers', code: 'VALIDATION_FAILED', message: 'At most two DNS servers' },
        ],
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Home 30' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Home 30' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save plan' }));
    expect(await within(dialog).findByText("A plan named 'Slow' already exists")).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/Name/)).toHaveAccessibleDescription(/already exists/);
    expect(within(dialog).getByLabelText(/Upload/)).toHaveAccessibleDescription(/not a rate/);
    // a field the dialog does not show is not lost: it is said above the form
    expect(within(dialog).getByRole('alert')).toHaveTextContent('At most two DNS servers');
    expect(screen.getByRole('dialog', { name: 'Edit Home 30' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Load the current plan' })).not.toBeInTheDocument();
  });

  it('follows the operations the edit started, one per router, until closed', async () => {
    const operation = (id: string, router: string) => ({ __typename: 'Operation', id, router: { __typename: 'Router', id: `r-${router}`, name: router } });
    api(['OPERATOR'], {
      updatePlan: { __typename: 'PlanPayload', plan: { ...listed, version: 8 }, operations: [operation('o1', 'edge-a'), operation('o2', 'edge-b')], errors: [] },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Home 30' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Edit Home 30' })).getByRole('button', { name: 'Save plan' }));
    const saved = await screen.findByRole('dialog', { name: 'Home 30 is saved' });
    // each router's operation is followed under the router's name (this fake platform never reports on them)
    expect(within(saved).getByText(/^edge-a: waiting for the operation/)).toBeInTheDocument();
    expect(within(saved).getByText(/^edge-b: waiting for the operation/)).toBeInTheDocument();
    fireEvent.click(within(saved).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('says when someone saved the plan since it was read, and offers their version', async () => {
    const conflict = "The plan 'Home 30' was changed by someone else after you opened it; load it again and redo your edit";
    api(['OPERATOR'], {
      updatePlan: {
        __typename: 'PlanPayload',
        plan: null,
        operations: [],
        errors: [{ __typename: 'UserError', field: 'version', code: 'CONCURRENT_MODIFICATION', message: conflict }],
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Home 30' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Home 30' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save plan' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(conflict);
    expect(within(dialog).getByRole('button', { name: 'Load the current plan' })).toBeInTheDocument();
  });
});

describe('leaving a plan dialog', () => {
  // every plan dialog has Cancel beside its action, as the confirm dialogs do
  it.each([
    ['New plan', 'New plan'],
    ['Edit Home 30', 'Edit Home 30'],
    ['Delete Home 30', 'Delete Home 30?'],
  ])('%s: Cancel closes the dialog and sends nothing, whatever was typed', async (opener, title) => {
    const sent = api(['TENANT_ADMIN']);
    fireEvent.click(await screen.findByRole('button', { name: opener }));
    const dialog = await screen.findByRole('dialog', { name: title });
    const name = within(dialog).queryByLabelText(/^Name/);
    if (name) fireEvent.change(name, { target: { value: 'Typed but not wanted' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: title })).not.toBeInTheDocument());
    expect(sent).toEqual([]);
  });
});

describe('deleting a plan', () => {
  it('says what happens on the routers before anything is sent, and Cancel sends nothing', async () => {
    const sent = api(['TENANT_ADMIN']);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Home 30' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Home 30?' });
    expect(dialog).toHaveTextContent('its PPP profile home-30 is removed from your routers');
    expect(dialog).toHaveTextContent('A plan that subscribers are on');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Delete Home 30?' })).not.toBeInTheDocument());
    expect(sent).toEqual([]);
  });

  it("keeps the API's refusal on screen", async () => {
    const refusal = "The plan 'Home 30' still has 3 subscribers; move them to another plan first";
    const sent = api(['TENANT_ADMIN'], {
      deletePlan: { __typename: 'DeletePlanPayload', deletedId: null, errors: [{ __typename: 'UserError', field: 'id', code: 'INVALID_STATE', message: refusal }] },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Home 30' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Home 30?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete plan' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(refusal);
    expect(sent).toEqual([{ input: { id: 'p1' } }]);
  });

  it('closes once the plan is deleted', async () => {
    api(['TENANT_ADMIN'], { deletePlan: { __typename: 'DeletePlanPayload', deletedId: 'p1', errors: [] } });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Home 30' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Home 30?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete plan' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Delete Home 30?' })).not.toBeInTheDocument());
  });
});

describe('who may change plans', () => {
  it.each<[Role, boolean, boolean]>([
    ['VIEWER', false, false],
    ['OPERATOR', true, false],
    ['TENANT_ADMIN', true, true],
  ])('%s: edit %s, delete %s (as the API allows)', async (role, edit, remove) => {
    api([role]);
    await screen.findByText('Home 30');
    expect(screen.queryByRole('button', { name: 'Edit Home 30' }) !== null).toBe(edit);
    expect(screen.queryByRole('button', { name: 'Delete Home 30' }) !== null).toBe(remove);
  });
});
