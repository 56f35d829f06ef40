package cspjob.serializers.wire;

import cspjob.serializers.CorruptMessageException;
import cspjob.serializers.SerializationException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/** A record: its components in declaration order, built back through its canonical constructor. */
final class RecordType extends UserType {
    private final Slot[] slots;
    private final MethodHandle constructor;    // (Object[])Object

    RecordType(String name, Class<?> type) {
        super(name, type);
        RecordComponent[] components = type.getRecordComponents();
        slots = new Slot[components.length];
        Class<?>[] parameterTypes = new Class<?>[components.length];
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            for (int i = 0; i < components.length; i++) {
                Method accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                slots[i] = new Slot(type.getName(), components[i].getName(), components[i].getType(),
                        lookup.unreflect(accessor));
                parameterTypes[i] = components[i].getType();
            }
            Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
            canonical.setAccessible(true);
            constructor = lookup.unreflectConstructor(canonical)
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot reach the components or constructor of record " + type.getName()
                    + " (if it is in a named module, open its package to cspjob): " + e, e);
        }
    }

    @Override
    void write(Object value, ValueEncoder out, int depth) {
        for (Slot slot : slots) slot.write(value, out, depth);
    }

    @Override
    Object read(ValueDecoder in, int depth) {
        Object[] arguments = new Object[slots.length];
        for (int i = 0; i < slots.length; i++) arguments[i] = slots[i].read(in, depth);
        try {
            return constructor.invokeExact(arguments);
        } catch (SerializationException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new CorruptMessageException("the constructor of " + type().getName()
                    + " rejected the values in the message: " + e, e);
        }
    }
}
