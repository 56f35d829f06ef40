package cspjob.runtime.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret every JVM of one job shares. A dispatcher lets a peer in only after the peer has proved
 * it knows the secret (HMAC-SHA256 over fresh challenges, see {@link Handshake}); the secret itself
 * never crosses the wire, never appears on a command line and never in a log.
 *
 * <p>Where it comes from, in order: the environment variable {@value #ENVIRONMENT} (64 hex digits;
 * cspjob sets it for the JVMs it starts), the file named by {@value #FILE_ENVIRONMENT}, else a new
 * random secret. Two programs started independently share one by both reading the same file:
 * {@code head -c 32 /dev/urandom | xxd -p -c 64 > ~/.cspjob-secret; chmod 600 ~/.cspjob-secret}
 * then {@code export CSPJOB_SECRET_FILE=~/.cspjob-secret} in both.
 */
public final class JobSecret {
    /** The environment variable that carries the secret as 64 hex digits. */
    public static final String ENVIRONMENT = "CSPJOB_SECRET";
    /** The environment variable that names a file holding the secret as 64 hex digits. */
    public static final String FILE_ENVIRONMENT = "CSPJOB_SECRET_FILE";
    private static final int BYTES = 32;
    private static final String MAC = "HmacSHA256";

    private final byte[] key;

    private JobSecret(byte[] key) {
        this.key = key;
    }

    /** A new random secret. */
    public static JobSecret generate() {
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        return new JobSecret(key);
    }

    /** A secret from 64 hex digits. */
    public static JobSecret fromHex(String hex) {
        byte[] key;
        try {
            key = HexFormat.of().parseHex(hex.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a cspjob secret must be " + 2 * BYTES + " hex digits; this one is not hex");
        }
        if (key.length != BYTES) {
            throw new IllegalArgumentException("a cspjob secret must be " + 2 * BYTES + " hex digits; this one has " + 2 * key.length);
        }
        return new JobSecret(key);
    }

    /** The secret of this JVM's job: from the environment, a file, or a new one (see the class comment). */
    public static JobSecret fromEnvironment() {
        String hex = System.getenv(ENVIRONMENT);
        if (hex != null && !hex.isBlank()) {
            return fromHex(hex);
        }
        String file = System.getenv(FILE_ENVIRONMENT);
        if (file != null && !file.isBlank()) {
            try {
                return fromHex(Files.readString(Path.of(file), StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the cspjob secret from " + FILE_ENVIRONMENT + "=" + file + ": " + e.getMessage(), e);
            }
        }
        return generate();
    }

    /** The secret as hex, for handing to a JVM this one starts (through its environment, never its command line). */
    public String toHex() {
        return HexFormat.of().formatHex(key);
    }

    /** HMAC-SHA256 of the parts, in order, under the secret. */
    byte[] mac(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(key, MAC));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no " + MAC + ": " + e.getMessage(), e);
        }
    }

    /** Compares in constant time, so a peer cannot guess a MAC byte by byte. */
    static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    @Override
    public String toString() {
        return "JobSecret[hidden]";
    }
}
