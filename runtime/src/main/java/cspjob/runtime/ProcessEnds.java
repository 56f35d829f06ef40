package cspjob.runtime;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the channel ends a process was given, so that a process that ends by poison poisons them and
 * one that ends by retirement retires them (PyCSP does the same with a process's arguments). The ends
 * are the process object's fields (a record's components, a lambda's captured variables), looked at
 * one level deep into arrays, collections and maps, plus the ends the process made itself. A captured
 * {@link Channel} is poisoned as a whole; it has no end of its own to retire. Runs only when a process
 * ends so, never on the fast path.
 */
final class ProcessEnds {
    /** Per class, the readable fields that could hold ends: looked up once, as a network of a million processes ends at once. */
    private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            List<Field> fields = new java.util.ArrayList<>();
            for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
                for (Field field : t.getDeclaredFields()) {
                    Class<?> declared = field.getType();
                    if (Modifier.isStatic(field.getModifiers()) || declared.isPrimitive() || declared == String.class
                            || Number.class.isAssignableFrom(declared) || declared == Boolean.class || declared == Character.class) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                        fields.add(field);
                    } catch (RuntimeException e) {
                        // a field we may not read cannot hold ends we were given
                    }
                }
            }
            return fields.toArray(Field[]::new);
        }
    };

    private ProcessEnds() {
    }

    static void poisonAll(CspProcess process, List<ChannelEnd<?>> madeEnds) {
        forEachEnd(process, madeEnds, end -> end.poison(), Channel::poison);
    }

    static void retireAll(CspProcess process, List<ChannelEnd<?>> madeEnds) {
        forEachEnd(process, madeEnds, ChannelEnd::retire, channel -> { });
    }

    private static void forEachEnd(CspProcess process, List<ChannelEnd<?>> madeEnds,
                                   Consumer<ChannelEnd<?>> onEnd, Consumer<Channel<?>> onChannel) {
        Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Consumer<Object> visit = value -> {
            if (value instanceof ChannelEnd<?> end && seen.add(end)) {
                onEnd.accept(end);
            } else if (value instanceof Channel<?> channel && seen.add(channel)) {
                onChannel.accept(channel);
            }
        };
        CspProcess body = process;
        while (body instanceof ConfiguredProcess configured) {
            body = configured.body();
        }
        for (Field field : FIELDS.get(body.getClass())) {
            Object value;
            try {
                value = field.get(body);
            } catch (IllegalAccessException e) {
                continue; // cannot happen: only accessible fields are cached
            }
            visit.accept(value);
            if (value instanceof Object[] array) {
                for (Object element : array) {
                    visit.accept(element);
                }
            } else if (value instanceof Collection<?> collection) {
                collection.forEach(visit);
            } else if (value instanceof Map<?, ?> map) {
                map.values().forEach(visit);
            }
        }
        if (madeEnds != null) {
            madeEnds.forEach(visit);
        }
    }
}
