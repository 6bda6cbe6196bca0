package se.samsyn.platform.internal;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;
import se.samsyn.shared.PersonalNumberShape;

/**
 * Spring Boot's {@code %wEx} (a stack trace after a blank line, with packaging data) with every
 * run shaped like a personal identity number masked ({@link PersonalNumberShape#masked}): an
 * exception's message may repeat the input that caused it (issue 12 point 3). Registered for
 * {@code %wEx} and {@code %wex} in {@code logback-spring.xml}; public because Logback creates it
 * by its class name.
 */
public class MaskedThrowable extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return PersonalNumberShape.masked(super.throwableProxyToString(proxy));
    }
}
