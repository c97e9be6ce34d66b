package lab.like.gateway.architecture.cyclefixture.b;

import lab.like.gateway.architecture.cyclefixture.a.A;

/** The other half of the deliberate package cycle. */
public class B {
    A a;
}
