package cspjob.serializers.wire;

import cspjob.serializers.bulk.ArrayKind;

/**
 * How values of one class are written: worked out once per class by the {@link TypeRegistry} and
 * cached, so writing a value costs one class lookup and one switch.
 */
record Encoding(Kind kind, ArrayKind arrayKind, UserType userType, String problem) {

    enum Kind {
        BOOLEAN, BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE, STRING,
        LIST, SET, MAP, OBJECT_ARRAY, STRING_ARRAY, ARRAY, BUFFER, USER, JAVA, UNSUPPORTED
    }

    static Encoding of(Kind kind) {
        return new Encoding(kind, null, null, null);
    }

    static Encoding array(ArrayKind arrayKind) {
        return new Encoding(Kind.ARRAY, arrayKind, null, null);
    }

    static Encoding user(UserType type) {
        return new Encoding(Kind.USER, null, type, null);
    }

    static Encoding unsupported(String problem) {
        return new Encoding(Kind.UNSUPPORTED, null, null, problem);
    }
}
