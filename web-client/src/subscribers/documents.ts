import { graphql } from '../gql';

export const SubscribersQuery = graphql(`
  query Subscribers(
    $text: String
    $status: SubscriberStatus
    $planId: ID
    $routerId: ID
    $lifecycleState: LifecycleState
    $orderBy: SubscriberOrder
    $descending: Boolean
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    subscriberSearch(
      text: $text
      status: $status
      planId: $planId
      routerId: $routerId
      lifecycleState: $lifecycleState
      orderBy: $orderBy
      descending: $descending
      first: $first
      after: $after
      last: $last
      before: $before
    ) {
      edges {
        node {
          id
          username
          fullName
          status
          syncState
          expiresOn
          createdAt
          plan {
            id
            name
          }
          router {
            id
            name
          }
          session {
            id
            address
            loginAt
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
    subscriberCount(text: $text, status: $status, planId: $planId, routerId: $routerId, lifecycleState: $lifecycleState)
  }
`);

export const SubscriberQuery = graphql(`
  query Subscriber($id: ID!) {
    subscriber(id: $id) {
      id
      username
      fullName
      email
      phone
      address
      expiresOn
      notes
      status
      syncState
      routerComment
      createdAt
      updatedAt
      plan {
        id
        name
      }
      router {
        id
        name
      }
      syncOperation {
        id
        status
        lastError
      }
    }
  }
`);

export const ChoicesQuery = graphql(`
  query SubscriberChoices {
    plans(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
    routers(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);


export const SubscriberChangeOutcome = graphql(`
  fragment SubscriberChangeOutcome on SubscriberPayload {
    operation {
      id
      status
    }
    errors {
      ...UserErrorFields
    }
  }
`);

export const SubscriberStatusChange = graphql(`
  fragment SubscriberStatusChange on SubscriberPayload {
    subscriber {
      id
      status
      syncState
    }
    ...SubscriberChangeOutcome
  }
`);

export const CreateSubscriber = graphql(`
  mutation CreateSubscriber($input: CreateSubscriberInput!) {
    createSubscriber(input: $input) {
      ...SubscriberStatusChange
    }
  }
`);

export const UpdateSubscriber = graphql(`
  mutation UpdateSubscriber($input: UpdateSubscriberInput!) {
    updateSubscriber(input: $input) {
      subscriber {
        id
        fullName
        email
        phone
        address
        expiresOn
        notes
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const EnableSubscriber = graphql(`
  mutation EnableSubscriber($input: SubscriberIdInput!) {
    enableSubscriber(input: $input) {
      ...SubscriberStatusChange
    }
  }
`);

export const DisableSubscriber = graphql(`
  mutation DisableSubscriber($input: SubscriberIdInput!) {
    disableSubscriber(input: $input) {
      ...SubscriberStatusChange
    }
  }
`);

export const SuspendSubscriber = graphql(`
  mutation SuspendSubscriber($input: SubscriberIdInput!) {
    suspendSubscriber(input: $input) {
      ...SubscriberStatusChange
    }
  }
`);

export const DeleteSubscriber = graphql(`
  mutation DeleteSubscriber($input: SubscriberIdInput!) {
    deleteSubscriber(input: $input) {
      ...SubscriberChangeOutcome
    }
  }
`);

export const ChangeSubscriberPassword = graphql(`
  mutation ChangeSubscriberPassword($input: ChangeSubscriberPasswordInput!) {
    changeSubscriberPassword(input: $input) {
      subscriber {
        id
        syncState
      }
      ...SubscriberChangeOutcome
    }
  }
`);

export const ChangeSubscriberPlan = graphql(`
  mutation ChangeSubscriberPlan($input: ChangeSubscriberPlanInput!) {
    changeSubscriberPlan(input: $input) {
      subscriber {
        id
        syncState
        plan {
          id
          name
        }
      }
      ...SubscriberChangeOutcome
    }
  }
`);

export const MoveSubscriber = graphql(`
  mutation MoveSubscriber($input: MoveSubscriberInput!) {
    moveSubscriber(input: $input) {
      subscriber {
        id
        syncState
        router {
          id
          name
        }
      }
      ...SubscriberChangeOutcome
    }
  }
`);

export const RevealPassword = graphql(`
  mutation RevealSubscriberPassword($input: SubscriberIdInput!) {
    revealSubscriberPassword(input: $input) {
      password
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const ImportCsv = graphql(`
  mutation ImportSubscribersCsv($input: ImportSubscribersCsvInput!) {
    importSubscribersCsv(input: $input) {
      accepted
      operations {
        id
        status
        progressDone
        progressTotal
        progressFailed
      }
      rejected {
        row
        key
        errors {
          ...UserErrorFields
        }
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

