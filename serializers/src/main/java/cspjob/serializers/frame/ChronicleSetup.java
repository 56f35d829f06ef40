package cspjob.serializers.frame;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * What Chronicle needs before its first class loads: the JVM flags of bin/jvm.properties (checked,
 * so that a JVM started without them fails with one clear message instead of Chronicle's stack
 * traces), and its settings. Chronicle logs through SLF4J, bound to java.util.logging (slf4j-jdk14).
 */
final class ChronicleSetup {
    /** Held so that java.util.logging, which keeps loggers weakly, does not forget the level. */
    private static final Logger CHRONICLE = Logger.getLogger("net.openhft");
    private static volatile boolean done;

    private ChronicleSetup() {
    }

    static void ensure() {
        if (done) return;
        synchronized (ChronicleSetup.class) {
            if (done) return;
            checkFlags();
            // Chronicle's usage reporting to an outside web service (its jar is excluded as well).
            if (System.getProperty("chronicle.analytics.disable") == null) {
                System.setProperty("chronicle.analytics.disable", "true");
            }
            // Chronicle announces itself at INFO ("Chronicle core loaded from ..."): keep its
            // warnings and errors, drop the chatter, unless the user configured a level for it.
            if (LogManager.getLogManager().getProperty("net.openhft.level") == null) {
                CHRONICLE.setLevel(Level.WARNING);
            }
            done = true;
        }
    }

    private static void checkFlags() {
        Module base = Object.class.getModule();
        Module us = ChronicleSetup.class.getModule();
        List<String> missing = new ArrayList<>();
        if (!base.isOpen("java.lang.reflect", us)) missing.add("--add-opens=java.base/java.lang.reflect=ALL-UNNAMED");
        if (!base.isOpen("java.nio", us)) missing.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
        if (!base.isExported("sun.nio.ch", us)) missing.add("--add-exports=java.base/sun.nio.ch=ALL-UNNAMED");
        if (!base.isExported("jdk.internal.ref", us)) missing.add("--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED");
        if (!base.isExported("jdk.internal.misc", us)) missing.add("--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED");
        if (!missing.isEmpty()) {
            throw new IllegalStateException("this JVM was started without the flags cspjob's serializers (Chronicle Wire)"
                    + " need: " + String.join(" ", missing) + ". Start it through bin/cspjob, or add the jvm.flags line"
                    + " of bin/jvm.properties to its command line.");
        }
    }
}
