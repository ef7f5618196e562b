package warden.kernel.api.rules;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks code that runs only before the kernel seals, or outside its mission entirely (building a
 * {@code SystemImage}, parsing names for tools): it may allocate and call the JDK freely. Code
 * without this mark is mission-phase code, and the restricted-Java checks hold it to the card:
 * no allocation, no string concatenation, no boxing, no lambdas, no varargs, no calls into
 * boot-phase code or into the JDK outside a short allow-list. Constructors and initializers are
 * boot-phase by construction (mission code may not use {@code new}). On a type, the mark covers
 * every member. Retained in class files so that the bytecode scan sees it too.
 *
 * [impl->dsn~rj.phases~1]
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface BootPhase {
    /** Why this code is boot-only, for the reader (optional). */
    String value() default "";
}
