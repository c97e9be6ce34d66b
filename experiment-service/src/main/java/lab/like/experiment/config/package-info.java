/**
 * Settings and shared infrastructure: {@code likelab.*} properties (defaults in application.yml only), the
 * clock, the Kafka producer and topics. Depends on no feature package.
 */
package lab.like.experiment.config;
