/** A distributed run on one machine (three KRaft brokers, two metrics-service instances) and the soak run. */
package lab.like.stack.cluster;
