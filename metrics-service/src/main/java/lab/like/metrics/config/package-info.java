/** The service's settings ({@code likelab.metrics.*}, defaults in application.yml), the clock, start-up checks. */
package lab.like.metrics.config;
