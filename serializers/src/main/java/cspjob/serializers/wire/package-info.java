/**
 * Structured values on Chronicle Wire: the tagged value format ({@link cspjob.serializers.wire.Tag}),
 * the encoder and decoder, and the registry that decides which types may be built. Internal to the
 * serializers.
 */
package cspjob.serializers.wire;
