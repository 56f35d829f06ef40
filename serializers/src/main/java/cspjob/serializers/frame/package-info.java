/**
 * The byte layout of a message ({@link cspjob.serializers.frame.FrameFormat}) and the bounded
 * buffers that stream it to and from a channel. Internal to the serializers.
 */
package cspjob.serializers.frame;
