/** What the capacity views know of each pilot: a read model of the compacted {@code experiments} topic. */
package lab.like.metrics.pilots;
