package se.samsyn.platform.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Public help pages. {@code /om/sekretess} explains how small numbers are protected: primary
 * suppression under the threshold, secondary suppression so that a hidden value cannot be worked
 * out from the others, the protection level, and what ".." and "-" mean in every table. The rules
 * are those of docs/adr 0008 and 0015; the threshold shown is the running one
 * ({@code samsyn.suppression-threshold}, default 5).
 */
@Controller
class HelpPages {

    private final int threshold;

    HelpPages(@Value("${samsyn.suppression-threshold:5}") int threshold) {
        this.threshold = threshold;
    }

    @GetMapping("/om/sekretess")
    String suppression(Model model) {
        model.addAttribute("threshold", threshold);
        return "help/suppression";
    }
}
