/** The local stack: embedded Kafka and MongoDB, the three services as child JVMs, demo traffic. */
package lab.like.stack;
