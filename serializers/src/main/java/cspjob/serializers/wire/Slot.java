package cspjob.serializers.wire;

import cspjob.serializers.CorruptMessageException;
import cspjob.serializers.SerializationException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/**
 * One record component or field: how to get it from an object and how to write and read it.
 * Primitive slots are written bare (their type is known on both sides); other slots as tagged
 * values. Getters are typed so that primitives are written without boxing.
 */
final class Slot {
    private final String owner;
    private final String name;
    private final Class<?> type;
    private final Class<?> boxed;
    private final MethodHandle getter;

    /** @param getter a method handle from the owner to the slot's value */
    Slot(String owner, String name, Class<?> type, MethodHandle getter) {
        this.owner = owner;
        this.name = name;
        this.type = type;
        this.boxed = type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
        this.getter = getter.asType(MethodType.methodType(type.isPrimitive() ? type : Object.class, Object.class));
    }

    String name() { return name; }

    Class<?> type() { return type; }

    void write(Object value, ValueEncoder out, int depth) {
        try {
            if (type == int.class) out.writeInt((int) getter.invokeExact(value));
            else if (type == long.class) out.writeLong((long) getter.invokeExact(value));
            else if (type == double.class) out.writeDouble((double) getter.invokeExact(value));
            else if (type == boolean.class) out.writeBoolean((boolean) getter.invokeExact(value));
            else if (type == float.class) out.writeFloat((float) getter.invokeExact(value));
            else if (type == byte.class) out.writeByte((byte) getter.invokeExact(value));
            else if (type == short.class) out.writeShort((short) getter.invokeExact(value));
            else if (type == char.class) out.writeChar((char) getter.invokeExact(value));
            else out.writeValue((Object) getter.invokeExact(value), depth + 1);
        } catch (SerializationException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new SerializationException("getting " + owner + "." + name + " to write it failed: " + e, e);
        }
    }

    /** Reads the slot's value, boxed when primitive, checked against the slot's type. */
    Object read(ValueDecoder in, int depth) {
        if (type == int.class) return in.readInt();
        if (type == long.class) return in.readLong();
        if (type == double.class) return in.readDouble();
        if (type == boolean.class) return in.readBoolean();
        if (type == float.class) return in.readFloat();
        if (type == byte.class) return in.readByte();
        if (type == short.class) return in.readShort();
        if (type == char.class) return in.readChar();
        Object value = in.readValue(depth + 1);
        if (value != null && !boxed.isInstance(value)) {
            throw new CorruptMessageException(owner + "." + name + " is a " + type.getName()
                    + " but the message holds a " + value.getClass().getName() + " for it");
        }
        return value;
    }
}
