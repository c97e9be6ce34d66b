/**
 * What the fault suite and the cluster and soak runs share: the expected-counts oracle ({@link
 * lab.like.stack.load.Tally}, API.md's counting rules written again from the contract, not taken from
 * metrics-service), the comparison of the results documents with it ({@link lab.like.stack.load.ResultsCheck})
 * and the usage event's JSON ({@link lab.like.stack.load.UsageEventJson}).
 */
package lab.like.stack.load;
