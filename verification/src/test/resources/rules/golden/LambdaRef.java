// ERROR: LambdaRef.java:12: [no-lambda] lambda expression in mission-phase method LambdaRef.onTimer(int)
// ERROR: LambdaRef.java:13: [no-lambda] method reference in mission-phase method LambdaRef.onTimer(int)
// ERROR: LambdaRef.java:14: [call-allowed] call to java.util.function.IntUnaryOperator.applyAsInt, which is not on the mission allow-list in mission-phase method LambdaRef.onTimer(int)
// ERROR: LambdaRef.java:12: [forbidden-api] reference to java.util.function.IntUnaryOperator: the kernel may not use reflection, java.lang.invoke, java.util, threads or I/O
// ERROR: LambdaRef.java:13: [forbidden-api] reference to java.util.function.IntUnaryOperator: the kernel may not use reflection, java.lang.invoke, java.util, threads or I/O
// ERROR: LambdaRef.java:14: [forbidden-api] reference to java.util.function.IntUnaryOperator: the kernel may not use reflection, java.lang.invoke, java.util, threads or I/O
package golden;

/** A lambda and a method reference. */
public final class LambdaRef {
    public int onTimer(int core) {
        java.util.function.IntUnaryOperator f = x -> x + 1;
        java.util.function.IntUnaryOperator g = Math::abs;
        return f.applyAsInt(core) + g.applyAsInt(core);
    }
}
