package lab.like.experiment.architecture.cyclefixture.b;

import lab.like.experiment.architecture.cyclefixture.a.A;

/** The other half of the deliberate package cycle. */
public class B {
    A a;
}
