package se.samsyn.comparison.kolada;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The Kolada beans every Kolada controller needs, as Mockito mocks in a web slice test: the
 * import, the connector, the repository and the sample load. A test that stubs or verifies one
 * of them autowires it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@MockitoBean(types = {KoladaImport.class, KoladaConnector.class, KoladaRepository.class, KoladaSampleLoad.class})
@interface KoladaWebMocks {
}
