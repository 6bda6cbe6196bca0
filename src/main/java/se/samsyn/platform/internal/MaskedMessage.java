package se.samsyn.platform.internal;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import se.samsyn.shared.PersonalNumberShape;

/**
 * Logback's {@code %m} with every run shaped like a personal identity number masked
 * ({@link PersonalNumberShape#masked}), so no log line carries one (issue 12 point 3). Registered
 * for {@code %m}, {@code %msg} and {@code %message} in {@code logback-spring.xml}; public because
 * Logback creates it by its class name.
 */
public class MaskedMessage extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalNumberShape.masked(super.convert(event));
    }
}
