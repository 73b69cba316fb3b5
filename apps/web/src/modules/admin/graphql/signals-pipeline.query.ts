import { graphql } from '../../../gql';

/** Admins only: how far the signals lag the evidence. */
export const signalsPipelineQuery = graphql(`
  query SignalsPipeline {
    signalsPipeline {
      pendingEvents
      pendingVendors
      oldestPendingAt
      oldestPendingAgeSeconds
      drainJobsWaiting
      drainJobsActive
      lastRefreshAt
      vendorsWithSignals
    }
  }
`);
