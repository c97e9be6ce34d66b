package lab.like.metrics.pilots;

/** A KPI of one pilot: the control's value and the best treatment's (null when there is no treatment). */
public record KpiPair(KpiValue control, KpiValue bestTreatment) {}
