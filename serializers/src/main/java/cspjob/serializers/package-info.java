/**
 * Values to bytes and back, streamed in bounded chunks: {@link cspjob.serializers.Serializer} (start
 * here), {@link cspjob.serializers.SerializerContext} (settings and types),
 * {@link cspjob.serializers.MessageWriter} and {@link cspjob.serializers.MessageReader} (one per
 * connection), {@link cspjob.serializers.TypeCodec} (how the runtime sends its own types), and the
 * {@link cspjob.serializers.SerializationException} family.
 *
 * <p>This module knows nothing of channels or processes; the runtime uses it to move payloads
 * between JVMs. The sub-packages are its insides: {@code frame} (the byte layout and the bounded
 * buffers), {@code wire} (structured values on Chronicle Wire, and the type registry) and
 * {@code bulk} (raw array copies).
 */
package cspjob.serializers;
