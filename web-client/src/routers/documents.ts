import { graphql } from '../gql';

export const RoutersQuery = graphql(`
  query Routers($orderBy: RouterOrder, $descending: Boolean, $first: Int, $after: String, $last: Int, $before: String) {
    routers(orderBy: $orderBy, descending: $descending, first: $first, after: $after, last: $last, before: $before) {
      edges {
        node {
          id
          name
          simulated
          host
          port
          apiSsl
          pop {
            id
            name
          }
          health {
            status
            detail
            lastSeenAt
            routerOsVersion
            cpuLoad
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

export const RouterQuery = graphql(`
  query Router($id: ID!) {
    router(id: $id) {
      id
      name
      simulated
      host
      port
      apiSsl
      username
      certificateFingerprint
      pop {
        id
        name
      }
      health {
        status
        detail
        lastCheckedAt
        lastSeenAt
        identity
        routerOsVersion
        board
        cpuLoad
        freeMemory
        totalMemory
        uptimeSeconds
      }
    }
  }
`);

export const PopChoicesQuery = graphql(`
  query PopChoices {
    pops(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const CreateRouter = graphql(`
  mutation CreateRouter($input: CreateRouterInput!) {
    createRouter(input: $input) {
      router {
        id
        name
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeleteRouter = graphql(`
  mutation DeleteRouter($input: DeleteRouterInput!) {
    deleteRouter(input: $input) {
      deletedId
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const TestRouterConnection = graphql(`
  mutation TestRouterConnection($input: TestRouterConnectionInput!) {
    testRouterConnection(input: $input) {
      reachable
      identity
      routerOsVersion
      board
      error {
        status
        message
      }
      router {
        id
        health {
          status
          detail
          lastCheckedAt
        }
      }
    }
  }
`);

export const ImportRouter = graphql(`
  mutation ImportRouter($input: ImportRouterInput!) {
    importRouter(input: $input) {
      operation {
        id
        status
      }
      routerImport {
        id
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const RouterImportQuery = graphql(`
  query RouterImport($id: ID!) {
    routerImport(id: $id) {
      id
      subscribersCreated
      alreadyManaged
      createdPlans {
        id
        name
      }
      skipped {
        object
        name
        reason
      }
      operation {
        id
        status
      }
    }
  }
`);
