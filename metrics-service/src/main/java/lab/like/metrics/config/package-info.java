/** Configuration properties, health indicators and meters shared by the features. */
package lab.like.metrics.config;
