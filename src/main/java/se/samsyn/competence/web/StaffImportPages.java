package se.samsyn.competence.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import se.samsyn.competence.Degree;
import se.samsyn.competence.DegreeComponent;
import se.samsyn.competence.EmploymentForm;
import se.samsyn.competence.ProtectedTitle;
import se.samsyn.competence.RegulatedTask;
import se.samsyn.competence.StaffNotFound;
import se.samsyn.competence.StaffRegister;
import se.samsyn.competence.StaffRole;
import se.samsyn.imports.AllowedCode;
import se.samsyn.imports.HeldUploads;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.ImportTemplate;
import se.samsyn.imports.TabularFile;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;

/**
 * The HR import of a unit's staff: the upload with its dry run, the allowed codes of every coded
 * column with their names (from the enums the row rule checks), the CSV and JSON templates, and
 * "Importera nu", which stores the file held after a good dry run ({@link HeldUploads}) without a
 * second upload. Only who may see the unit's staff by name reaches the page; anyone else gets 404.
 */
@Controller
class StaffImportPages {

    private final StaffRegister staff;
    private final Organisation organisation;
    private final HeldUploads held;

    StaffImportPages(StaffRegister staff, Organisation organisation, HeldUploads held) {
        this.staff = staff;
        this.organisation = organisation;
        this.held = held;
    }

    @GetMapping("/competence/units/{unit}/import")
    String importPage(@PathVariable String unit, Model model) {
        Actor actor = Actor.current().orElseThrow();
        if (!staff.maySeeNames(actor, unit)) {
            throw new StaffNotFound();
        }
        model.addAttribute("unit", organisation.unit(unit).orElseThrow());
        model.addAttribute("columns", String.join(",", StaffRegister.IMPORT_COLUMNS));
        model.addAttribute("codes", codes());
        model.addAttribute("heldMinutes", HeldUploads.LIFE.toMinutes());
        return "competence/import";
    }

    /** The allowed codes per coded column, in the order of the columns. */
    static Map<String, List<AllowedCode>> codes() {
        Map<String, List<AllowedCode>> codes = new LinkedHashMap<>();
        codes.put("role", AllowedCode.of(StaffRole.values(), StaffRole::code, StaffRole::messageKey));
        codes.put("employment", AllowedCode.of(EmploymentForm.values(), EmploymentForm::code, EmploymentForm::messageKey));
        codes.put("degrees", AllowedCode.of(Degree.values(), Degree::code, Degree::messageKey));
        codes.put("supplementary", AllowedCode.of(DegreeComponent.values(), DegreeComponent::code,
                DegreeComponent::messageKey));
        codes.put("tasks", AllowedCode.of(RegulatedTask.values(), RegulatedTask::code, RegulatedTask::messageKey));
        codes.put("titles", AllowedCode.of(ProtectedTitle.values(), ProtectedTitle::code, ProtectedTitle::messageKey));
        return codes;
    }

    /** The template: the header row and {@link StaffRegister#IMPORT_EXAMPLE}, as CSV or JSON. */
    @GetMapping("/competence/import/template.{format:csv|json}")
    ResponseEntity<byte[]> template(@PathVariable String format) {
        boolean json = "json".equals(format);
        byte[] body = json ? ImportTemplate.json(StaffRegister.IMPORT_COLUMNS, List.of(StaffRegister.IMPORT_EXAMPLE))
                : ImportTemplate.csv(StaffRegister.IMPORT_COLUMNS, List.of(StaffRegister.IMPORT_EXAMPLE));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("samsyn-personal." + format).build().toString())
                .contentType(json ? new MediaType("application", "json", StandardCharsets.UTF_8)
                        : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    @PostMapping("/competence/units/{unit}/import")
    String importFile(@PathVariable String unit, @RequestParam(required = false) MultipartFile file,
                      @RequestParam(defaultValue = "false") boolean dryRun, Model model,
                      HttpServletResponse response) throws IOException {
        Actor actor = Actor.current().orElseThrow();
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("uploadError", "import.error.no-file");
            return importPage(unit, model);
        }
        byte[] content = file.getBytes();
        ImportReport report = run(actor, unit, file.getContentType(), file.getOriginalFilename(), content, dryRun);
        if (report.rejected()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        if (dryRun && "valid".equals(report.status())) {
            held.hold(actor.username(), kind(unit), file.getOriginalFilename(), file.getContentType(), content)
                    .ifPresent(token -> model.addAttribute("heldToken", token));
        }
        model.addAttribute("result", report);
        model.addAttribute("fileName", file.getOriginalFilename());
        return importPage(unit, model);
    }

    /** "Importera nu": stores the file held after a good dry run of this unit, without a second upload. */
    @PostMapping("/competence/units/{unit}/import/held")
    String importHeld(@PathVariable String unit, @RequestParam(defaultValue = "") String token, Model model,
                      HttpServletResponse response)
            throws IOException {
        Actor actor = Actor.current().orElseThrow();
        var file = held.take(token, actor.username(), kind(unit));
        if (file.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("uploadError", "imports.error.held-gone");
            return importPage(unit, model);
        }
        ImportReport answer = run(actor, unit, file.get().contentType(), file.get().fileName(),
                file.get().content(), false);
        if (answer.rejected()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        model.addAttribute("result", answer);
        model.addAttribute("fileName", file.get().fileName());
        return importPage(unit, model);
    }

    private ImportReport run(Actor actor, String unit, String contentType, String fileName, byte[] content,
                             boolean dryRun) throws IOException {
        try (InputStream in = new ByteArrayInputStream(content)) {
            return staff.importStaff(actor, unit, in, TabularFile.formatOf(contentType, fileName), dryRun);
        }
    }

    private static String kind(String unit) {
        return "competence:staff:" + unit;
    }
}
