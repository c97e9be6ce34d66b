/** Load runs against a running stack that print their figures beside the raw Kafka ceiling of the same run. */
package lab.like.stack.bench;
