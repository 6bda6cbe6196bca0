package se.samsyn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The application's start sets ojAlgo's own switch before the first solve, so the solver prints
 * nothing to standard out; and the build sets it for every test. The first solve runs in a fresh
 * JVM (the switch is read once, when ojAlgo's utility class loads, which in this JVM may have
 * happened long ago).
 */
class QuietLibrariesTests {

    /** What the fresh JVM prints after its solve, so that the test knows the solve ran. */
    private static final String DONE = "solved 3.0";

    @Test
    void theFirstSolveAfterTheApplicationsSwitchPrintsNothingButItsOwnResult() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                FirstSolve.class.getName())).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output.strip()).isEqualTo(DONE);
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void theBuildSetsTheSwitchForTheTests() {
        assertThat(System.getProperty(SamsynApplication.OJALGO_QUIET)).isEqualTo("true");
    }

    /** The fresh JVM: the application's switches, then one small linear programme (max x, x ≤ 3). */
    static final class FirstSolve {

        public static void main(String[] args) {
            System.clearProperty(SamsynApplication.OJALGO_QUIET);
            SamsynApplication.quietLibraries();
            ExpressionsBasedModel model = new ExpressionsBasedModel();
            Variable x = model.addVariable("x").lower(0).weight(1);
            Expression bound = model.addExpression("bound").upper(3);
            bound.set(x, 1);
            Optimisation.Result result = model.maximise();
            System.out.println("solved " + result.getValue());
        }
    }
}
