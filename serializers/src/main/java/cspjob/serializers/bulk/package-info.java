/**
 * The bulk path: primitive arrays and byte buffers as raw little-endian copies of their elements,
 * streamed through the writer's and reader's bounded buffers. Internal to the serializers.
 */
package cspjob.serializers.bulk;
