/** The {@code pilots} function: reads the compacted {@code experiments} topic into the {@code pilots} collection. */
package lab.like.metrics.pilots.messaging;
