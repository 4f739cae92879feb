import { graphql } from '../gql';

/** The tenant's backup schedule, read by the router's backups panel and edited in its schedule dialog. */
export const BackupSettingsFields = graphql(`
  fragment BackupSettingsFields on BackupSettings {
    enabled
    intervalMinutes
    keepLast
    keepDays
    includeSensitive
    binary
  }
`);

export const RouterBackupsQuery = graphql(`
  query RouterBackups($id: ID!, $first: Int, $after: String) {
    router(id: $id) {
      id
      name
      backups(first: $first, after: $after) {
        edges {
          node {
            id
            kind
            takenAt
            size
            hash
            changed
            sensitive
            routerVersion
            requestedBy
            downloadPath
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
    backupSettings {
      ...BackupSettingsFields
    }
  }
`);

export const BackupDiffQuery = graphql(`
  query BackupDiff($from: ID!, $to: ID!, $maxLines: Int) {
    backupDiff(from: $from, to: $to, maxLines: $maxLines) {
      from {
        id
        takenAt
      }
      to {
        id
        takenAt
      }
      linesAdded
      linesRemoved
      truncated
      hunks {
        fromStart
        fromCount
        toStart
        toCount
        lines {
          kind
          fromLine
          toLine
          text
        }
      }
    }
  }
`);

export const TakeBackup = graphql(`
  mutation TakeBackup($input: TakeBackupInput!) {
    takeBackup(input: $input) {
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

export const RestoreBackup = graphql(`
  mutation RestoreBackup($input: RestoreBackupInput!) {
    restoreBackup(input: $input) {
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

export const SetBackupSettings = graphql(`
  mutation SetBackupSettings($input: BackupSettingsInput!) {
    setBackupSettings(input: $input) {
      settings {
        ...BackupSettingsFields
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);
