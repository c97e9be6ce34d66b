/** The experiment model and its rules, plain Java: lifecycle table, history, spec, paging cursor, KPI names. */
package lab.like.experiment.registry.domain;
