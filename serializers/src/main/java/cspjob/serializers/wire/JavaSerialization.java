package cspjob.serializers.wire;

import cspjob.serializers.CorruptMessageException;
import cspjob.serializers.SerializationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;

/**
 * Java serialization for {@link Serializable} classes nothing else covers: off unless the context
 * turns it on, and then limited to an allow-list (ObjectInputFilter patterns such as
 * {@code com.example.*}) checked on both sides, plus limits on depth, references and bytes.
 * Values go through a byte array, so this path does not stream; it is for small legacy types.
 */
final class JavaSerialization {
    /** Always allowed: the java.lang value types nearly every serializable class uses. */
    private static final String BASICS = "java.lang.String;java.lang.Number;java.lang.Integer;java.lang.Long;"
            + "java.lang.Short;java.lang.Byte;java.lang.Character;java.lang.Boolean;java.lang.Double;java.lang.Float;"
            + "java.lang.Enum;java.lang.Record";

    private final ObjectInputFilter filter;

    JavaSerialization(List<String> patterns, int maxDepth, long maxValues, long maxBytes) {
        String limits = "maxdepth=" + maxDepth + ";maxrefs=" + maxValues + ";maxbytes=" + maxBytes
                + ";maxarray=" + Math.min(Integer.MAX_VALUE, maxBytes);
        this.filter = ObjectInputFilter.Config.createFilter(
                limits + ";" + BASICS + ";" + String.join(";", patterns) + ";!*");
    }

    /** Whether {@code type} is on the allow-list. */
    boolean allows(Class<?> type) {
        if (!Serializable.class.isAssignableFrom(type)) return false;
        return filter.checkInput(new ClassOnly(type)) == ObjectInputFilter.Status.ALLOWED;
    }

    byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new SerializationException("Java serialization of a " + value.getClass().getName() + " failed: " + e, e);
        }
        return bytes.toByteArray();
    }

    Object deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        } catch (InvalidClassException e) {
            throw new cspjob.serializers.DisallowedTypeException("Java serialization refused a class that is not on"
                    + " the allow-list (SerializerContext.javaSerialization) or broke a limit: " + e.getMessage());
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new CorruptMessageException("Java-serialized value is malformed: " + e, e);
        }
    }

    private record ClassOnly(Class<?> serialClass) implements ObjectInputFilter.FilterInfo {
        public long arrayLength() { return -1; }
        public long depth() { return 1; }
        public long references() { return 1; }
        public long streamBytes() { return 0; }
    }
}
