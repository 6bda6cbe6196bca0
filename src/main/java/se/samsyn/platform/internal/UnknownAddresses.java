package se.samsyn.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.UnsatisfiedServletRequestParameterException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches a request for an address that nothing in the application answers: no handler mapping
 * of the dispatcher (controllers, static folders, actuator, API docs) has a handler for it. Such a
 * request is let through the security chain so that anyone, signed in or not, gets the 404 page
 * (or, under {@code /api/}, a 404 problem answer) instead of the login page, and makes no session.
 * The CSRF filter also leaves such a request alone, so a POST or other unsafe method without a
 * token gets the same 404 as a GET rather than a 403 and a new session. An address that exists but
 * not for this method or media type counts as existing, so it stays protected.
 *
 * <p>The handler mappings are asked on a copy of the request whose attributes are its own, so the
 * look-up leaves nothing behind for the dispatcher (which looks the handler up again).
 */
final class UnknownAddresses implements RequestMatcher {

    private final ObjectProvider<HandlerMappingIntrospector> introspector;

    UnknownAddresses(ObjectProvider<HandlerMappingIntrospector> introspector) {
        this.introspector = introspector;
    }

    /** True when no handler mapping answers the request's method and path. */
    @Override
    public boolean matches(HttpServletRequest request) {
        HttpServletRequest probe = new OwnAttributes(request);
        try {
            ServletRequestPathUtils.parseAndCache(probe);
            for (HandlerMapping mapping : introspector.getObject().getHandlerMappings()) {
                if (mapping.getHandler(probe) != null) {
                    return false;
                }
            }
            return true;
        } catch (HttpRequestMethodNotSupportedException | HttpMediaTypeException
                 | UnsatisfiedServletRequestParameterException e) {
            return false; // the address exists, only not like this
        } catch (Exception e) {
            return false; // when in doubt the address counts as existing, and stays protected
        }
    }

    /** The request with attributes of its own: what the look-up sets stays in the copy. */
    private static final class OwnAttributes extends HttpServletRequestWrapper {
        private static final Object REMOVED = new Object();
        private final Map<String, Object> attributes = new HashMap<>();

        OwnAttributes(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            Object value = attributes.get(name);
            if (value == REMOVED) {
                return null;
            }
            return value != null ? value : super.getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
            attributes.forEach((name, value) -> {
                if (value == REMOVED) {
                    names.remove(name);
                } else {
                    names.add(name);
                }
            });
            return Collections.enumeration(names);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value == null ? REMOVED : value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.put(name, REMOVED);
        }
    }
}
