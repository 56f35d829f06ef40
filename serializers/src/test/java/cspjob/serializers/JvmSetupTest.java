package cspjob.serializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JVM-level promises, checked in fresh JVMs started with the flags in bin/jvm.properties. */
class JvmSetupTest {

    @Test
    void chronicleStartsWithoutAnyWarningOrLoggingNotice() throws Exception {
        ChildJvm.Result result = ChildJvm.run(QuietStartMain.class, ChildJvm.projectFlags(), 60);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("", result.stderr(), "a cspjob JVM must start silently");
        assertEquals("", result.stdout());
    }

    /** 1 GiB out and back in a 1.25 GiB heap: two copies of the message could never fit (about 5 s). */
    @Test
    void aGibibyteArrayStreamsBothWaysWithoutASecondCopy() throws Exception {
        List<String> options = new ArrayList<>(ChildJvm.projectFlags());
        options.add("-Xmx1280m");
        options.add("-Xms1280m");
        ChildJvm.Result result = ChildJvm.run(GibibyteStreamMain.class, options, 300);
        assertEquals(0, result.exitCode(), "stdout: " + result.stdout() + " stderr: " + result.stderr());
        assertTrue(result.stdout().contains("file 1073741"), result.stdout());
    }
}
