package de.augenhoehe.testing;

import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.lang.reflect.Method;

/**
 * Where a class uses an annotation on a type argument or array component ({@code List<@X String>}): these
 * type-use annotations live only in the class file's type annotations, which ArchUnit does not import.
 */
final class TypeUseAnnotations {

    private TypeUseAnnotations() {
    }

    /** Members (fields, method and constructor parameters, return types) with {@code annotation} inside their type. */
    static List<String> find(Class<?> c, String annotation) {
        List<String> found = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
            if (nested(f.getAnnotatedType(), annotation)) {
                found.add("field " + f.getName());
            }
        }
        Stream.concat(Arrays.stream(c.getDeclaredMethods()), Arrays.stream(c.getDeclaredConstructors())).forEach(e -> {
            if (e instanceof Method m && nested(m.getAnnotatedReturnType(), annotation)) {
                found.add("the result of " + m.getName());
            }
            for (Parameter p : ((Executable) e).getParameters()) {
                if (nested(p.getAnnotatedType(), annotation)) {
                    found.add("parameter " + p.getName() + " of " + e.getName());
                }
            }
        });
        return found;
    }

    /** The annotation anywhere inside the type, not on the type itself (that ArchUnit sees). */
    private static boolean nested(AnnotatedType type, String annotation) {
        List<AnnotatedType> inner = switch (type) {
            case AnnotatedParameterizedType p -> Arrays.asList(p.getAnnotatedActualTypeArguments());
            case AnnotatedArrayType a -> List.of(a.getAnnotatedGenericComponentType());
            default -> List.of();
        };
        return inner.stream().anyMatch(t -> Arrays.stream(t.getAnnotations())
                .anyMatch(a -> a.annotationType().getName().equals(annotation)) || nested(t, annotation));
    }
}
