package warden.verification.rules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code ArchitectureRulesTest}, as it stands, on a chosen set of classes: its static
 * {@link JavaClasses} field (the one its {@code @BeforeAll} fills) is set to them, each of its {@code @Test}
 * methods is called, and each static {@link ArchRule} field it may hold is evaluated. Test code: reflection
 * here only reads the rule test, so that it does not have to change for its sabotage to be checked.
 */
final class LegacyRules {
    private LegacyRules() {
    }

    /** @return the failure message of each rule of ArchitectureRulesTest that the classes break (empty: none). */
    static List<String> failures(JavaClasses classes) {
        Class<?> test = ArchitectureRulesTest.class;
        Field field = classesField(test);
        List<String> out = new ArrayList<>();
        int rules = 0;
        try {
            field.setAccessible(true);
            Object before = field.get(null);
            field.set(null, classes);
            try {
                Constructor<?> make = test.getDeclaredConstructor();
                make.setAccessible(true);
                Object instance = make.newInstance();
                for (Method m : test.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Test.class) && m.getParameterCount() == 0) {
                        rules++;
                        m.setAccessible(true);
                        run(m, instance, out);
                    }
                }
                for (Field f : test.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) && ArchRule.class.isAssignableFrom(f.getType())) {
                        rules++;
                        f.setAccessible(true);
                        ((ArchRule) f.get(null)).evaluate(classes).getFailureReport().getDetails().forEach(out::add);
                    }
                }
            } finally {
                field.set(null, before);
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot run ArchitectureRulesTest on other classes", e);
        }
        if (rules == 0) {
            throw new AssertionError("ArchitectureRulesTest has no @Test method and no static ArchRule field");
        }
        return out;
    }

    private static void run(Method m, Object instance, List<String> out) throws IllegalAccessException {
        try {
            m.invoke(instance);
        } catch (InvocationTargetException e) {
            if (!(e.getCause() instanceof AssertionError)) {
                throw new AssertionError(m.getName() + " failed otherwise than by a rule", e.getCause());
            }
            out.add(m.getName() + ": " + e.getCause().getMessage());
        }
    }

    private static Field classesField(Class<?> test) {
        for (Field f : test.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == JavaClasses.class) {
                return f;
            }
        }
        throw new AssertionError("ArchitectureRulesTest keeps no static JavaClasses field to run it on");
    }
}
