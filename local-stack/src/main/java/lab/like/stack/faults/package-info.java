/** The fault suite: a known event stream, its own tally, and the real local stack crashed and restarted under it. */
package lab.like.stack.faults;
