package cspjob.serializers.wire;

import cspjob.serializers.CorruptMessageException;
import cspjob.serializers.SerializationException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain class: every non-static, non-transient field, superclass fields first, set after the
 * no-argument constructor (of any visibility) has run.
 */
final class FieldsType extends UserType {
    private final Slot[] slots;
    private final MethodHandle[] setters;      // (Object,Object)void
    private final MethodHandle constructor;    // ()Object

    FieldsType(String name, Class<?> type) {
        super(name, type);
        List<Field> fields = new ArrayList<>();
        collectFields(type, fields);
        slots = new Slot[fields.size()];
        setters = new MethodHandle[fields.size()];
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            for (int i = 0; i < slots.length; i++) {
                Field field = fields.get(i);
                field.setAccessible(true);
                slots[i] = new Slot(type.getName(), field.getName(), field.getType(), lookup.unreflectGetter(field));
                setters[i] = lookup.unreflectSetter(field)
                        .asType(MethodType.methodType(void.class, Object.class, Object.class));
            }
            Constructor<?> noArguments = type.getDeclaredConstructor();
            noArguments.setAccessible(true);
            constructor = lookup.unreflectConstructor(noArguments).asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no no-argument constructor, so it cannot be built"
                    + " field by field: add one (any visibility), make it a record, or give it a TypeCodec", e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot reach the fields or constructor of " + type.getName()
                    + " (if it is in a named module, open its package to cspjob): " + e, e);
        }
    }

    private static void collectFields(Class<?> type, List<Field> into) {
        if (type == null || type == Object.class) return;
        collectFields(type.getSuperclass(), into);
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) into.add(field);
        }
    }

    @Override
    void write(Object value, ValueEncoder out, int depth) {
        for (Slot slot : slots) slot.write(value, out, depth);
    }

    @Override
    Object read(ValueDecoder in, int depth) {
        Object built;
        try {
            built = constructor.invokeExact();
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            throw new SerializationException("the no-argument constructor of " + type().getName() + " failed: " + e, e);
        }
        for (int i = 0; i < slots.length; i++) {
            Object value = slots[i].read(in, depth);
            if (value == null && slots[i].type().isPrimitive()) {
                throw new CorruptMessageException("no value for primitive field " + slots[i].name());
            }
            try {
                setters[i].invokeExact(built, value);
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                throw new CorruptMessageException("setting " + type().getName() + "." + slots[i].name() + " failed: " + e, e);
            }
        }
        return built;
    }
}
