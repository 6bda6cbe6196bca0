package se.samsyn.platform.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.ScopeType;

/**
 * What the layout needs on every page: who is signed in, the language, the current path, and the
 * low-disk warning for national administrators.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    private final DataFolderSpace space;

    LayoutModel(DataFolderSpace space) {
        this.space = space;
    }

    /**
     * For a national administrator when the data folder is below its warning limit: the free space
     * and the limit, for the banner ({@code disk.low}); otherwise null.
     */
    @ModelAttribute("diskWarning")
    String[] diskWarning() {
        Actor actor = Actor.current().orElse(null);
        if (actor == null || actor.role() != Role.ADMINISTRATOR || actor.scope().type() != ScopeType.NATION
                || !space.low()) {
            return null;
        }
        return new String[] {DataFolderSpace.readable(space.free()), DataFolderSpace.readable(space.warnBelow().toBytes())};
    }

    @ModelAttribute("currentActor")
    Actor currentActor() {
        return Actor.current().orElse(null);
    }

    @ModelAttribute("currentLang")
    String currentLang(HttpServletRequest request) {
        return RequestContextUtils.getLocale(request).getLanguage();
    }

    /**
     * The address the reader asked for, for the navigation and the language switch: on an error
     * page the address that failed (not {@code /error}, where the container forwarded it), so the
     * switch shows the same page in the other language; a failed address that may not be repeated
     * ({@link FailedAddress#echoable}: another site, a personal number) leads to the start page.
     */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed) {
            return FailedAddress.echoable(failed) ? failed : "/";
        }
        return request.getRequestURI();
    }
}
