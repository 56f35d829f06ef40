package cspjob.runtime.net;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Mutual proof of the job secret when a connection opens, before any frame is decoded. Each side
 * sends a fresh random challenge and answers the other's with HMAC-SHA256(secret, role, both
 * challenges); the role label keeps an answer from being reflected back. A wrong answer closes the
 * connection. The secret never crosses the wire.
 *
 * <pre>
 *   client -> server: MAGIC, client challenge
 *   server -> client: MAGIC, server challenge, HMAC("server", client challenge, server challenge)
 *   client -> server: HMAC("client", client challenge, server challenge)
 * </pre>
 */
final class Handshake {
    /** "CSPJ" and a protocol version: a peer speaking something else is refused at once. */
    static final int MAGIC = 0x43_53_50_4A;
    static final int VERSION = 1;
    private static final int CHALLENGE_BYTES = 32;
    private static final int MAC_BYTES = 32;
    private static final byte[] CLIENT = "client".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER = "server".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Handshake() {
    }

    /** The connecting side. */
    static void asClient(DataInputStream in, DataOutputStream out, JobSecret secret, String peer) throws IOException {
        byte[] mine = challenge();
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.write(mine);
        out.flush();
        readMagic(in, peer);
        byte[] theirs = in.readNBytes(CHALLENGE_BYTES);
        byte[] proof = in.readNBytes(MAC_BYTES);
        if (theirs.length != CHALLENGE_BYTES || proof.length != MAC_BYTES) {
            throw new AuthenticationException(peer + " closed the connection during the handshake");
        }
        if (!JobSecret.same(proof, secret.mac(SERVER, mine, theirs))) {
            throw new AuthenticationException(peer + " does not know this job's secret"
                    + " (is it another job's dispatcher? see JobSecret for sharing one)");
        }
        out.write(secret.mac(CLIENT, mine, theirs));
        out.flush();
    }

    /** The accepting side. */
    static void asServer(DataInputStream in, DataOutputStream out, JobSecret secret, String peer) throws IOException {
        readMagic(in, peer);
        byte[] theirs = in.readNBytes(CHALLENGE_BYTES);
        if (theirs.length != CHALLENGE_BYTES) {
            throw new AuthenticationException(peer + " closed the connection during the handshake");
        }
        byte[] mine = challenge();
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.write(mine);
        out.write(secret.mac(SERVER, theirs, mine));
        out.flush();
        byte[] proof = in.readNBytes(MAC_BYTES);
        if (proof.length != MAC_BYTES || !JobSecret.same(proof, secret.mac(CLIENT, theirs, mine))) {
            throw new AuthenticationException(peer + " did not prove it knows this job's secret");
        }
    }

    private static void readMagic(DataInputStream in, String peer) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new AuthenticationException(peer + " does not speak the cspjob protocol (first bytes 0x"
                    + Integer.toHexString(magic) + ")");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new AuthenticationException(peer + " speaks cspjob protocol version " + version + ", this JVM " + VERSION
                    + "; run the same cspjob version on every node");
        }
    }

    private static byte[] challenge() {
        byte[] bytes = new byte[CHALLENGE_BYTES];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
