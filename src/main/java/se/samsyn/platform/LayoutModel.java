package se.samsyn.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;
import se.samsyn.shared.Actor;

/** What the layout needs on every page: who is signed in, the language and the current path. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    @ModelAttribute("currentActor")
    Actor currentActor() {
        return Actor.current().orElse(null);
    }

    @ModelAttribute("currentLang")
    String currentLang(HttpServletRequest request) {
        return RequestContextUtils.getLocale(request).getLanguage();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
