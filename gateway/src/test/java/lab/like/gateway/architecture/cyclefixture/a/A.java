package lab.like.gateway.architecture.cyclefixture.a;

import lab.like.gateway.architecture.cyclefixture.b.B;

/** Half of a deliberate package cycle: the architecture rules must reject it. */
public class A {
    B b;
}
