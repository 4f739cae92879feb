import { graphql } from '../gql';

export const OperationsQuery = graphql(`
  query Operations(
    $status: OperationStatus
    $orderBy: OperationOrder
    $descending: Boolean
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    operations(status: $status, orderBy: $orderBy, descending: $descending, first: $first, after: $after, last: $last, before: $before) {
      edges {
        node {
          id
          kind
          status
          attempts
          lastError
          errorCode
          progressDone
          progressTotal
          progressFailed
          requestedBy
          createdAt
          subscriberId
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

export const OperationUpdated = graphql(`
  subscription OperationUpdated($id: ID!) {
    operationUpdated(id: $id) {
      id
      kind
      status
      attempts
      lastError
      errorCode
      waitReason
      progressDone
      progressTotal
      progressFailed
      finishedAt
    }
  }
`);

export const OperationQuery = graphql(`
  query Operation($id: ID!) {
    operation(id: $id) {
      id
      kind
      status
      attempts
      lastError
      errorCode
      waitReason
      progressDone
      progressTotal
      progressFailed
      finishedAt
    }
  }
`);

export const RetryOperation = graphql(`
  mutation RetryOperation($input: RetryOperationInput!) {
    retryOperation(input: $input) {
      operation {
        id
        status
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const OperationsChanged = graphql(`
  subscription OperationsChanged {
    operationsChanged {
      id
      status
    }
  }
`);
