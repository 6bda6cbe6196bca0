package se.samsyn;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SamsynApplication {

    /**
     * ojAlgo's own switch: a system property that, when set to anything, keeps its
     * {@code org.ojalgo.OjAlgoUtils} from printing an eight-line notice about its hardware profiles
     * to standard out when the class loads (at the first solve of a disclosure check). It is read
     * once, so it must be set before that. The tests set it in the build (surefire's system
     * properties).
     */
    static final String OJALGO_QUIET = "shut.up.ojAlgo";

    public static void main(String[] args) {
        quietLibraries();
        SpringApplication.run(SamsynApplication.class, args);
    }

    /**
     * Sets the libraries' own switches against printing to standard out ({@link #OJALGO_QUIET}),
     * unless the property was given on the command line. Call before any solve.
     */
    static void quietLibraries() {
        if (System.getProperty(OJALGO_QUIET) == null) {
            System.setProperty(OJALGO_QUIET, "true");
        }
    }
}
