import { graphql } from '../gql';

export const AlertsQuery = graphql(`
  query Alerts($state: [AlertState!], $severity: AlertSeverity, $routerId: ID, $first: Int, $after: String, $last: Int, $before: String) {
    alerts(state: $state, severity: $severity, routerId: $routerId, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges {
        node {
          id
          ruleName
          ruleType
          severity
          state
          summary
          openedAt
          lastFiringAt
          acknowledgedAt
          acknowledgedBy
          acknowledgementNote
          resolvedAt
          resolvedBy
          router {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

export const AlertHistoryQuery = graphql(`
  query AlertHistory($id: ID!) {
    alert(id: $id) {
      id
      history {
        at
        kind
        actor
        note
      }
    }
  }
`);

export const AcknowledgeAlert = graphql(`
  mutation AcknowledgeAlert($input: AcknowledgeAlertInput!) {
    acknowledgeAlert(input: $input) {
      alert {
        id
        state
        acknowledgedAt
        acknowledgedBy
        acknowledgementNote
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const AlertRaised = graphql(`
  subscription AlertRaised($minimumSeverity: AlertSeverity) {
    alertRaised(minimumSeverity: $minimumSeverity) {
      id
      ruleName
      severity
      summary
      router {
        id
        name
      }
    }
  }
`);

export const AlertRulesQuery = graphql(`
  query AlertRules {
    alertRules {
      id
      type
      name
      severity
      enabled
      router {
        id
        name
      }
      threshold
      forSeconds
      clearSeconds
      windowSeconds
      minimumVersion
      notifyOnResolve
      updatedAt
      updatedBy
    }
  }
`);


export const CreateAlertRule = graphql(`
  mutation CreateAlertRule($input: AlertRuleInput!) {
    createAlertRule(input: $input) {
      rule {
        id
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateAlertRule = graphql(`
  mutation UpdateAlertRule($input: UpdateAlertRuleInput!) {
    updateAlertRule(input: $input) {
      rule {
        id
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeleteAlertRule = graphql(`
  mutation DeleteAlertRule($input: DeleteAlertRuleInput!) {
    deleteAlertRule(input: $input) {
      deletedId
      errors {
        ...UserErrorFields
      }
    }
  }
`);
