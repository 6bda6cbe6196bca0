package se.samsyn.identity.web;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;
import se.samsyn.shared.Role;
import se.samsyn.shared.ScopeType;

/**
 * Reads a role or scope type from a form field or query parameter as the API's code
 * ({@code case-worker}, {@code unit}) or, as forms sent before codes, its name
 * ({@code CASE_WORKER}, {@code UNIT}); blank is null. Anything else is refused, which the form
 * binding reports as a field error and an API parameter as 400. Registered with Spring MVC as
 * converters, so every page that binds a role or scope type (account administration here, a
 * priority process's scope) reads both forms.
 */
final class RoleParameters {

    private RoleParameters() {
    }

    @Component
    static class RoleCode implements Converter<String, Role> {

        @Override
        public Role convert(String text) {
            String trimmed = text.trim();
            return trimmed.isEmpty() ? null : Role.ofJson(trimmed);
        }
    }

    @Component
    static class ScopeTypeCode implements Converter<String, ScopeType> {

        @Override
        public ScopeType convert(String text) {
            String trimmed = text.trim();
            return trimmed.isEmpty() ? null : ScopeType.ofJson(trimmed);
        }
    }
}
