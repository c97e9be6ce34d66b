/** Usage-event rules and pseudonymisation, plain Java: typed submitted events in, records or rejections out. */
package lab.like.experiment.ingestion.domain;
