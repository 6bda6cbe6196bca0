package se.samsyn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import se.samsyn.platform.WebSliceConfiguration;

/**
 * A web slice test of the given controllers: {@code @WebMvcTest(controllers = ...)} with the
 * platform's layout beans ({@link WebSliceConfiguration}), so pages render with their layout and
 * API answers go through the platform's problem advice. Sign in a request with
 * {@link SignedIn#as(se.samsyn.shared.Actor)}; mock the module's API with {@code @MockitoBean}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import(WebSliceConfiguration.class)
public @interface WebSliceTest {

    /** The controllers under test; the slice loads these and no other controller. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
