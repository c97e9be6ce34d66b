/** What the capacity views know of each pilot, in plain Java: the read model's records and its results' summary. */
package lab.like.metrics.pilots;
