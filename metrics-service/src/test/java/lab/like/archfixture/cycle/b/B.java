package lab.like.archfixture.cycle.b;

import lab.like.archfixture.cycle.a.A;

/** The other half of the deliberate package cycle. */
public class B {
    public A a() {
        return new A();
    }
}
