package cspjob.runtime;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the channel ends a process was given, so that a process that ends by poison poisons them and
 * one that ends by retirement retires them (PyCSP does the same with a process's arguments). The ends
 * are the process object's fields (a record's components, a lambda's captured variables), searched
 * through arrays, collections, map keys and values and records at any depth, plus the ends the
 * process made itself. A captured
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
        forEachEnd(process, madeEnds, end -> quietly(end::poison), channel -> quietly(channel::poison));
    }

    static void retireAll(CspProcess process, List<ChannelEnd<?>> madeEnds) {
        forEachEnd(process, madeEnds, end -> quietly(end::retire), channel -> { });
    }

    /** One end that cannot be poisoned or retired (its home is gone) must not keep the others from it. */
    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException ignored) {
            // the end's channel is unreachable or already ended: nothing more to tell it
        }
    }

    private static void forEachEnd(CspProcess process, List<ChannelEnd<?>> madeEnds,
                                   Consumer<ChannelEnd<?>> onEnd, Consumer<Channel<?>> onChannel) {
        Search search = new Search(onEnd, onChannel);
        CspProcess body = process;
        while (body instanceof ConfiguredProcess configured) {
            body = configured.body();
        }
        search.fieldsOf(body, 0);
        if (madeEnds != null) {
            madeEnds.forEach(end -> search.visit(end, 0));
        }
    }

    /** One search through a process's fields and the containers they hold, each object visited once. */
    private record Search(Consumer<ChannelEnd<?>> onEnd, Consumer<Channel<?>> onChannel, Set<Object> seen) {
        /** Deep enough for any grid of ends a process is given; a bound keeps a pathological graph from costing much. */
        private static final int MAX_DEPTH = 16;

        Search(Consumer<ChannelEnd<?>> onEnd, Consumer<Channel<?>> onChannel) {
            this(onEnd, onChannel, Collections.newSetFromMap(new IdentityHashMap<>()));
        }

        void fieldsOf(Object holder, int depth) {
            for (Field field : FIELDS.get(holder.getClass())) {
                try {
                    visit(field.get(holder), depth + 1);
                } catch (IllegalAccessException e) {
                    // cannot happen: only accessible fields are cached
                }
            }
        }

        void visit(Object value, int depth) {
            boolean mayHoldEnds = value instanceof ChannelEnd<?> || value instanceof Channel<?> || value instanceof Object[]
                    || value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof Record;
            if (!mayHoldEnds || depth > MAX_DEPTH || !seen.add(value)) {
                return; // leaves (numbers, strings, ...) are not remembered: a list of a million numbers stays cheap
            }
            switch (value) {
                case ChannelEnd<?> end -> onEnd.accept(end);
                case Channel<?> channel -> onChannel.accept(channel);
                case Object[] array -> {
                    for (Object element : array) {
                        visit(element, depth + 1);
                    }
                }
                case Collection<?> collection -> collection.forEach(element -> visit(element, depth + 1));
                case Map<?, ?> map -> map.forEach((key, element) -> {
                    visit(key, depth + 1);
                    visit(element, depth + 1);
                });
                case Record record -> fieldsOf(record, depth);
                default -> {
                    // any other object: not a place where ends are handed over
                }
            }
        }
    }
}
