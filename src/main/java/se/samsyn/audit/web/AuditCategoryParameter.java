package se.samsyn.audit.web;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;
import se.samsyn.audit.AuditCategory;

/**
 * Reads the {@code category} filter of the audit page and API: the code ({@code security},
 * {@code individual-read}) or, as links and clients sent before codes, the name
 * ({@code SECURITY}); blank means no filter (null). Anything else is refused, which the web layer
 * answers with 400 naming the parameter.
 */
@Component
class AuditCategoryParameter implements Converter<String, AuditCategory> {

    @Override
    public AuditCategory convert(String text) {
        String trimmed = text.trim();
        return trimmed.isEmpty() ? null : AuditCategory.of(trimmed);
    }
}
