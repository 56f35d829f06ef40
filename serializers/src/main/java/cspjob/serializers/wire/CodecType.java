package cspjob.serializers.wire;

import cspjob.serializers.SerializationException;
import cspjob.serializers.TypeCodec;

/** A type written by its {@link TypeCodec}: the codec's stand-in value travels in its place. */
final class CodecType extends UserType {
    private final TypeCodec<Object> codec;

    @SuppressWarnings("unchecked")
    CodecType(String name, Class<?> type, TypeCodec<?> codec) {
        super(name, type);
        this.codec = (TypeCodec<Object>) codec;
    }

    @Override
    void write(Object value, ValueEncoder out, int depth) {
        Object standIn;
        try {
            standIn = codec.encode(value);
        } catch (SerializationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SerializationException("the TypeCodec of '" + name() + "' failed to encode a "
                    + value.getClass().getName() + ": " + e, e);
        }
        out.writeValue(standIn, depth + 1);
    }

    @Override
    Object read(ValueDecoder in, int depth) {
        Object standIn = in.readValue(depth + 1);
        Object value;
        try {
            value = codec.decode(standIn);
        } catch (SerializationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SerializationException("the TypeCodec of '" + name() + "' failed to decode its value: " + e, e);
        }
        if (value != null && !type().isInstance(value)) {
            throw new SerializationException("the TypeCodec of '" + name() + "' decoded a " + value.getClass().getName()
                    + ", not a " + type().getName());
        }
        return value;
    }
}
