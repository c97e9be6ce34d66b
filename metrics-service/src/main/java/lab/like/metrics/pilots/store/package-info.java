/** MongoDB side of the pilots read model: the {@code pilots} collection, its documents and its reads. */
package lab.like.metrics.pilots.store;
