package cspjob.serializers.wire;

import java.lang.reflect.Modifier;

/**
 * A type the user (or the runtime) made known to the serializer: a record, an enum, a plain class
 * of fields, or any class with a {@link cspjob.serializers.TypeCodec}. It travels under its name
 * and is built on the reading side only because that side knows the same name.
 *
 * <p>What follows a USER tag's type reference: for a record, its components in declaration order;
 * for a plain class, its fields, superclass fields first; for an enum, the ordinal as a stop-bit
 * number; for a codec type, the codec's stand-in as a tagged value. Components and fields of
 * primitive type are bare Chronicle scalars (their type is known), all others tagged values.
 */
public abstract sealed class UserType permits RecordType, EnumType, FieldsType, CodecType {
    private final String name;
    private final Class<?> type;

    UserType(String name, Class<?> type) {
        this.name = name;
        this.type = type;
    }

    /** The name the type travels under: its class name unless registered with another. */
    public final String name() { return name; }

    public final Class<?> type() { return type; }

    /** Writes the content of {@code value} (its type reference is already written). */
    abstract void write(Object value, ValueEncoder out, int depth);

    /** Reads the content written by {@link #write} and builds the value. */
    abstract Object read(ValueDecoder in, int depth);

    /**
     * Works out how to write and build {@code type}: records through their canonical constructor,
     * enums by ordinal, other classes field by field after their no-argument constructor.
     *
     * @throws IllegalArgumentException when {@code type} is none of those
     */
    static UserType describe(Class<?> type, String name) {
        if (name.isEmpty() || name.length() > Tag.NAME_LIMIT) {
            throw new IllegalArgumentException("type name '" + name + "' must have 1 to " + Tag.NAME_LIMIT + " chars");
        }
        if (type.isRecord()) return new RecordType(name, type);
        if (type.isEnum()) return new EnumType(name, type);
        if (type.isInterface() || type.isArray() || type.isPrimitive() || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException(type.getName() + " cannot be built field by field (it is an interface,"
                    + " array, primitive or abstract class); give it a TypeCodec instead");
        }
        return new FieldsType(name, type);
    }

    @Override
    public String toString() {
        return name.equals(type.getName()) ? name : name + " (" + type.getName() + ")";
    }
}
