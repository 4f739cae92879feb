import { graphql } from '../gql';

export const ReportFields = graphql(`
  fragment ReportFields on Report {
    id
    kind
    title
    from
    to
    limit
    status
    rowsDone
    rowsTotal
    failure
    requestedBy
    requestedAt
    finishedAt
    expiresAt
  }
`);

export const ReportsQuery = graphql(`
  query Reports($limit: Int) {
    reports(limit: $limit) {
      ...ReportFields
    }
  }
`);

export const ReportQuery = graphql(`
  query Report($id: ID!) {
    report(id: $id) {
      ...ReportFields
      totals {
        name
        value
      }
      chartSeries
      chart {
        label
        values
      }
      files {
        format
        size
        fileName
        downloadPath
      }
    }
  }
`);

export const RequestReport = graphql(`
  mutation RequestReport($input: RequestReportInput!) {
    requestReport(input: $input) {
      report {
        ...ReportFields
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const ReportProgress = graphql(`
  subscription ReportProgress($id: ID!) {
    reportProgress(id: $id) {
      id
      status
      rowsDone
      rowsTotal
      failure
    }
  }
`);
