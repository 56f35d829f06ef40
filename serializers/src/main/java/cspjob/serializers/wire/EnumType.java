package cspjob.serializers.wire;

import cspjob.serializers.CorruptMessageException;

/** An enum: a constant travels as its ordinal, so both sides must have the same constants. */
final class EnumType extends UserType {
    private final Object[] constants;

    EnumType(String name, Class<?> type) {
        super(name, type);
        constants = type.getEnumConstants();
    }

    @Override
    void write(Object value, ValueEncoder out, int depth) {
        out.writeCount(((Enum<?>) value).ordinal());
    }

    @Override
    Object read(ValueDecoder in, int depth) {
        long ordinal = in.readCount();
        if (ordinal >= constants.length) {
            throw new CorruptMessageException("enum " + type().getName() + " has " + constants.length
                    + " constants but the message names number " + ordinal + " (do both sides run the same code?)");
        }
        return constants[(int) ordinal];
    }
}
