import { graphql } from '../gql';

export const LifecyclePolicyQuery = graphql(`
  query LifecyclePolicy {
    lifecyclePolicy {
      enabled
      noticeDays
      graceDays
      gracePlan {
        id
        name
      }
      suspensionMode
      suspendedPlan {
        id
        name
      }
      actionHour
      timeZone
      skipWeekdays
      skipDates
    }
    plans(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const SetLifecyclePolicy = graphql(`
  mutation SetLifecyclePolicy($input: SetLifecyclePolicyInput!) {
    setLifecyclePolicy(input: $input) {
      policy {
        enabled
        noticeDays
        graceDays
        actionHour
        timeZone
        skipWeekdays
        skipDates
        suspensionMode
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const NotificationTemplatesQuery = graphql(`
  query NotificationTemplates {
    notificationTemplates {
      eventType
      channel
      subject
      body
      enabled
      builtIn
    }
  }
`);

// the editor previews the text as typed, saved or not
export const PreviewNotificationDraft = graphql(`
  query PreviewNotificationDraft($eventType: String!, $channel: NotificationChannel, $subject: String, $body: String!) {
    previewNotificationDraft(eventType: $eventType, channel: $channel, subject: $subject, body: $body) {
      subject
      body
    }
  }
`);

export const SetNotificationTemplate = graphql(`
  mutation SetNotificationTemplate($input: SetNotificationTemplateInput!) {
    setNotificationTemplate(input: $input) {
      template {
        eventType
        channel
        subject
        body
        enabled
        builtIn
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const ResetNotificationTemplate = graphql(`
  mutation ResetNotificationTemplate($input: ResetNotificationTemplateInput!) {
    resetNotificationTemplate(input: $input) {
      template {
        eventType
        channel
        subject
        body
        enabled
        builtIn
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const ChannelsQuery = graphql(`
  query NotificationChannels {
    smsGateway {
      url
      bodyTemplate
      hasSecret
    }
    staffRecipients {
      id
      channel
      address
      events
    }
    webhookEndpoints {
      id
      url
      events
      enabled
      createdAt
    }
  }
`);

export const SetSmsGateway = graphql(`
  mutation SetSmsGateway($input: SetSmsGatewayInput!) {
    setSmsGateway(input: $input) {
      gateway {
        url
        bodyTemplate
        hasSecret
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const AddStaffRecipient = graphql(`
  mutation AddStaffRecipient($input: AddStaffRecipientInput!) {
    addStaffRecipient(input: $input) {
      recipient {
        id
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const RemoveStaffRecipient = graphql(`
  mutation RemoveStaffRecipient($input: RemoveStaffRecipientInput!) {
    removeStaffRecipient(input: $input) {
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const CreateWebhookEndpoint = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      endpoint {
        id
        url
        events
        enabled
      }
      secret
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const SetWebhookEndpointEnabled = graphql(`
  mutation SetWebhookEndpointEnabled($input: SetWebhookEndpointEnabledInput!) {
    setWebhookEndpointEnabled(input: $input) {
      endpoint {
        id
        enabled
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeleteWebhookEndpoint = graphql(`
  mutation DeleteWebhookEndpoint($input: WebhookEndpointIdInput!) {
    deleteWebhookEndpoint(input: $input) {
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const SendTestWebhook = graphql(`
  mutation SendTestWebhook($input: SendTestWebhookInput!) {
    sendTestWebhook(input: $input) {
      delivery {
        id
        status
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($id: ID!) {
    webhookDeliveries(webhookEndpointId: $id, limit: 10) {
      nodes {
        id
        eventType
        status
        attempts
        lastError
        createdAt
        sentAt
      }
    }
  }
`);

// per-plan lifecycle overrides (notice and grace days of one plan)
export const PlanOverridesQuery = graphql(`
  query PlanLifecycleOverrides {
    lifecyclePolicy {
      noticeDays
      graceDays
      planOverrides {
        plan {
          id
          name
        }
        noticeDays
        graceDays
      }
    }
    plans(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const SetPlanLifecycleOverride = graphql(`
  mutation SetPlanLifecycleOverride($input: SetPlanLifecycleOverrideInput!) {
    setPlanLifecycleOverride(input: $input) {
      override {
        plan {
          id
        }
        noticeDays
        graceDays
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);
