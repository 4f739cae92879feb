import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ComponentType } from 'react';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { MemoryRouter } from 'react-router';
import { Client, Provider, type Exchange, type Operation } from 'urql';
import { mergeMap, never, pipe, tap } from 'wonka';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  getVariableValues,
  isInputObjectType,
  isListType,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import SubscribersView from '../subscribers/SubscribersView';
import LiveView from '../live/LiveView';
import AuditView from '../audit/AuditView';
import OperationsView from '../operations/OperationsView';
import AlertsView from '../alerts/AlertsView';
import SecurityEventsView from '../identity/SecurityEventsView';
import ReportsView from '../reports/ReportsView';
import RoutersView from '../routers/RoutersView';
import PlansView from '../plans/PlansView';
import { idOf, oneOf } from './urlValues';

// the platform's schema as the server builds it: a variable it would refuse fails here as it would there
function platformSchema(): GraphQLSchema {
  const folder = resolve(__dirname, '../../../platform-api/src/main/resources/graphql');
  const files = readdirSync(folder).filter((name) => name.endsWith('.graphqls'));
  return buildSchema(files.map((name) => readFileSync(resolve(folder, name), 'utf8')).join('\n'));
}
const schema = platformSchema();

/** What the platform would refuse in an operation's variables: their types, and every id (the API's are UUIDs). */
function refusals(operation: Operation): string[] {
  const definition = operation.query.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  if (!definition) return [];
  const variables = (operation.variables ?? {}) as Record<string, unknown>;
  const coerced = getVariableValues(schema, definition.variableDefinitions ?? [], variables);
  const problems = (coerced.errors ?? []).map((error) => error.message);
  for (const variable of definition.variableDefinitions ?? []) {
    const type = typeFromAST(schema, variable.type) as GraphQLInputType | undefined;
    if (type) problems.push(...badIds(type, variables[variable.variable.name.value], variable.variable.name.value));
  }
  return problems;
}

function badIds(type: GraphQLInputType, value: unknown, path: string): string[] {
  if (value === null || value === undefined) return [];
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    return Array.isArray(value) ? value.flatMap((item, index) => badIds(nullable.ofType as GraphQLInputType, item, `${path}[${index}]`)) : [];
  }
  if (isInputObjectType(nullable)) {
    return Object.entries(nullable.getFields()).flatMap(([name, field]) => badIds(field.type, (value as Record<string, unknown>)[name], `${path}.${name}`));
  }
  return getNamedType(nullable).name === 'ID' && idOf(String(value)) === null ? [`${path}: "${String(value)}" is no id`] : [];
}

/** A platform that answers nothing and records what it was asked. */
function recordingClient() {
  const asked: Operation[] = [];
  const recording: Exchange = () => (operations) =>
    pipe(
      operations,
      tap((operation) => asked.push(operation)),
      mergeMap(() => never),
    );
  return { client: new Client({ url: 'http://127.0.0.1:9/graphql', exchanges: [recording] }), asked };
}

// every list page and each key its URL can hold that is not free text (search boxes show what the URL says)
const PAGES: [string, ComponentType, string[]][] = [
  ['/subscribers', SubscribersView, ['status', 'plan', 'router', 'lifecycle', 'sort', 'desc']],
  ['/live', LiveView, ['router', 'pop', 'plan', 'sort', 'desc']],
  ['/audit', AuditView, ['outcome']],
  ['/operations', OperationsView, ['status', 'sort', 'desc']],
  ['/alerts', AlertsView, ['state', 'severity']],
  ['/security-events', SecurityEventsView, ['type']],
  ['/reports', ReportsView, ['report']],
  ['/routers', RoutersView, ['sort', 'desc']],
  ['/plans', PlansView, ['sort', 'desc']],
];

// a made-up word, a name every object has (a lookup in a plain object finds it), a real value in the wrong case
const JUNK = ['bogus', 'toString', 'active', 'failed'];

afterEach(cleanup);

describe('a list page reached by a hand-edited or stale URL', () => {
  describe.each(PAGES)('%s', (path, View, keys) => {
    it.each(JUNK)('sends the platform nothing it refuses and shows no choice it cannot name (every key "%s")', (junk) => {
      const { client, asked } = recordingClient();
      const search = new URLSearchParams(keys.map((key) => [key, junk])).toString();
      render(
        <MantineProvider>
          <Provider value={client}>
            <MemoryRouter initialEntries={[`${path}?${search}`]}>
              <View />
            </MemoryRouter>
          </Provider>
        </MantineProvider>,
      );
      expect(asked.filter((operation) => operation.kind !== 'teardown').length).toBeGreaterThan(0);
      expect(asked.flatMap(refusals)).toEqual([]);
      // a filter box showing the junk, or a segmented choice with no segment chosen, would be a page at odds with itself
      expect(screen.queryAllByDisplayValue(junk)).toEqual([]);
      for (const group of screen.queryAllByRole('radiogroup')) {
        expect(within(group).getAllByRole('radio').some((radio) => (radio as HTMLInputElement).checked)).toBe(true);
      }
    });
  });

  it('keeps every value the page offers', () => {
    expect(oneOf('GRACE', ['ACTIVE', 'GRACE'])).toBe('GRACE');
    expect(oneOf('grace', ['ACTIVE', 'GRACE'])).toBeNull();
    expect(oneOf(null, ['ACTIVE'])).toBeNull();
    expect(idOf('0b5c8e6a-3f1d-4c2e-9a7b-1d2e3f4a5b6c')).toBe('0b5c8e6a-3f1d-4c2e-9a7b-1d2e3f4a5b6c');
    expect(idOf('0b5c8e6a-3f1d-4c2e-9a7b-1d2e3f4a5b6')).toBeNull();
    expect(idOf('x0b5c8e6a-3f1d-4c2e-9a7b-1d2e3f4a5b6c')).toBeNull();
  });
});
