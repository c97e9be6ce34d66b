package lab.like.archfixture.cycle.a;

import lab.like.archfixture.cycle.b.B;

/** Half of a deliberate package cycle: ArchitectureTest checks that its cycle rule sees it. */
public class A {
    public B b() {
        return new B();
    }
}
